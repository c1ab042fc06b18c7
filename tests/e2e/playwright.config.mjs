// End-to-end tests of the release build (dist/), in Debian's headless Chromium through
// @playwright/test. One spec file per flow in specs/; shared helpers in support/app.mjs.
//
//   E2E_BASE_URL=http://127.0.0.1:PORT/ node_modules/.bin/playwright test   (scripts/test.sh does this)
//   node_modules/.bin/playwright test specs/network.spec.mjs                  (serves ../../dist itself)
//
// Environment: E2E_BASE_URL (a server already serving dist/), E2E_IGNORE (a glob of spec files to
// leave out), CHROMIUM_BIN (the browser),
// E2E_WORKERS (parallel pages, default 1: the machines have two cores).
import { defineConfig } from '@playwright/test';

const ownServerPort = 4173;
const baseURL = process.env.E2E_BASE_URL || `http://127.0.0.1:${ownServerPort}/`;

export default defineConfig({
  testDir: './specs',
  testMatch: '**/*.spec.mjs',
  // scripts/test.sh runs the apply page's spec as a step of its own.
  testIgnore: process.env.E2E_IGNORE || undefined,
  outputDir: '../../target/e2e-results',
  timeout: 120_000,
  expect: { timeout: 8_000 },
  workers: Number(process.env.E2E_WORKERS || 1),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['html', { outputFolder: '../../target/e2e-report', open: 'never' }],
    ['./support/summary-reporter.mjs'],
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // The headers a static host sends (dist/_headers), as scripts/serve.sh serves them.
        command: `python3 ../../scripts/static-server.py ../../dist ${ownServerPort}`,
        url: baseURL,
        reuseExistingServer: false,
        stderr: 'ignore', // the server's request log
      },
});
