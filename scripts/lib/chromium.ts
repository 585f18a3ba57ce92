/**
 * How the browser tests and the benchmarks launch Debian's Chromium (CHROMIUM_PATH to override): WebGL2 on
 * SwiftShader, no background traffic. One definition, so the bench measures the browser the tests run.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
