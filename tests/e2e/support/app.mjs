// The test fixture and the app's DOM contract, shared by every spec.
//
// Every test gets a fresh browser context (so fresh storage) and page. A test fails if its page
// logs a console error, throws, gets an HTTP error for one of its own files, tries to reach
// anything but the served origin (all such requests are blocked: the app must work offline), or
// does anything its Content-Security-Policy refuses (a `securitypolicyviolation` event).
// Named screenshots go to target/e2e-screenshots/; on failure Playwright keeps a trace and a
// screenshot in target/e2e-results/ and the HTML report in target/e2e-report/.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');

export const SHOTS = process.env.E2E_SCREENSHOT_DIR || path.join(repoRoot, 'target', 'e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });
export const shot = (name) => path.join(SHOTS, name);

export const SUB = '6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const isFavicon = (url) => {
  try {
    return /\/favicon\.ico$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

export const test = base.extend({
  // Origins a spec may reach besides the app's (the local ARM fake): their requests go
  // through, and their error answers (and the console lines Chromium writes about them) are
  // the spec's to check.
  extraOrigins: [[], { option: true }],
  // A spec that provokes policy violations on purpose checks them itself (cspViolations) and
  // names the console lines Chromium writes about them.
  expectViolations: [false, { option: true }],
  allowConsole: [[], { option: true }],
  // Every `securitypolicyviolation` of every page and frame of the test, as it happened.
  cspViolations: [
    async ({ context }, use) => {
      const seen = [];
      await context.exposeBinding('__e2eCspViolation', ({ frame }, v) => seen.push({ ...v, frame: frame.url() }));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__e2eCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
        });
      });
      await use(seen);
    },
    { auto: true },
  ],
  // Offline proof and a clean console, checked after every test.
  pageGuard: [
    async ({ context, baseURL, extraOrigins, cspViolations, expectViolations, allowConsole }, use) => {
      const origin = new URL(baseURL).origin;
      const problems = [];
      const blocked = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        let from = null;
        try {
          from = new URL(url).origin;
        } catch {
          /* not a URL with an origin */
        }
        if (from === origin || extraOrigins.includes(from)) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      const watch = (page) => {
        page.setDefaultTimeout(15_000);
        page.on('console', (m) => {
          if (m.type() !== 'error') return;
          const where = m.location()?.url ?? '';
          if (isFavicon(where)) return;
          if (extraOrigins.some((o) => where.startsWith(o) || m.text().includes(o))) return;
          if (allowConsole.some((re) => re.test(m.text()))) return;
          problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
        });
        page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message}`));
        page.on('crash', () => problems.push('the page crashed'));
        page.on('response', (r) => {
          if (r.status() >= 400 && !isFavicon(r.url()) && !extraOrigins.some((o) => r.url().startsWith(o))) problems.push(`HTTP ${r.status()} for ${r.url()}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(undefined);
      await sleep(100); // let late console messages arrive
      expect([...new Set(blocked)], 'the page tried to reach other origins (blocked)').toEqual([]);
      expect([...new Set(problems)], 'the page reported problems').toEqual([]);
      if (!expectViolations) expect(cspViolations, 'the page did what its Content-Security-Policy refuses').toEqual([]);
    },
    { auto: true },
  ],
});

// --- small assertion helpers -------------------------------------------------

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export const norm = (s) => (s ?? '').replace(/\r\n/g, '\n').trim();

export function clip(s, n = 600) {
  s = s ?? '';
  return s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s;
}

export function assertIncludes(haystack, needle, what) {
  assert(
    (haystack ?? '').toLowerCase().includes(needle.toLowerCase()),
    `${what}: expected to contain ${JSON.stringify(needle)}, got ${JSON.stringify(clip(haystack))}`,
  );
}

export function assertMatch(text, re, what) {
  assert(re.test(text ?? ''), `${what}: expected to match ${re}, got ${JSON.stringify(clip(text))}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Retries an async check until it stops throwing (the UI updates asynchronously).
export async function eventually(check, { timeout = 8000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await sleep(interval);
  }
}

// --- page helpers (the app's DOM contract) -----------------------------------

export async function gotoApp(page, query = '/') {
  await page.goto(query, { waitUntil: 'load' });
  await waitForApp(page);
}

export async function waitForApp(page) {
  await page.locator('button[data-step="target"]').waitFor({ state: 'visible', timeout: 30_000 });
}

export async function goStep(page, name) {
  await page.locator(`button[data-step="${name}"]`).click();
  await page.locator(`section#step-${name}`).waitFor({ state: 'visible' });
}

// Sets a form field the way a person would: pick from a <select>, else type; then Tab away.
export async function setField(page, id, value) {
  const field = page.locator(`#${id}`);
  await field.waitFor({ state: 'visible' });
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await field.selectOption(value);
  } else {
    await field.fill(value);
  }
  await field.press('Tab');
}

