// Start-up and keystroke timings of the served release build in headless Chromium.
//
//   node scripts/bench/browser.mjs http://127.0.0.1:PORT/ LARGEST_CONFIG.json [RUNS]
//
// Start-up: navigation start to the first field in the DOM (its handlers are attached when it
// is inserted), in a fresh context each run. Keystroke: with the largest configuration loaded,
// from dispatching an input event on an IP rule to the next task (every effect has run, so the
// visible script and every message are up to date), checked by reading the new value back out
// of the script. Prints medians (and min/max) in milliseconds.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const [baseUrl, configPath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 11);
const config = readFileSync(configPath, 'utf8');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs) => `median ${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, n=${xs.length})`;

const READY_PROBE = () => {
  const id = 'f-target-subscription_id';
  const seen = () => {
    if (window.__firstFieldReady === undefined && document.getElementById(id)) {
      window.__firstFieldReady = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
};

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  // Start-up.
  const startup = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(READY_PROBE);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__firstFieldReady !== undefined, null, { timeout: 30_000 });
    startup.push(await page.evaluate(() => window.__firstFieldReady));
    await context.close();
  }
  console.log(`start-up (navigation to the first field ready): ${fmt(startup)}`);

  // Keystroke at the largest configuration.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem('ai-network-wizard.config', text);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, config);
  await page.goto(`${baseUrl.replace(/\/$/, '')}/?step=network`, { waitUntil: 'load' });
  await page.locator('button[data-step="network"]').click();
  const input = page.locator('#f-network-ip_rules-99');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  const keystroke = await page.evaluate(async (n) => {
    const el = document.getElementById('f-network-ip_rules-99');
    const code = () => document.getElementById('output-code').textContent;
    const nextTask = () => new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    });
    const times = [];
    for (let i = 0; i < n; i += 1) {
      const value = `198.51.100.${(i % 200) + 1}`;
      await nextTask();
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      const t1 = performance.now();
      if (!code().includes(`${value}`)) throw new Error(`the script does not show ${value} after the keystroke`);
      times.push(t1 - t0);
    }
    return times;
  }, Math.max(runs, 21));
  console.log(`keystroke to output up to date (largest configuration): ${fmt(keystroke)}`);
  await context.close();
} finally {
  await browser.close();
}
