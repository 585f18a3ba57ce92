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

/**
 * The features Playwright itself turns off (playwright-core's chromiumSwitches.ts). Chromium keeps only the last
 * `--disable-features` it is given, so a launch through Playwright that turns off more must repeat these;
 * tests/unit/chromium-flags.test.ts keeps the list in step with the installed Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The browser's own address-bar popup, a web page of its own (chrome://omnibox-popup.top-chrome): every new window
 * starts a renderer for it, and Playwright opens a window per browser context. On two cores that renderer took
 * 0.5–0.7 s of CPU in the middle of each measured page load (a trace of `npm run bench` showed it beside the app).
 * Without these three features the browser uses its native popup, made only when the address bar is used.
 */
const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** The flags of a launch through Playwright (the browser tests and the bench's pages; Lighthouse launches its own). */
export const PLAYWRIGHT_CHROMIUM_FLAGS = [...CHROMIUM_FLAGS, `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`];
