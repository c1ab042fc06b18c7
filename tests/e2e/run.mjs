// End-to-end tests of the built web app, driven like a person would use it, in
// Debian's headless Chromium through playwright-core (no test framework).
//
//   node tests/e2e/run.mjs http://127.0.0.1:PORT/
//
// Every test gets a fresh browser context (so fresh storage) and page. A test fails if
// its page logs a console error, throws, gets an HTTP error for one of its own files,
// or tries to reach anything but the served origin (all such requests are blocked:
// the app must work offline). Screenshots go to target/e2e-screenshots/.
//
// Environment: E2E_ONLY=substring runs only the tests whose name contains it;
// CHROMIUM_BIN overrides the browser; E2E_SCREENSHOT_DIR the screenshot folder.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const SHOTS = process.env.E2E_SCREENSHOT_DIR || path.join(repoRoot, 'target', 'e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const ONLY = process.env.E2E_ONLY || '';
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 120_000);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error('usage: node tests/e2e/run.mjs http://127.0.0.1:PORT/');
  process.exit(2);
}
const ORIGIN = new URL(baseUrl).origin;

const SUB = '6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91';
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

// --- small assertion helpers -------------------------------------------------

class AssertionError extends Error {}

function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}

const norm = (s) => (s ?? '').replace(/\r\n/g, '\n').trim();

function assertIncludes(haystack, needle, what) {
  assert(
    (haystack ?? '').toLowerCase().includes(needle.toLowerCase()),
    `${what}: expected to contain ${JSON.stringify(needle)}, got ${JSON.stringify(clip(haystack))}`,
  );
}

function assertMatch(text, re, what) {
  assert(re.test(text ?? ''), `${what}: expected to match ${re}, got ${JSON.stringify(clip(text))}`);
}

