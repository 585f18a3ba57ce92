import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './harness.ts';

/**
 * One Chromium per vitest worker for the whole browser run, instead of one launch per test file: files connect to
 * their worker's (see launchBrowser in harness.ts), so at most one file uses a browser at a time, each in contexts of
 * its own. Stopped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // maxWorkers is 1 when the project's fileParallelism is off.
  const workers = Math.max(1, project.config.maxWorkers ?? 1);
  const servers: BrowserServer[] = await Promise.all(Array.from({ length: workers }, () => chromium.launchServer(CHROMIUM)));
  project.provide(
    'chromiumEndpoints',
    servers.map((s) => s.wsEndpoint()),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
