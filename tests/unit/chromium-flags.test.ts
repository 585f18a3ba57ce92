import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_CHROMIUM_FLAGS, PLAYWRIGHT_DISABLED_FEATURES } from '../../scripts/lib/chromium.ts';

// The features the installed Playwright turns off, read from its bundle (chromiumSwitches.ts inlined there).
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib/coreBundle.js'), 'utf8');
  const block = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (!block) throw new Error("playwright-core's bundle no longer declares disabledFeatures as this test expects: read it again");
  return [...block.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe('the flags of a Playwright launch', () => {
  it("repeat Playwright's own disabled features (a second --disable-features replaces the first)", () => {
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual(playwrightDisabledFeatures().sort());
  });

  it('carry one --disable-features, with the browser UI pages that compete with the measured page turned off', () => {
    const flags = PLAYWRIGHT_CHROMIUM_FLAGS.filter((f) => f.startsWith('--disable-features='));
    expect(flags).toHaveLength(1);
    const features = flags[0]!.slice('--disable-features='.length).split(',');
    expect(features).toEqual(expect.arrayContaining([...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup']));
  });
});