function clip(s, n = 600) {
  s = s ?? '';
  return s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Retries an async check until it stops throwing (the UI updates asynchronously).
async function eventually(check, { timeout = 8000, interval = 100 } = {}) {
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

const shot = (name) => path.join(SHOTS, name);

async function gotoApp(page) {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await waitForApp(page);
}

async function waitForApp(page) {
  await page.locator('button[data-step="target"]').waitFor({ state: 'visible', timeout: 30_000 });
}

async function goStep(page, name) {
  await page.locator(`button[data-step="${name}"]`).click();
  await page.locator(`section#step-${name}`).waitFor({ state: 'visible' });
}

// Sets a form field the way a person would: pick from a <select>, else type; then Tab away.
async function setField(page, id, value) {
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

async function fillValidTarget(page, name = 'contoso-speech') {
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

const outputText = async (page) => norm(await page.locator('pre#output-code').textContent());

async function selectTab(page, id) {
  const tab = page.locator(`#${id}`);
  await tab.click();
  await eventually(async () =>
    assert((await tab.getAttribute('aria-selected')) === 'true', `#${id} is not aria-selected after a click`),
  );
}

async function expectOutput(page, needles, what) {
  await eventually(async () => {
    const text = await outputText(page);
    for (const n of needles) assertIncludes(text, n, `${what}: pre#output-code`);
  });
}

async function expectValidOutput(page) {
  await eventually(async () => {
    const cls = (await page.locator('pre#output-code').getAttribute('class')) ?? '';
    assert(!/\bstale\b/.test(cls), `output is still marked stale; #output-status says ${JSON.stringify(
      clip(await page.locator('#output-status').textContent()))}; diagnostics: ${JSON.stringify(
      clip(await page.locator('#diagnostics').textContent()))}`);
    assert(await page.locator('#download-output').isEnabled(), '#download-output is disabled with a valid form');
  });
}

// The message element of a field, e.g. msg(page, 'target-subscription_id').
const msg = (page, key) => page.locator(`#m-${key}`);

// The row index N of the IP-rule input #f-network-ip_rules-N holding `value`.
async function ipRowIndex(page, value) {
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

async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Injects axe-core (once per document) and fails on serious or critical violations.
async function axeCheck(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  await settle(page);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`),
    }));
  });
  for (const v of violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')) {
    console.log(`# axe (${label}) ${v.impact}: ${v.id}: ${v.help}`);
  }
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(
    bad.length === 0,
    `axe (${label}) found ${bad.length} serious/critical violation(s):\n${bad
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      at ${n}`).join('\n')}`)
      .join('\n')}`,
  );
}

// --- the tests -----------------------------------------------------------------

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('loads with no console errors, has a title, passes axe in light and dark, screenshots', async ({ page }) => {
  await gotoApp(page);
  await page.locator('section#step-target').waitFor({ state: 'visible' });
  const title = (await page.title()).trim();
  assert(title.length > 0, 'document title is empty');

  await page.emulateMedia({ colorScheme: 'light' });
  await axeCheck(page, 'light');
  await page.screenshot({ path: shot('target-light.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await axeCheck(page, 'dark');
  await page.screenshot({ path: shot('target-dark.png') });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await page.screenshot({ path: shot('target-narrow.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `at 390px wide the page scrolls sideways by ${overflow}px`);
});

test('target step: a person fixes a bad subscription id and sees every script update', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'target');

  const sub = page.locator('#f-target-subscription_id');
  const subErrors = page.locator('#m-target-subscription_id .error');
  await sub.click();
  await sub.fill('1234');
  await sub.press('Tab');
  await subErrors.first().waitFor({ state: 'visible' });
  assertMatch(await subErrors.first().textContent(), /GUID/i, 'message for subscription "1234"');
  await eventually(async () =>
    assert((await sub.getAttribute('aria-invalid')) === 'true', 'subscription input lacks aria-invalid="true"'),
  );

  await fillValidTarget(page);
  await eventually(async () => {
    const n = await subErrors.count();
    assert(n === 0, `subscription error still shown: ${JSON.stringify(n ? await subErrors.first().textContent() : '')}`);
    assert((await sub.getAttribute('aria-invalid')) !== 'true', 'subscription input still aria-invalid="true"');
  });

  await selectTab(page, 'tab-az-bash');
  await expectOutput(page, ['az account set --subscription', 'rg-speech-prod'], 'az bash tab');
  await selectTab(page, 'tab-powershell');
  await expectOutput(page, ['Set-AzContext'], 'PowerShell tab');
  await selectTab(page, 'tab-rest');
  await expectOutput(
    page,
    ['@armEndpoint = https://management.azure.com', `GET {{armEndpoint}}/subscriptions/${SUB}`],
    'REST tab',
  );

  const before = await outputText(page);
  await setField(page, 'f-target-name', 'contoso-speech2');
  await eventually(async () => {
    const after = await outputText(page);
    assert(after !== before, 'the preview did not change after renaming the resource');
    assertIncludes(after, 'contoso-speech2', 'REST tab after the rename');
  });
  await page.screenshot({ path: shot('target-filled.png'), fullPage: true });
});

test('reload keeps the typed values (localStorage)', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await eventually(async () =>
    assert(
      await page.evaluate(() =>
        Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('rg-speech-prod'))),
      'nothing in localStorage holds the typed resource group',
    ),
  );
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await goStep(page, 'target');
  await eventually(async () => {
    assert((await page.locator('#f-target-resource_group').inputValue()) === 'rg-speech-prod',
      'resource group lost on reload');
    assert((await page.locator('#f-target-subscription_id').inputValue()) === SUB, 'subscription lost on reload');
    assert((await page.locator('#f-target-name').inputValue()) === 'contoso-speech', 'name lost on reload');
  });
});

test('diagnostics: clicking an error from another step jumps to the field and focuses it', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'target');
  await setField(page, 'f-target-subscription_id', SUB);
  await setField(page, 'f-target-resource_group', '');
  await goStep(page, 'network');

  const byTarget = page.locator(
    '#diagnostics a.diag[href$="f-target-resource_group"], #diagnostics a.diag[data-field="target.resource_group"]',
  );
  const byText = page.locator('#diagnostics a.diag').filter({ hasText: /resource[ _-]?group/i });
  const link = await eventually(async () => {
    if ((await byTarget.count()) > 0) return byTarget.first();
    if ((await byText.count()) > 0) return byText.first();
    throw new AssertionError(`no a.diag link for the empty resource group in #diagnostics: ${JSON.stringify(
      clip(await page.locator('#diagnostics').textContent()))}`);
  });
  await link.click();
  await page.locator('section#step-target').waitFor({ state: 'visible' });
  await eventually(async () => {
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    assert(focused === 'f-target-resource_group', `focus is on #${focused || '(nothing)'}, not #f-target-resource_group`);
  });
  assert((await page.locator('#f-target-resource_group').getAttribute('aria-invalid')) === 'true',
    'empty resource group lacks aria-invalid="true"');
});

test('network step: pasting a block of IPs explains each row and one-click fixes work', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'network');
  await page.locator('#ip-paste').fill(
    '203.0.113.7\n10.1.2.3, 198.51.100.7/32 2001:db8::1\nnot-an-ip\n203.0.113.5/24',
  );
  await page.locator('#ip-paste-add').click();

  const rowMsg = async (value) => msg(page, `network-ip_rules-${await ipRowIndex(page, value)}`);
  const expectMsg = async (value, re) => {
    const m = await rowMsg(value);
    await eventually(async () => assertMatch(await m.textContent(), re, `message for row ${JSON.stringify(value)}`));
  };
  const expectNoError = async (value) => {
    const m = await rowMsg(value);
    await eventually(async () => {
      const n = await m.locator('.error').count();
      assert(n === 0, `row ${JSON.stringify(value)} still has an error: ${JSON.stringify(clip(await m.textContent()))}`);
    });
  };
  const applyFix = async (value, label, fixed) => {
    const m = await rowMsg(value);
    const idx = await ipRowIndex(page, value);
    await m.locator('button.fix', { hasText: label }).click();
    await eventually(async () => {
      const v = await page.locator(`#f-network-ip_rules-${idx}`).inputValue();
      assert(v === fixed, `after "${label}" row ${idx} holds ${JSON.stringify(v)}, not ${JSON.stringify(fixed)}`);
    });
    await expectNoError(fixed);
  };

  await expectNoError('203.0.113.7');
  await expectMsg('10.1.2.3', /private/i);
  await expectMsg('2001:db8::1', /IPv6/i);
  await expectMsg('not-an-ip', /not an IPv4/i);
  await page.screenshot({ path: shot('network.png'), fullPage: true });

  await applyFix('198.51.100.7/32', 'Use 198.51.100.7', '198.51.100.7');
  await applyFix('203.0.113.5/24', 'Use 203.0.113.0/24', '203.0.113.0/24');
  await page.screenshot({ path: shot('network-fixed.png'), fullPage: true });
});