export async function fillValidTarget(page, name = 'contoso-speech') {
  await goStep(page, 'target');
  await setField(page, 'f-target-subscription_id', SUB);
  await setField(page, 'f-target-resource_group', 'rg-speech-prod');
  await setField(page, 'f-target-name', name);
  await setField(page, 'f-target-region', 'westeurope');
  // The custom domain step is on by default: a person names the subdomain and acknowledges
  // that it is irreversible, otherwise the form is not complete.
  await goStep(page, 'custom_domain');
  await setField(page, 'f-custom_domain-subdomain', name);
  await page.locator('#f-custom_domain-acknowledge_irreversible').check();
  await goStep(page, 'target');
}

// The script as shown once it is complete: the header's reopen link follows an edit once typing
// pauses, and the code view is aria-busy until then.
export async function outputText(page) {
  await page.locator('#output-code:not([aria-busy="true"])').waitFor({ state: 'attached' });
  return norm(await page.locator('#output-code').textContent());
}

export async function selectTab(page, id) {
  const tab = page.locator(`#${id}`);
  await tab.click();
  await eventually(async () =>
    assert((await tab.getAttribute('aria-selected')) === 'true', `#${id} is not aria-selected after a click`),
  );
}

export async function expectOutput(page, needles, what) {
  await eventually(async () => {
    const text = await outputText(page);
    for (const n of needles) assertIncludes(text, n, `${what}: #output-code`);
  });
}

export async function expectValidOutput(page) {
  await eventually(async () => {
    const cls = (await page.locator('#output-code').getAttribute('class')) ?? '';
    assert(!/\bstale\b/.test(cls), `output is still marked stale; #output-status says ${JSON.stringify(
      clip(await page.locator('#output-status').textContent()))}; diagnostics: ${JSON.stringify(
      clip(await page.locator('#diagnostics').textContent()))}`);
    assert(await page.locator('#download-output').isEnabled(), '#download-output is disabled with a valid form');
  });
}

// The message element of a field, e.g. msg(page, 'target-subscription_id').
export const msg = (page, key) => page.locator(`#m-${key}`);

// The row index N of the IP-rule input #f-network-ip_rules-N holding `value`.
export async function ipRowIndex(page, value) {
  return eventually(async () => {
    const idx = await page.evaluate((v) => {
      const rows = [...document.querySelectorAll('input[id^="f-network-ip_rules-"]')]
        .filter((el) => /^f-network-ip_rules-\d+$/.test(el.id));
      const row = rows.find((el) => el.value.trim() === v);
      return row ? Number(row.id.split('-').pop()) : null;
    }, value);
    assert(idx !== null, `no IP rule row holds ${JSON.stringify(value)}`);
    return idx;
  });
}

export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Injects axe-core (once per document) and fails on any violation of the given impacts
// (default: serious and critical); lesser ones are printed.
export async function axeCheck(page, label, { impacts = ['serious', 'critical'], tags, strict = false } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  await settle(page);
  const violations = await page.evaluate(async ([runTags, enhanced]) => {
    const options = { resultTypes: ['violations'] };
    if (runTags) options.runOnly = { type: 'tag', values: runTags };
    if (enhanced) options.rules = { 'color-contrast-enhanced': { enabled: true } };
    const r = await window.axe.run(document, options);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`),
    }));
  }, [tags ?? null, strict]);
  for (const v of violations.filter((v) => !impacts.includes(v.impact))) {
    console.log(`# axe (${label}) ${v.impact}: ${v.id}: ${v.help}`);
  }
  const bad = violations.filter((v) => impacts.includes(v.impact));
  assert(
    bad.length === 0,
    `axe (${label}) found ${bad.length} violation(s):\n${bad
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      at ${n}`).join('\n')}`)
      .join('\n')}`,
  );
}

// Presses Tab until the focused element matches `selector` (a keyboard user's way there).
export async function tabTo(page, selector, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${max} Tab presses did not reach ${selector}; focus is on ${at}`);
}

export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

// Everything axe checks, including AAA contrast (color-contrast-enhanced), at any impact.
export async function axeStrict(page, label) {
  await axeCheck(page, label, { impacts: ['minor', 'moderate', 'serious', 'critical'], strict: true });
}