test('copy and download give exactly the previewed script, with the right file type per tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);

  for (const [tab, ext] of [
    ['tab-powershell', '.ps1'],
    ['tab-az-bash', '.sh'],
    ['tab-az-powershell', '.ps1'],
    ['tab-rest', '.http'],
  ]) {
    await selectTab(page, tab);
    await expectOutput(page, [SUB], tab);
    const shown = await outputText(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-output').click(),
    ]);
    const name = download.suggestedFilename();
    assert(name.endsWith(ext), `${tab}: downloaded file ${JSON.stringify(name)} does not end with ${ext}`);
    const file = await download.path();
    const content = norm(await readFile(file, 'utf8'));
    assert(content === shown,
      `${tab}: downloaded content (${content.length} chars) differs from the preview (${shown.length} chars)`);
  }

  await selectTab(page, 'tab-az-bash');
  const shown = await outputText(page);
  await page.locator('#copy-output').click();
  await eventually(async () => {
    const copied = norm(await page.evaluate(() => navigator.clipboard.readText()));
    assert(copied === shown, `clipboard (${copied.length} chars) differs from the preview (${shown.length} chars)`);
  });
});

test('errors mark the output stale and disable copy and download', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);
  await setField(page, 'f-target-subscription_id', '1234');
  await eventually(async () => {
    const cls = (await page.locator('pre#output-code').getAttribute('class')) ?? '';
    assert(/\bstale\b/.test(cls), 'pre#output-code is not marked stale while the form has an error');
    assert(await page.locator('#download-output').isDisabled(), '#download-output is enabled while the form has an error');
    assert(await page.locator('#copy-output').isDisabled(), '#copy-output is enabled while the form has an error');
    assertMatch(await page.locator('#output-status').textContent(), /error/i, '#output-status');
    assert((await page.locator('#diagnostics a.diag').count()) > 0, '#diagnostics lists no a.diag link');
  });
});

// Bring your own storage: only for a new resource (one click switches), a pasted portal address
// is repaired in one click, and the outputs stay greyed until the irreversibility is acknowledged.
test('storage step: BYOS switches to create, repairs a pasted portal address, and the acknowledgement gates the output', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-speech-byos');
  await expectValidOutput(page);
  await goStep(page, 'storage');
  await page.locator('#f-storage-enabled').check();
  await eventually(async () =>
    assertIncludes(norm(await msg(page, 'storage-enabled').textContent()), 'only possible when the resource is created', '#m-storage-enabled'),
  );
  await page.locator('#storage-switch-to-create').click();
  await eventually(async () => assert((await msg(page, 'storage-enabled').textContent()).trim() === '', 'the existing-resource error stays after switching'));

  const id = `/subscriptions/${SUB}/resourceGroups/rg-speech-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata`;
  await setField(page, 'f-storage-storage_account_id', `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${id}/overview`);
  const idMessages = msg(page, 'storage-storage_account_id');
  await eventually(async () => assertIncludes(norm(await idMessages.textContent()), 'This is an Azure portal address', '#m-storage-storage_account_id'));
  await idMessages.locator('button.fix').click();
  await eventually(async () => assert((await page.locator('#f-storage-storage_account_id').inputValue()) === id, 'the fix did not write the resource ID'));

  // Everything valid but the acknowledgement: greyed, nothing to copy or download.
  await eventually(async () => {
    const cls = (await page.locator('pre#output-code').getAttribute('class')) ?? '';
    assert(/\bstale\b/.test(cls), 'output is not stale before the acknowledgement');
    assert(await page.locator('#download-output').isDisabled(), '#download-output is enabled before the acknowledgement');
    assertIncludes(norm(await msg(page, 'storage-acknowledge_irreversible').textContent()), 'Tick the acknowledgement', 'acknowledgement message');
  });
  await page.locator('#f-storage-acknowledge_irreversible').check();
  await expectValidOutput(page);
  await selectTab(page, 'tab-az-bash');
  await expectOutput(page, ['--assign-identity --storage "$storage_json"', "STORAGE_ACCOUNT_NAME='contosospeechdata'", 'az role assignment create'], 'az bash BYOS');
  await selectTab(page, 'tab-powershell');
  await expectOutput(page, ['StorageAccountId = @($StorageAccountId)', 'New-AzRoleAssignment'], 'PowerShell BYOS');
  await page.screenshot({ path: shot('storage-step.png'), fullPage: true });
});

// --- the runner ------------------------------------------------------------------

const isFavicon = (url) => {
  try {
    return /\/favicon\.ico$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

test('review step: pasting the current settings makes the REST requests exact', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await selectTab(page, 'tab-rest');
  await expectOutput(page, ['EDIT BEFORE SENDING', 'Import the current settings for exact requests'], 'REST tab before the paste');

  await goStep(page, 'review');
  const show = {
    id: `/subscriptions/${SUB}/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech`,
    type: 'Microsoft.CognitiveServices/accounts',
    properties: {
      provisioningState: 'Succeeded',
      networkAcls: { defaultAction: 'Allow', ipRules: [{ value: '192.0.2.10' }], virtualNetworkRules: [] },
    },
  };
  await page.locator('#f-current_state').fill(JSON.stringify(show, null, 2));
  await page.locator('#current-state-use').click();
  await expectOutput(page, ['Current state: computed from', '"value": "192.0.2.10"'], 'REST tab after the paste');
  await eventually(async () => assert(!(await outputText(page)).includes('<EDIT: '), 'an edit mark is left after the paste'));

  // Something that is not an account's JSON is named, and the snapshot is kept.
  await page.locator('#f-current_state').fill('{"name": "x"}');
  await page.locator('#current-state-use').click();
  await eventually(async () =>
    assertMatch(await page.locator('#step-review').textContent(), /not an account's JSON/, 'message for a wrong paste'),
  );
  await expectOutput(page, ['Current state: computed from'], 'REST tab after a wrong paste');
  await page.screenshot({ path: shot('review-current-settings.png'), fullPage: true });

  await page.locator('#current-state-forget').click();
  await expectOutput(page, ['EDIT BEFORE SENDING'], 'REST tab after forgetting');
});

test('import a show output, remove a rule, copy the link: a fresh browser profile opens the same form and outputs', async ({ page, context }) => {
  const show = await readFile(path.join(repoRoot, 'tests/fixtures/import/az-account-show-openai.json'), 'utf8');
  await gotoApp(page);
  await goStep(page, 'review');
  await page.locator('#config-import').fill(show);
  await page.locator('#config-import-load').click();
  await eventually(async () =>
    assertIncludes(await page.locator('#config-import-message').textContent(), 'Imported from az cognitiveservices account show', 'import message'));

  // The form describes the account; the person removes one IP rule and makes the list exact.
  await goStep(page, 'network');
  const idx = await ipRowIndex(page, '198.51.100.0/26');
  await page.locator(`button[aria-label="Remove IP rule ${idx + 1}"]`).click();
  await page.locator('#f-network-ip_rules_exact').check();
  await selectTab(page, 'tab-az-bash');
  await expectValidOutput(page);
  await expectOutput(page, ['wanted_ip_rules=\'[{"value":"192.0.2.10"}]\'', 'removes IP rule'], 'bash tab after the removal');
  const outputs = {};
  for (const tab of ['tab-az-bash', 'tab-rest']) {
    await selectTab(page, tab);
    outputs[tab] = await outputText(page);
  }

  await goStep(page, 'review');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.locator('#copy-share-link').click();
  const link = await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('#v2='), `clipboard holds ${JSON.stringify(clip(text))}`);
    return text;
  });

  // A fresh profile: no local storage, nothing but the link.
  const fresh = await context.browser().newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const other = await fresh.newPage();
    await other.goto(link, { waitUntil: 'load' });
    await waitForApp(other);
    await goStep(other, 'network');
    await eventually(async () => {
      const ips = await other.evaluate(() => [...document.querySelectorAll('input[id^="f-network-ip_rules-"]')]
        .filter((el) => /^f-network-ip_rules-\d+$/.test(el.id)).map((el) => el.value));
      assert(JSON.stringify(ips) === JSON.stringify(['192.0.2.10']), `IP rules in the fresh profile: ${JSON.stringify(ips)}`);
      assert(await other.locator('#f-network-ip_rules_exact').isChecked(), 'the exact-list box is not ticked');
    });
    for (const tab of ['tab-az-bash', 'tab-rest']) {
      await selectTab(other, tab);
      await eventually(async () => {
        const text = await outputText(other);
        assert(text === outputs[tab], `${tab} differs in the fresh profile`);
      });
    }
    await other.screenshot({ path: shot('share-link-fresh-profile.png'), fullPage: true });
  } finally {
    await fresh.close();
  }
});

// Every tab shows each needle, and none of the absent ones.
async function expectEveryTab(page, present, absent, what) {
  for (const tab of ['tab-az-bash', 'tab-powershell', 'tab-az-powershell', 'tab-rest']) {
    await selectTab(page, tab);
    await eventually(async () => {
      const text = await outputText(page);
      for (const n of present) assertIncludes(text, n, `${what}: ${tab}`);
      for (const n of absent) assert(!text.includes(n), `${what}: ${tab} still shows ${JSON.stringify(n)}`);
    });
  }
}

const peSubnet = (vnet) =>
  `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/snet-pe`;

test('private endpoints: add two, remove one, switch DNS mode; every tab follows', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'private_endpoints');
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-0-subnet_id', peSubnet('vnet-apps'));
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-1-subnet_id', peSubnet('vnet-branch'));
  await setField(page, 'f-private_endpoints-endpoints-1-name', 'pe-speech-branch');
  await expectValidOutput(page);
  await expectEveryTab(page, ['pe-contoso-speech-account', 'pe-speech-branch', 'privatelink.cognitiveservices.azure.com'], [], 'two endpoints');
  await page.screenshot({ path: shot('private-endpoints-two.png'), fullPage: true });

  await page.getByRole('button', { name: 'Remove endpoint 2' }).click();
  await expectEveryTab(page, ['pe-contoso-speech-account'], ['pe-speech-branch'], 'one endpoint removed');

  await setField(page, 'f-private_endpoints-dns_mode', 'own_dns');
  await expectValidOutput(page);
  await expectEveryTab(page, ['168.63.129.16', 'cognitiveservices.azure.com'], ['virtualNetworkLinks', 'private-dns link vnet create', 'New-AzPrivateDnsZone'], 'own DNS servers');
  await axeCheck(page, 'private endpoints');
});

async function runOne(browser, t) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const problems = [];
  const blocked = [];

  // Offline proof: anything not from the served origin is refused and recorded.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let origin = null;
    try {
      origin = new URL(url).origin;
    } catch {
      /* not a URL with an origin */
    }
    if (origin === ORIGIN) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const where = m.location()?.url ?? '';
      if (isFavicon(where)) return;
      problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message}`));
    page.on('crash', () => problems.push('the page crashed'));
    page.on('response', (r) => {
      if (r.status() >= 400 && !isFavicon(r.url())) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
  };
  context.on('page', watch);

  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  let timer;
  try {
    await Promise.race([
      t.fn({ page, context }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
      }),
    ]);
    await sleep(100); // let late console messages arrive
    assert(blocked.length === 0,
      `the page tried to reach other origins (blocked):\n  ${[...new Set(blocked)].join('\n  ')}`);
    assert(problems.length === 0, `the page reported problems:\n  ${[...new Set(problems)].join('\n  ')}`);
  } catch (err) {
    const slug = t.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60);
    await page.screenshot({ path: shot(`FAILED-${slug}.png`), fullPage: true }).catch(() => {});
    const extra = [];
    const said = String(err.message);
    if (blocked.length && !said.includes('reach other origins')) {
      extra.push(`blocked requests:\n  ${[...new Set(blocked)].join('\n  ')}`);
    }
    if (problems.length && !said.includes('reported problems')) {
      extra.push(`page problems:\n  ${[...new Set(problems)].join('\n  ')}`);
    }
    if (extra.length) err.message += `\n${extra.join('\n')}`;
    throw err;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}

function describe(err) {
  const text = err instanceof AssertionError ? err.message : (err?.stack || String(err));
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

await mkdir(SHOTS, { recursive: true });
for (const f of await readdir(SHOTS)) {
  if (f.startsWith('FAILED-')) await rm(path.join(SHOTS, f), { force: true }); // from an earlier run
}
const selected = tests.filter((t) => t.name.includes(ONLY));
let passed = 0;
let failed = 0;

let browser;
try {
  // launch() gives every run a fresh, temporary user-data-dir and deletes it afterwards.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
} catch (err) {
  console.log(`not ok - launch Chromium (${CHROMIUM})\n${describe(err)}`);
  console.log(`0 passed, ${selected.length} failed`);
  process.exit(1);
}

console.log(`# ${selected.length} test(s) against ${baseUrl} in Chromium ${browser.version()}`);
for (const t of selected) {
  const started = Date.now();
  try {
    await runOne(browser, t);
    passed += 1;
    console.log(`ok - ${t.name}`);
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${t.name}\n${describe(err)}`);
  }
  console.log(`#   ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
await browser.close().catch(() => {});

console.log(`# screenshots in ${path.relative(process.cwd(), SHOTS) || '.'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || selected.length === 0 ? 1 : 0);
