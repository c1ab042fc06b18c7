// The apply page (dist/apply/: the wizard built with the arm-direct feature) and direct ARM calls
// with a pasted token, against the local ARM fake (tests/arm_fake, started here on 127.0.0.1):
// the page's custom endpoint points at it. The wizard links to the apply page with the same
// configuration and has no panel and no connection beyond its own origin. Load an existing account and see
// the plan kept and what was read attached as its current settings; apply every plan of tests/arm_fake/full-apply.json (together they make
// every kind of plan step, which a native test checks) and see every step done; apply again and
// see every change skipped; each injected fault ends in the right state and message, and Resume
// finishes; afterwards no trace of the token in storage, the URL, the console or a download.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as appTest, SUB, assert, axeCheck, eventually, fillValidTarget, goStep, gotoApp, outputText, selectTab, setField, shot, waitForApp } from '../support/app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.resolve(here, '..', '..', 'arm_fake', 'arm_fake.py');

const b64 = (text) => Buffer.from(text).toString('base64url');
// Every test token ends in this signature: found anywhere, a token leaked.
const SECRET_PART = b64('the signature of a test token');
const jwt = (claims) => `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64(JSON.stringify(claims))}.${SECRET_PART}`;
const now = () => Math.floor(Date.now() / 1000);
const CLAIMS = { exp: now() + 3600, tid: '72f988bf-0000-4000-8000-000000000001', upn: 'ops@contoso.example' };
// The page sends a test endpoint only a token minted for it: its audience is the fake's origin.
const tokenFor = (armFake, claims = {}) => jwt({ aud: `${armFake.origin}/`, ...CLAIMS, ...claims });
const AZURE_TOKEN = jwt({ aud: 'https://management.azure.com/', ...CLAIMS });

const RG = `/subscriptions/${SUB}/resourceGroups/rg-speech-prod`;
const NET = `/subscriptions/${SUB}/resourceGroups/rg-network`;
const ACCOUNT = `${RG}/providers/Microsoft.CognitiveServices/accounts/contoso-speech`;
const SUBNETS = `${NET}/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets`;

// The plans of the full apply, with the state the fake starts from: one file, which the native
// tests check makes every kind of plan step (tests/all/arm_client_fake.rs) and apply natively.
const FULL_APPLY = JSON.parse(readFileSync(path.resolve(here, '..', '..', 'arm_fake', 'full-apply.json'), 'utf8')).runs;
const fullApply = (name) => structuredClone(FULL_APPLY.find((run) => run.name === name));
const NSG = `${NET}/providers/Microsoft.Network/networkSecurityGroups/nsg-endpoints`;

// An existing Speech account (its rules, a subnet with a Storage service endpoint, a subnet for
// endpoints with its policies on and an NSG of its own), as the full apply's first plan starts.
function seed({ subdomain, subnetRule, vnetRegion = 'westeurope' } = {}) {
  const base = fullApply('existing-account').seed;
  const properties = base.resources[ACCOUNT].properties;
  if (subdomain) properties.customSubDomainName = subdomain;
  if (subnetRule) properties.networkAcls.virtualNetworkRules = [{ id: `${SUBNETS}/snet-apps`, ignoreMissingVnetServiceEndpoint: false }];
  base.resources[`${NET}/providers/Microsoft.Network/virtualNetworks/vnet-apps`].location = vnetRegion;
  return base;
}

// The full plan the wizard offers for an existing account: subdomain, rules with a service
// endpoint, a private endpoint with its DNS zones, public access closed last.
const CONFIG = fullApply('existing-account').config;

const base = appTest.extend({
  armFake: [
    async ({}, use) => {
      const child = spawn('python3', [FAKE], { stdio: ['pipe', 'pipe', 'inherit'] });
      const line = await new Promise((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('error', reject);
      });
      const origin = line.trim().replace(/^listening /, '');
      const control = async (method, route, body) => {
        const r = await fetch(`${origin}/_fake/${route}`, { method, body: body && JSON.stringify(body) });
        return r.json();
      };
      await use({ origin, control });
      child.stdin.end();
    },
    { scope: 'worker' },
  ],
  extraOrigins: async ({ armFake }, use) => use([armFake.origin]),
});

const test = base;
const APPLY = 'apply/';

/// Everything a page keeps or shows that could leak the token.
async function assertNoTokenTrace(page, consoleLines) {
  const kept = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, url: location.href }));
  assert(!kept.includes(SECRET_PART), `the token is in storage or the URL: ${kept.slice(0, 300)}`);
  assert(!consoleLines.some((l) => l.includes(SECRET_PART)), 'the token is in the console');
  await goStep(page, 'review');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-config').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert(!text.includes(SECRET_PART) && !text.includes('Bearer'), 'the token is in the downloaded configuration');
  const shown = await page.locator('#arm-steps').textContent();
  assert(!shown.includes(SECRET_PART), 'the token is shown in the requests sent');
}

async function openPanel(page, armFake, namespace, config, { token = true } = {}) {
  await armFake.control('PUT', `ns/${namespace}`, seed());
  await gotoApp(page, APPLY);
  if (config) {
    await goStep(page, 'review');
    await page.locator('#config-import').fill(JSON.stringify(config));
    await page.locator('#config-import-load').click();
  }
  await goStep(page, 'review');
  await page.locator('.arm-endpoint').evaluate((details) => { details.open = true; });
  await page.locator('#arm-endpoint').fill(`${armFake.origin}/${namespace}`);
  await Promise.all([page.waitForEvent('load'), page.locator('#arm-endpoint-save').click()]);
  await goStep(page, 'review');
  await eventually(async () => assert((await page.locator('#arm-endpoint-now').textContent()).includes(`${armFake.origin}/${namespace}`), 'the custom endpoint is in use'));
  // The static policy allows loopback; the one the page adds at start-up names this endpoint only.
  const [fixed, narrowed] = await policies(page);
  assert(fixed.startsWith("default-src 'none';") && narrowed.startsWith(`connect-src 'self' https://management.azure.com`) && narrowed.includes(armFake.origin), `CSP: ${fixed} / ${narrowed}`);
  assert((await page.locator('#arm-test-endpoint').textContent()).includes(`${armFake.origin}/${namespace}`), 'the panel says that the page talks to the test endpoint');
  if (token) await pasteToken(page, armFake);
}

/// The page's policies in force: the static one first, then any the page added.
async function policies(page) {
  return page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content));
}

async function pasteToken(page, armFake) {
  await goStep(page, 'review');
  await page.locator('#arm-token').fill(tokenFor(armFake));
  await eventually(async () => assert((await page.locator('#arm-token-info').textContent()).includes('ops@contoso.example'), 'the token panel'));
}

/// Apply once what the plan touches beyond the target is acknowledged (the box is ticked when
/// the plan has such resources and it is not ticked yet).
async function clickApply(page) {
  // Apply is offered once Compare (or Load) has read what the plan touches.
  if (await page.locator('#arm-apply-waits').count()) {
    assert(await page.locator('#arm-apply').isDisabled(), 'Apply before Compare');
    await compare(page);
  }
  const box = page.locator('#arm-acknowledge');
  if (await box.count() && !(await box.isChecked())) await box.check();
  await page.locator('#arm-apply').click();
}

async function compare(page) {
  await page.locator('#arm-compare').click();
  await eventually(async () => assert(/^Read what the plan touches/.test(await page.locator('#arm-load-message').textContent()), 'compared'), { timeout: 30_000 });
}

async function statuses(page) {
  return page.locator('#arm-steps > li').evaluateAll((items) => items.map((li) => li.dataset.status));
}

async function waitOutcome(page, pattern) {
  await eventually(async () => {
    const text = await page.locator('#arm-outcome').textContent();
    assert(pattern.test(text), `outcome: ${text}`);
  }, { timeout: 90_000, interval: 250 });
}

test('the wizard opens the apply page with the same configuration; only the apply page can reach ARM', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'network');
  await page.locator('#tab-az-bash').click();
  assert(await page.locator('#arm-token').count() === 0, 'the wizard has no token field');
  const wizardPolicies = await policies(page);
  assert(wizardPolicies.length === 1 && wizardPolicies[0].includes("connect-src 'self';"), `the wizard's CSP: ${wizardPolicies}`);
  const link = page.locator('#open-apply-page');
  assert((await link.textContent()).includes('Apply directly in Azure'), 'the link says where it goes');
  await Promise.all([page.waitForEvent('load'), link.click()]);
  const url = new URL(page.url());
  assert(url.pathname.endsWith('/apply/') && url.searchParams.get('step') === 'review' && url.searchParams.get('tab') === 'az-bash', `opened ${page.url()}`);
  await page.locator('#arm-token').waitFor({ state: 'visible', timeout: 30_000 });
  assert(await page.locator('section#step-review').isVisible(), 'the apply page opens on the Review step, where the panel is');
  assert((await page.locator('#tab-az-bash').getAttribute('aria-selected')) === 'true', 'the same tab');
  await goStep(page, 'target');
  assert((await page.locator('#f-target-name').inputValue()) === 'contoso-speech', 'the same configuration');
  const applyPolicies = await policies(page);
  assert(applyPolicies.length === 2 && applyPolicies.every((p) => p.includes('https://management.azure.com') && p.includes('https://management.usgovcloudapi.net')) && !applyPolicies[1].includes('127.0.0.1'), `the apply page's CSP: ${applyPolicies}`);
  await page.screenshot({ path: shot('apply-page.png'), fullPage: true });
  // And back, to the same step.
  await Promise.all([page.waitForEvent('load'), page.locator('#open-wizard-page').click()]);
  const back = new URL(page.url());
  assert(back.pathname === '/' && back.searchParams.get('step') === 'target', `back at ${page.url()}`);
  await waitForApp(page);
  assert(await page.locator('#arm-token').count() === 0, 'the wizard again');
});

test('a token is read locally, refused with the right commands, and forgotten', async ({ page }) => {
  await gotoApp(page, APPLY);
  await goStep(page, 'review');
  // Before any token: the two commands that print one, each with a Copy button that copies it
  // as shown; the notice shows beside them.
  await page.evaluate(() => { navigator.clipboard.writeText = (text) => { window.copiedText = text; return Promise.resolve(); }; });
  const commands = page.locator('#arm-token-commands');
  assert(await commands.locator('code').first().isVisible(), 'the token commands are shown before a token is pasted');
  const shown = await commands.locator('code').allTextContents();
  assert(shown.length === 2 && shown[0].startsWith('az account get-access-token') && shown[1].includes('Get-AzAccessToken -ResourceUrl https://management.azure.com/ -AsSecureString'), `${shown}`);
  await commands.getByRole('button', { name: 'Copy' }).nth(1).click();
  await eventually(async () => assert((await page.evaluate(() => window.copiedText)) === shown[1], 'the PowerShell command was not copied as shown'));
  await eventually(async () => assert((await commands.locator('.notice').textContent()).startsWith('Copied'), 'no notice beside the commands'));
  assert((await page.locator('.output-side .notice').textContent()) === '', 'the copy notice shows far from its button');
  // A token with minutes left says that a long run may outlive it.
  await page.locator('#arm-token').fill(jwt({ aud: 'https://management.azure.com', exp: now() + 300 }));
  await eventually(async () => assert((await page.locator('#arm-token-short').textContent()).includes('Less than 10 minutes left'), 'no warning for a token about to expire'));
  // The commands (collapsed once a token is read) and the warning, AAA contrast in light and dark.
  await commands.locator('summary').click();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeCheck(page, `token commands and the short-token warning, ${scheme}`, { strict: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('#arm-token-info').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('arm-token-commands.png') });
  await page.locator('#arm-token').fill(jwt({ aud: 'https://graph.microsoft.com', exp: now() + 600 }));
  await eventually(async () => {
    const message = await page.locator('#arm-token-message').textContent();
    assert(message.includes('not for the Resource Manager') && message.includes('az account get-access-token --resource https://management.azure.com/') && message.includes('Get-AzAccessToken -ResourceUrl https://management.azure.com/'), message);
  });
  // One minute, not "1 minutes".
  await page.locator('#arm-token').fill(jwt({ aud: 'https://management.azure.com', exp: now() - 30 }));
  await eventually(async () => assert((await page.locator('#arm-token-message').textContent()).includes('This token expired 1 minute ago.'), await page.locator('#arm-token-message').textContent()));
  await page.locator('#arm-token').fill(AZURE_TOKEN);
  await eventually(async () => assert(/\d+:\d\d/.test(await page.locator('#arm-token-expiry').textContent()), 'countdown'));
  assert((await page.locator('#arm-token-short').count()) === 0, 'a token with an hour left is called short');
  assert((await page.locator('#arm-token').getAttribute('type')) === 'password', 'a password field');
  await page.locator('#arm-forget').click();
  assert((await page.locator('#arm-token').inputValue()) === '', 'the field is emptied');
  assert(await page.locator('#arm-apply').isDisabled(), 'no token, no Apply');
  // A token that expires while the page is open is dropped.
  await page.locator('#arm-token').fill(jwt({ aud: 'https://management.azure.com', exp: now() + 2 }));
  await eventually(async () => assert((await page.locator('#arm-token').inputValue()) === '', 'dropped on expiry'), { timeout: 6000 });
  await eventually(async () => assert((await page.locator('#arm-token-message').textContent()).includes('expired'), 'says so'));
});

test('a test endpoint is on this machine only, kept for this tab, shown, and takes only a token minted for it', async ({ page, armFake }) => {
  const KEY = 'ai-network-wizard.arm-endpoint';
  await gotoApp(page, APPLY);
  await goStep(page, 'review');
  assert(await page.locator('#arm-test-endpoint').count() === 0, 'no notice while requests go to Azure');
  await page.locator('.arm-endpoint').evaluate((details) => { details.open = true; });
  for (const foreign of ['https://management.azure.com.evil.example', 'https://example.com', 'http://10.0.0.1:8080', 'http://127.0.0.1.example:8080']) {
    await page.locator('#arm-endpoint').fill(foreign);
    await page.locator('#arm-endpoint-save').click();
    await eventually(async () => assert((await page.locator('.arm-endpoint .field-msg').textContent()).includes('only for a test server on this machine'), `${foreign} is refused`));
  }
  await page.locator('#arm-endpoint').fill(armFake.origin);
  await Promise.all([page.waitForEvent('load'), page.locator('#arm-endpoint-save').click()]);
  await goStep(page, 'review');
  await page.locator('#arm-test-endpoint').waitFor({ state: 'visible', timeout: 30_000 });
  assert((await page.locator('#arm-test-endpoint').textContent()).includes(armFake.origin), 'the notice names the endpoint');
  const kept = await page.evaluate((key) => ({ local: localStorage.getItem(key), session: sessionStorage.getItem(key) }), KEY);
  assert(kept.local === null && kept.session === armFake.origin, `kept for this tab only: ${JSON.stringify(kept)}`);
  await page.locator('#arm-token').fill(AZURE_TOKEN);
  await eventually(async () => assert((await page.locator('#arm-token-message').textContent()).includes('only a token minted for it'), 'a token for Azure is refused'));
  assert(await page.locator('#arm-apply').isDisabled(), 'and nothing can be sent with it');
  await page.locator('#arm-token').fill(`bearer   ${tokenFor(armFake)}`);
  await eventually(async () => assert((await page.locator('#arm-token-info').textContent()).includes('ops@contoso.example'), 'a token minted for it, pasted with a prefix, is read'));
  await Promise.all([page.waitForEvent('load'), page.locator('#arm-endpoint-back').click()]);
  await goStep(page, 'review');
  await page.locator('#arm-token').waitFor({ state: 'visible', timeout: 30_000 });
  assert(await page.locator('#arm-test-endpoint').count() === 0, 'back to Azure: no notice');
  assert(await page.evaluate((key) => sessionStorage.getItem(key), KEY) === null, 'the test endpoint is forgotten');
});

test('load from Azure keeps the plan, attaches what Azure has as the current settings, and a reload keeps both', async ({ page, armFake }) => {
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await openPanel(page, armFake, 'load', null);
  // The live account differs from the plan: another subdomain, its own IP rule, a subnet rule.
  await armFake.control('PUT', 'ns/load', seed({ subdomain: 'contoso-live', subnetRule: true }));
  // A plan of the person's own: the subdomain and an IP rule of theirs.
  await fillValidTarget(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-paste').fill('203.0.113.7');
  await page.locator('#ip-paste-add').click();
  const savedConfig = () => page.evaluate(() => JSON.parse(localStorage.getItem('ai-network-wizard.config') ?? '{}'));
  const withoutSnapshot = (config) => { const { current_state: _, ...plan } = config.wizard ?? {}; return JSON.stringify(plan); };
  const planned = await eventually(async () => {
    const saved = await savedConfig();
    assert(JSON.stringify(saved).includes('203.0.113.7') && !('current_state' in (saved.wizard ?? {})), `the plan is saved: ${JSON.stringify(saved).slice(0, 400)}`);
    return withoutSnapshot(saved);
  });
  await goStep(page, 'review');
  assert((await page.locator('#arm-load-note').textContent()).includes('keeps your plan'), 'the panel says that Load keeps the plan');
  const before = (await armFake.control('GET', 'ns/load/log')).requests.length;
  await page.locator('#arm-load').click();
  await eventually(async () => assert(/^Loaded: your plan is unchanged.*\nRead what the plan touches: [1-9]\d* found/.test(await page.locator('#arm-load-message').textContent()), await page.locator('#arm-load-message').textContent()));
  assert(/Kept in the form's current settings \(Review step\): the account and/.test(await page.locator('#arm-load-message').textContent()), await page.locator('#arm-load-message').textContent());
  // The live subdomain differs from the plan's: the plan stays, and the page says it does not fit.
  assert((await page.locator('#arm-load-message').textContent()).includes('The plan does not fit what Azure has now'), await page.locator('#arm-load-message').textContent());
  // Load reads the account, then what the plan touches, once each.
  const reads = (await armFake.control('GET', 'ns/load/log')).requests.slice(before).map((r) => `${r.method} ${r.path}`);
  assert(reads.every((r) => r.startsWith('GET ')), `Load only reads: ${reads}`);
  assert(reads.some((r) => r.endsWith(`/subscriptions/${SUB}`)), `the subscription is read: ${reads}`);
  assert(new Set(reads).size === reads.length, `each read once: ${reads}`);

  const expectPlanAndSnapshot = async (when) => {
    await goStep(page, 'review');
    await eventually(async () => {
      const summary = await page.locator('#current-state-summary').textContent();
      assert(summary.includes('the account') && summary.includes('read from Resource Manager'), `${when}: the snapshot is attached: ${summary}`);
    });
    await goStep(page, 'custom_domain');
    assert((await page.locator('#f-custom_domain-subdomain').inputValue()) === 'contoso-speech', `${when}: the plan's subdomain stays`);
    await goStep(page, 'network');
    assert(await page.locator('#f-network-enabled').isChecked(), `${when}: the network rules stay on`);
    const rows = await page.locator('input[id^="f-network-ip_rules-"]').evaluateAll((els) => els.filter((el) => /^f-network-ip_rules-\d+$/.test(el.id)).map((el) => el.value.trim()));
    assert(rows.includes('203.0.113.7') && !rows.includes('192.0.2.10'), `${when}: the plan's IP rules stay: ${rows}`);
    // Saved: the plan exactly as before, and the snapshot beside it (the live rule is in it).
    await eventually(async () => {
      const saved = await savedConfig();
      assert(withoutSnapshot(saved) === planned, `${when}: the saved plan changed:\n${withoutSnapshot(saved)}\n!=\n${planned}`);
      const snapshot = JSON.stringify(saved.wizard?.current_state ?? null);
      assert(snapshot.includes('192.0.2.10') && snapshot.includes('contoso-live'), `${when}: the snapshot is saved: ${snapshot.slice(0, 300)}`);
    });
  };
  await expectPlanAndSnapshot('after Load');
  await goStep(page, 'review');
  await page.screenshot({ path: shot('arm-load.png'), fullPage: true });
  await assertNoTokenTrace(page, consoleLines);
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await expectPlanAndSnapshot('after a reload');
});

test('the custom-domain step checks the subdomain in Azure once a token is pasted, never before', async ({ page, armFake }) => {
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await openPanel(page, armFake, 'domains', null, { token: false });
  // Another account of the subscription holds contoso-live.
  await armFake.control('PUT', 'ns/domains', seed({ subdomain: 'contoso-live' }));
  await fillValidTarget(page);
  await goStep(page, 'custom_domain');
  const check = page.locator('#subdomain-availability');
  assert((await check.textContent()).includes('With an access token'), await check.textContent());
  await page.waitForTimeout(1500);
  const checks = async () => (await armFake.control('GET', 'ns/domains/log')).requests.filter((r) => r.path.endsWith('/checkDomainAvailability'));
  assert((await armFake.control('GET', 'ns/domains/log')).requests.length === 0, 'nothing is sent without a token');

  await pasteToken(page, armFake);
  await goStep(page, 'custom_domain');
  await eventually(async () => assert((await check.getAttribute('data-availability')) === 'free', `free: ${await check.textContent()}`));
  assert((await check.textContent()).includes('\u201ccontoso-speech\u201d is available'), await check.textContent());
  await page.locator('#f-custom_domain-subdomain').fill('Contoso-Live');
  await eventually(async () => assert((await check.getAttribute('data-availability')) === 'taken', `taken: ${await check.textContent()}`));
  assert((await check.textContent()).includes('is taken: choose another name'), await check.textContent());
  await page.screenshot({ path: shot('arm-subdomain-taken.png'), fullPage: true });
  // One request per name once the typing pauses, not one per keystroke.
  const sent = await checks();
  assert(sent.length === 2 && sent.every((r) => r.status === 200), `requests: ${JSON.stringify(sent)}`);
  // A name that is not valid is not sent; forgetting the token stops the checks.
  await page.locator('#f-custom_domain-subdomain').fill('-bad-');
  await page.waitForTimeout(1200);
  assert((await checks()).length === 2, 'an invalid name is not sent');
  await goStep(page, 'review');
  await page.locator('#arm-forget').click();
  await goStep(page, 'custom_domain');
  await page.locator('#f-custom_domain-subdomain').fill('contoso-other');
  await page.waitForTimeout(1200);
  assert((await checks()).length === 2, 'no token, no check');
  assert((await check.textContent()).includes('With an access token'), await check.textContent());
  await assertNoTokenTrace(page, consoleLines);
});

test('a full plan applies step by step; the second run skips every change', async ({ page, armFake }) => {
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  await openPanel(page, armFake, 'full', CONFIG);
  const preview = await statuses(page);
  assert(preview.includes('changes') && preview.includes('check'), `preview: ${preview}`);
  // Compare reads what the plan touches (the form stays): subnets, the endpoint, zones, links.
  assert((await page.locator('#arm-steps').textContent()).includes('what is there is read when the step runs'), 'unknown before the reads');
  await page.locator('#arm-compare').click();
  await eventually(async () => assert(/^Read what the plan touches: [1-9]\d* found, [1-9]\d* not there yet/.test(await page.locator('#arm-load-message').textContent()), await page.locator('#arm-load-message').textContent()));
  const reads = (await armFake.control('GET', 'ns/full/log')).requests.map((r) => `${r.method} ${r.path}`);
  assert(reads.every((r) => r.startsWith('GET ')) && new Set(reads).size === reads.length, `only reads, once each: ${reads}`);
  for (const part of ['/subnets/snet-apps', '/virtualNetworks/vnet-apps', '/privateEndpoints/', '/privateDnsZoneGroups/', '/privateDnsZones/privatelink.cognitiveservices.azure.com', '/virtualNetworkLinks/']) {
    assert(reads.some((r) => r.includes(part)), `${part} is read: ${reads}`);
  }
  const compared = await page.locator('#arm-steps').textContent();
  assert(compared.includes('creates /subscriptions/') && compared.includes('/privateEndpoints/'), `the preview says what is created: ${compared.slice(0, 2000)}`);
  // Each write's request, body included, is there to read before Apply (the token hidden).
  const rulesStep = page.locator('#arm-steps > li', { hasText: 'Add the allow rules' });
  await rulesStep.locator('summary', { hasText: 'Requests it sends (token hidden)' }).click();
  const shownRequest = await rulesStep.locator('details pre').textContent();
  assert(/^PATCH \S+contoso-speech\?api-version=/m.test(shownRequest) && shownRequest.includes('"203.0.113.0/24"') && shownRequest.includes('Authorization: Bearer <token>') && !shownRequest.includes(SECRET_PART), `the rules step's request: ${shownRequest}`);
  await rulesStep.screenshot({ path: shot('arm-request-preview.png') });
  // What was read is kept in the form's current settings: the subnets the plan writes back whole
  // (one with its other service endpoint), so the REST tab's PUTs of them are exact.
  assert(/Kept in the form's current settings \(Review step\): the account and 2 subnet/.test(await page.locator('#arm-load-message').textContent()), await page.locator('#arm-load-message').textContent());
  // The form is saved once typing pauses.
  await eventually(async () => {
    const kept = await page.evaluate(() => localStorage.getItem('ai-network-wizard.config'));
    assert(kept.includes('snet-endpoints') && kept.includes('203.0.113.0/24'), 'the form\'s settings are left as they are');
    assert(kept.includes('"current_state"') && kept.includes('Microsoft.Storage') && kept.includes('10.1.1.0/24'), `the subnet is kept: ${kept.slice(0, 1500)}`);
  });
  await selectTab(page, 'tab-rest');
  const rest = await outputText(page);
  assert(rest.includes("Exact: the subnet's writable settings as read at") && rest.includes('"Microsoft.Storage"'), 'the REST tab computes the subnet PUT from what was read');
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const first = await statuses(page);
  // Public access is Enabled already: that step is skipped even the first time.
  assert(first.filter((s) => s === 'done').length >= 9 && first.every((s) => s === 'done' || s === 'skipped'), `first run: ${first}`);
  // The subdomain step asks once (irreversible); each step that writes beyond the account (the
  // subnets, the endpoint, its zones and links) asks once too, naming what it changes.
  const irreversible = dialogs.filter((d) => d.includes('IRREVERSIBLE'));
  assert(irreversible.length === 1 && irreversible[0].includes('custom subdomain'), `confirmation: ${dialogs}`);
  const beyond = dialogs.filter((d) => d.startsWith('CONFIRM: this step changes these resources'));
  // The write after which clients are refused (default action Deny) asks like an irreversible one.
  const cutoff = dialogs.filter((d) => d.startsWith('CUTS CLIENTS OFF'));
  assert(cutoff.length === 1 && cutoff[0].includes('only the allowed addresses, subnets and private endpoints'), `the Deny asks first: ${dialogs}`);
  assert(beyond.length === dialogs.length - 1 - cutoff.length, `every other confirmation is about writes beyond the target: ${dialogs}`);
  for (const part of ['/subnets/snet-apps', '/subnets/snet-endpoints', '/privateEndpoints/', '/privateDnsZones/privatelink.cognitiveservices.azure.com']) {
    assert(beyond.some((d) => d.includes(`- changes /subscriptions/${SUB}/`) && d.includes(part)), `a confirmation names ${part}: ${beyond}`);
  }
  assert(!dialogs.some((d) => d.includes(`- changes ${ACCOUNT} `)), `the account's own writes ask nothing: ${dialogs}`);
  const asked = dialogs.length;
  const state = await armFake.control('GET', 'ns/full/state');
  const account = state.resources[ACCOUNT];
  assert(account.properties.customSubDomainName === 'contoso-speech' && account.properties.networkAcls.defaultAction === 'Deny', JSON.stringify(account.properties));
  assert(account.properties.networkAcls.ipRules.map((r) => r.value).join() === '192.0.2.10,203.0.113.0/24', 'rules kept and added');
  assert(Object.keys(state.resources).some((id) => id.includes('/privateEndpoints/')), 'the endpoint exists');
  // What clients change now, as the scripts' last step says it.
  const clients = await page.locator('#arm-client-changes').textContent();
  assert(clients.includes('nslookup contoso-speech.cognitiveservices.azure.com must show the alias contoso-speech.privatelink.cognitiveservices.azure.com') && clients.includes('https://contoso-speech.cognitiveservices.azure.com/'), `client changes: ${clients}`);
  const endpointSubnet = state.resources[`${SUBNETS}/snet-endpoints`].properties;
  assert(endpointSubnet.privateEndpointNetworkPolicies === 'Disabled' && endpointSubnet.networkSecurityGroup?.id === NSG && endpointSubnet.addressPrefix === '10.1.2.0/24', `the subnet's policies are off, the rest kept: ${JSON.stringify(endpointSubnet)}`);
  await page.screenshot({ path: shot('arm-applied.png'), fullPage: true });

  const answered = (await armFake.control('GET', 'ns/full/log')).requests.length;
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const second = await statuses(page);
  const again = (await armFake.control('GET', 'ns/full/log')).requests.slice(answered);
  assert(again.length > 0 && again.every((e) => !e.changed), `the second run changed: ${JSON.stringify(again.filter((e) => e.changed))}`);
  assert(second.filter((s) => s === 'skipped').length >= 6 && second.every((s) => s === 'skipped' || s === 'done'), `second run: ${second}`);
  assert(dialogs.length === asked, `nothing is asked again when nothing is sent: ${dialogs.slice(asked)}`);
  await assertNoTokenTrace(page, consoleLines);
});

// A new Speech account that keeps its data in a storage account (BYOS) whose firewall is
// hardened, with a custom subdomain and rules: everything is created, nothing exists first.
const STORAGE_SUB = '5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15';
const STORAGE = `/subscriptions/${STORAGE_SUB}/resourceGroups/rg-speech-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata`;
const NEW_ACCOUNT = `${RG}/providers/Microsoft.CognitiveServices/accounts/contoso-stt-byos`;
const CREATE_BYOS = fullApply('new-account-byos').config;
const seedForCreate = () => fullApply('new-account-byos').seed;

test('a new account with its own storage (BYOS) is created and the storage firewall hardened; the second run skips', async ({ page, armFake }) => {
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  await openPanel(page, armFake, 'create', CREATE_BYOS);
  await armFake.control('PUT', 'ns/create', seedForCreate());
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const first = await statuses(page);
  assert(first.every((s) => s === 'done' || s === 'skipped') && first.filter((s) => s === 'done').length >= 6, `first run: ${first}`);
  const state = (await armFake.control('GET', 'ns/create/state')).resources;
  const find = (id) => Object.entries(state).find(([key]) => key.toLowerCase() === id.toLowerCase())?.[1];
  const account = find(NEW_ACCOUNT);
  assert(account && account.properties.customSubDomainName === 'contoso-stt-byos', `created with its subdomain: ${JSON.stringify(account)}`);
  assert(JSON.stringify(account.properties.userOwnedStorage ?? []).includes('contosospeechdata'), 'with its storage');
  assert(account.properties.networkAcls.defaultAction === 'Deny', 'rules applied');
  const acls = find(STORAGE).properties.networkAcls;
  assert(acls.defaultAction === 'Deny' && acls.ipRules.length === 1 && acls.ipRules[0].value === '192.0.2.99', `the storage firewall keeps its rule: ${JSON.stringify(acls)}`);
  assert(acls.resourceAccessRules.some((r) => r.resourceId.toLowerCase() === NEW_ACCOUNT.toLowerCase()), `the account may reach its storage: ${JSON.stringify(acls)}`);
  assert(Object.keys(state).some((id) => id.includes('/roleAssignments/')), 'the storage role is assigned');
  await page.screenshot({ path: shot('arm-create-byos.png'), fullPage: true });

  const answered = (await armFake.control('GET', 'ns/create/log')).requests.length;
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const again = (await armFake.control('GET', 'ns/create/log')).requests.slice(answered);
  assert(again.length > 0 && again.every((e) => !e.changed), `the second run changed: ${JSON.stringify(again.filter((e) => e.changed))}`);
  const second = await statuses(page);
  assert(second.every((s) => s === 'skipped' || s === 'done'), `second run: ${second}`);
  await assertNoTokenTrace(page, consoleLines);
});

// The other plans of the full apply (the two above have tests of their own): each applies with
// every step done or already so, and the second run changes nothing. A plan added to the file
// joins here.
const TESTED_ABOVE = ['existing-account', 'new-account-byos'];

test('every other plan of the full apply applies, every step done; the second run changes nothing', async ({ page, armFake }) => {
  test.setTimeout(300_000);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('dialog', (d) => d.accept());
  const runs = FULL_APPLY.filter((run) => !TESTED_ABOVE.includes(run.name));
  assert(runs.length >= 4, `runs: ${runs.map((r) => r.name)}`);
  for (const run of runs) {
    const namespace = `full-${run.name}`;
    await openPanel(page, armFake, namespace, run.config);
    await armFake.control('PUT', `ns/${namespace}`, run.seed);
    if (run.compare) {
      await page.locator('#arm-compare').click();
      await eventually(async () => assert(/^Read what the plan touches: [1-9]/.test(await page.locator('#arm-load-message').textContent()), `${run.name}: ${await page.locator('#arm-load-message').textContent()}`), { timeout: 30_000 });
    }
    const before = (await armFake.control('GET', `ns/${namespace}/log`)).requests.length;
    await clickApply(page);
    await waitOutcome(page, /Every step is done/);
    const first = await statuses(page);
    assert(first.every((s) => s === 'done' || s === 'skipped') && first.includes('done'), `${run.name}, first run: ${first}`);
    const applied = (await armFake.control('GET', `ns/${namespace}/log`)).requests.slice(before);
    assert(applied.some((e) => e.changed), `${run.name}: nothing was written`);
    await page.screenshot({ path: shot(`arm-full-${run.name}.png`), fullPage: true });

    const answered = (await armFake.control('GET', `ns/${namespace}/log`)).requests.length;
    await clickApply(page);
    await waitOutcome(page, /Every step is done/);
    const again = (await armFake.control('GET', `ns/${namespace}/log`)).requests.slice(answered);
    assert(again.length > 0 && again.every((e) => !e.changed), `${run.name}: the second run changed: ${JSON.stringify(again.filter((e) => e.changed))}`);
    const second = await statuses(page);
    assert(second.every((s) => s === 'skipped' || s === 'done'), `${run.name}, second run: ${second}`);
  }
  await assertNoTokenTrace(page, consoleLines);
});

test('an endpoint set to another region than its virtual network stops the run before anything changes, says what to change, and Resume goes on with the fixed form', async ({ page, armFake }) => {
  page.on('dialog', (d) => d.accept());
  await openPanel(page, armFake, 'region', CONFIG);
  await armFake.control('PUT', 'ns/region', seed({ vnetRegion: 'eastus' }));
  await page.locator('#arm-compare').click();
  await eventually(async () => assert(/^Read what the plan touches/.test(await page.locator('#arm-load-message').textContent()), 'compared'));
  const preview = page.locator('#arm-steps li', { hasText: 'Create private endpoint' });
  assert(/stops: VirtualNetworkRegionMismatch/.test(await preview.textContent()), `the preview says it stops: ${await preview.textContent()}`);
  await clickApply(page);
  // The resource-group check reads every endpoint's virtual network: the run stops there, before any change.
  await waitOutcome(page, /Stopped at step 2\.\nApplied: Select the subscription\.\nNot applied: .*Create private endpoint/);
  const failed = await page.locator('#arm-steps li[data-status="failed"]').textContent();
  assert(failed.includes('Check that the resource groups exist') && /VirtualNetworkRegionMismatch: .*is in eastus, not in westeurope: a private endpoint must be in its virtual network's region/.test(failed) && failed.includes('Set the endpoint\'s region to eastus') && failed.includes('then Resume'), failed);
  const log = (await armFake.control('GET', 'ns/region/log')).requests;
  assert(!log.some((e) => e.method !== 'GET'), `nothing was changed: ${JSON.stringify(log.filter((e) => e.method !== 'GET'))}`);
  await page.screenshot({ path: shot('arm-region-mismatch.png'), fullPage: true });
  // Fixed in the form, then Resume (not Apply): it goes on at the stopped step with the plan as
  // the form says now.
  // A form with an error is not resumed: the line says so and nothing is sent.
  await goStep(page, 'private_endpoints');
  await setField(page, 'f-private_endpoints-endpoints-0-location', 'east us!');
  await goStep(page, 'review');
  const answered = (await armFake.control('GET', 'ns/region/log')).requests.length;
  await page.locator('#arm-resume').click();
  await waitOutcome(page, /^The form has errors: fix them first .*then Resume\.\nStopped at step/);
  assert((await armFake.control('GET', 'ns/region/log')).requests.length === answered, 'nothing is sent');
  await goStep(page, 'private_endpoints');
  await setField(page, 'f-private_endpoints-endpoints-0-location', 'eastus');
  await goStep(page, 'review');
  await page.locator('#arm-resume').click();
  await waitOutcome(page, /Every step is done or was already so\.\nResumed at step 2 \(Check that the resource groups exist\) with the form as it was then: \d earlier step\(s\) done before and unchanged were not sent again\.$/);
  const done = await statuses(page);
  assert(done.every((s) => s === 'done' || s === 'skipped'), `after Resume: ${done}`);
  const endpoint = Object.entries((await armFake.control('GET', 'ns/region/state')).resources).find(([id]) => id.includes('/privateEndpoints/') && !id.includes('/privateDnsZoneGroups/'));
  assert(endpoint && endpoint[1].location === 'eastus', `the endpoint: ${JSON.stringify(endpoint)}`);
  await page.screenshot({ path: shot('arm-region-resumed.png'), fullPage: true });
});

const RULES_ONLY = { ...CONFIG, wizard: { ...CONFIG.wizard, custom_domain: { enabled: false }, private_endpoints: { endpoints: [] } } };
RULES_ONLY.wizard.custom_domain = { enabled: true, subdomain: 'contoso-speech', acknowledge_irreversible: true };

// [namespace, fault, what the failed step says (null: the run retries and completes), options]
const FAULTS = [
  ['throttled', { method: 'PATCH', path: 'contoso-speech', status: 429, code: 'TooManyRequests', message: 'Rate limit.', retryAfter: 1 }, null],
  ['busy', { method: 'PUT', path: 'snet-apps', status: 409, code: 'AnotherOperationInProgress', message: 'Another operation is in progress.', retryAfter: 1 }, null],
  ['expired', { method: 'PATCH', path: 'contoso-speech', status: 401, code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' }, /ExpiredAuthenticationToken/],
  ['forbidden', { method: 'PATCH', path: 'contoso-speech', status: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization.' }, /AuthorizationFailed/],
  ['lro-failed', { method: 'PUT', path: 'snet-apps', kind: 'lro-failed' }, /OperationFailed/],
  ['dropped', { method: 'PUT', path: 'snet-apps', kind: 'drop' }, /ConnectionDropped/],
  // A slow answer within the time limit is waited for.
  ['slow', { method: 'PATCH', path: 'contoso-speech', kind: 'slow', seconds: 2 }, null],
  // Past the time limit (shortened to 1 s in the advanced settings, so no test waits 60 s) the
  // subdomain PATCH is abandoned: whether ARM applied it is not known, and Resume reads first.
  // It lands late (after 8 s), between Resume's read of the account and the availability check
  // (held 8 s), which then says "taken": the step reads the account again, sees the name is its
  // own, and is skipped.
  ['timed-out', [{ method: 'PATCH', path: 'contoso-speech', kind: 'slow', seconds: 8 }, { method: 'POST', path: 'checkDomainAvailability', kind: 'slow', seconds: 8, skip: 1 }], /TimedOut[\s\S]*no answer within the time limit/, { timeout: 1, lateWrite: true }],
  // The private endpoint created while the account settles: retried after a back-off (15 s).
  ['race', { method: 'PUT', path: '/privateEndpoints/', kind: 'accepted-race' }, null, { config: CONFIG }],
];

test('each injected fault ends in the right state and message, and Resume finishes', async ({ page, armFake }) => {
  test.setTimeout(400_000);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('dialog', (d) => d.accept());
  for (const [namespace, fault, stops, options = {}] of FAULTS) {
    await openPanel(page, armFake, namespace, options.config ?? RULES_ONLY);
    const faults = Array.isArray(fault) ? fault : [fault];
    await armFake.control('PUT', `ns/${namespace}/scenario`, { faults, lro: namespace === 'lro-failed' ? 'async' : 'none' });
    if (options.timeout) {
      await page.locator('.arm-endpoint').evaluate((details) => { details.open = true; });
      await page.locator('#arm-timeout').fill(String(options.timeout));
      await page.locator('#arm-timeout').dispatchEvent('change');
    }
    await clickApply(page);
    if (!stops) {
      await waitOutcome(page, /Every step is done/);
      const log = (await armFake.control('GET', `ns/${namespace}/log`)).requests;
      assert(log.some((e) => e.code === faults[0].code || (faults[0].kind && e.method === faults[0].method && e.path.includes(faults[0].path))), `${namespace}: the fault was met: ${JSON.stringify(log.slice(-5))}`);
      continue;
    }
    await waitOutcome(page, /Stopped at step \d+\.\nApplied: .+\.\nNot applied: /);
    const list = await statuses(page);
    assert(list.includes('failed') && list.includes('pending') && list[0] === 'done', `${namespace}: ${list}`);
    assert(stops.test(await page.locator('#arm-steps li[data-status="failed"]').textContent()), `${namespace}: the failure names its code`);
    // Resume at once after a time-out (the abandoned request is still on its way).
    if (!options.lateWrite) await page.screenshot({ path: shot(`arm-fault-${namespace}.png`), fullPage: true });
    if (options.timeout) {
      // Back to 60 s, at once: the abandoned request has not landed yet.
      await page.locator('#arm-timeout').fill('60');
      await page.locator('#arm-timeout').dispatchEvent('change');
    }
    await page.locator('#arm-resume').click();
    await waitOutcome(page, /Every step is done/);
    const done = await statuses(page);
    assert(done.every((s) => s === 'done' || s === 'skipped'), `${namespace} after Resume: ${done}`);
    if (options.lateWrite) {
      await page.screenshot({ path: shot(`arm-fault-${namespace}.png`), fullPage: true });
      const subdomain = await page.locator('#arm-steps li', { hasText: 'custom subdomain' }).first().textContent();
      assert(/skipped[\s\S]*by this account/.test(subdomain), `the late write is seen as the account's own subdomain: ${subdomain}`);
      const log = (await armFake.control('GET', `ns/${namespace}/log`)).requests;
      assert(log.filter((e) => e.method === 'PATCH' && e.path.includes('contoso-speech') && e.changed).length >= 1, 'the late PATCH landed');
    }
  }
  await assertNoTokenTrace(page, consoleLines);
});

// A subnet in another Entra tenant (tests/arm_fake/other-tenant.json: the fake's second tenant,
// whose subscription answers only a token of that tenant).
const OTHER = JSON.parse(readFileSync(path.resolve(here, '..', '..', 'arm_fake', 'other-tenant.json'), 'utf8'));
const ACCOUNT_TENANT = '72f988bf-0000-4000-8000-000000000001';

test('a subnet in another tenant asks for that tenant\'s token at its step, then for the account\'s again, and completes', async ({ page, armFake }) => {
  test.setTimeout(180_000);
  const config = structuredClone(RULES_ONLY);
  config.wizard.custom_domain = { enabled: false };
  config.wizard.network.vnet_rules = [{ subnet_id: OTHER.subnetId, tenant_id: OTHER.tenant, enable_service_endpoint: true }];
  const state = fullApply('existing-account').seed;
  state.subscriptions.push(...OTHER.seed.subscriptions);
  for (const key of ['tenants', 'providers', 'resources']) state[key] = { ...(state[key] ?? {}), ...OTHER.seed[key] };
  // The subnet's steps write in another subscription: each asks first, and is confirmed.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  await openPanel(page, armFake, 'tenants', config);
  await armFake.control('PUT', 'ns/tenants', state);
  const failedStep = () => page.locator('#arm-steps li[data-status="failed"]');

  // Before the run, the preview says which four steps will ask for a token: the check of the
  // other tenant's resource groups (before any change), the account's next step, the subnet's
  // first step, and the account's step after it.
  await eventually(async () => {
    const asks = await page.locator('#arm-steps .arm-token-change').allTextContents();
    assert(asks.length === 4, `four token changes foreseen: ${JSON.stringify(asks)}`);
    for (const i of [0, 2]) assert(asks[i].includes(`Needs a token of Entra tenant ${OTHER.tenant}`) && asks[i].includes(OTHER.subscriptionId), asks[i]);
    assert(asks[0].includes('its resource groups') && asks[2].includes('snet-partner'), JSON.stringify(asks));
    for (const i of [1, 3]) assert(asks[i].includes('the account\'s tenant again'), asks[i]);
  });
  const asking = await page.locator('#arm-steps li', { has: page.locator('.arm-token-change') }).allTextContents();
  assert(asking[0].includes(`Check that the resource groups in Entra tenant ${OTHER.tenant} exist`) && asking[2].includes('Register Microsoft.CognitiveServices') && asking[3].includes('Add the allow rules'), `the steps that ask: ${JSON.stringify(asking)}`);
  await page.locator('#arm-steps .arm-token-change').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('arm-tenant-preview.png') });

  const log = () => armFake.control('GET', 'ns/tenants/log').then((l) => l.requests);
  const tenantToken = () => tokenFor(armFake, { tid: OTHER.tenant, upn: 'ops@partner.example' });
  const stopsFor = async (title, tenant) => {
    await eventually(async () => {
      const text = (await failedStep().count()) ? await failedStep().textContent() : '';
      assert(text.includes(title) && text.includes('TokenForAnotherTenant') && text.includes(tenant), `the stop at ${title}: ${text}`);
    }, { timeout: 60_000, interval: 250 });
    return failedStep().textContent();
  };

  // The account's token: the run stops at the other tenant's group check, before any change and
  // before sending anything there.
  await clickApply(page);
  await waitOutcome(page, /Stopped at step \d+\.\nApplied: .+\.\nNot applied: .*Check that the resource groups in Entra tenant/);
  const first = await stopsFor('Check that the resource groups in Entra tenant', OTHER.tenant);
  for (const part of [OTHER.subscriptionId, ACCOUNT_TENANT,
    `az account get-access-token --tenant ${OTHER.tenant} --resource https://management.azure.com/ --query accessToken --output tsv`,
    `Get-AzAccessToken -TenantId ${OTHER.tenant} -ResourceUrl https://management.azure.com/`, 'Paste it, then Resume']) {
    assert(first.includes(part), `the stop names ${part}: ${first}`);
  }
  assert(!(await log()).some((e) => e.path.includes(OTHER.subscriptionId)), 'nothing was sent to the other tenant\'s subscription');
  assert(!(await log()).some((e) => e.method !== 'GET'), 'nothing was changed before the groups were checked');
  await page.screenshot({ path: shot('arm-tenant-stop.png'), fullPage: true });

  // That tenant's token, then Resume: its groups are read, and the run stops at the account's
  // next step, asking for the account's tenant.
  let answered = (await log()).length;
  await page.locator('#arm-token').fill(tenantToken());
  await eventually(async () => assert((await page.locator('#arm-token-info').textContent()).includes(OTHER.tenant), 'the tenant is shown'));
  await page.locator('#arm-resume').click();
  await eventually(async () => {
    const text = (await failedStep().count()) ? await failedStep().textContent() : '';
    assert(text.includes(`Get a token of tenant ${ACCOUNT_TENANT}`), `the second stop: ${text}`);
  }, { timeout: 60_000, interval: 250 });
  const groupReads = (await log()).slice(answered);
  assert(groupReads.length > 0 && groupReads.every((e) => e.method === 'GET' && e.path.includes(OTHER.subscriptionId)), `with the other tenant's token, only its groups are read: ${JSON.stringify(groupReads)}`);

  // The account's token: the account's steps run; the subnet's first step stops before sending.
  await pasteToken(page, armFake);
  await page.locator('#arm-resume').click();
  await stopsFor('Register Microsoft.CognitiveServices', OTHER.tenant);

  // That tenant's token again, then Resume: the subnet's steps are done, and the run stops
  // before the account's next step, asking for the account's tenant.
  answered = (await log()).length;
  await page.locator('#arm-token').fill(tenantToken());
  await eventually(async () => assert((await page.locator('#arm-token-info').textContent()).includes(OTHER.tenant), 'the tenant is shown'));
  await page.locator('#arm-resume').click();
  await eventually(async () => {
    const text = (await failedStep().count()) ? await failedStep().textContent() : '';
    assert(text.includes('Add the allow rules') && text.includes(`Get a token of tenant ${ACCOUNT_TENANT}`), `the fourth stop: ${text}`);
  }, { timeout: 60_000, interval: 250 });
  const subnetSteps = page.locator('#arm-steps li', { hasText: 'snet-partner' });
  assert((await subnetSteps.evaluateAll((items) => items.map((li) => li.dataset.status))).every((s) => s === 'done'), 'the subnet\'s steps are done');
  const partnerOnly = (await log()).slice(answered);
  assert(partnerOnly.length > 0 && partnerOnly.every((e) => e.path.includes(OTHER.subscriptionId) && e.status < 300), `with the subnet's token, only its subscription: ${JSON.stringify(partnerOnly)}`);

  // The account's token again, then Resume: completed, every step done or already so.
  const before = (await log()).length;
  await pasteToken(page, armFake);
  await page.locator('#arm-resume').click();
  await waitOutcome(page, /Every step is done/);
  const done = await statuses(page);
  assert(done.every((s) => s === 'done' || s === 'skipped') && done.includes('done'), `after the last Resume: ${done}`);
  const last = (await log()).slice(before);
  assert(!last.some((e) => e.path.includes(OTHER.subscriptionId)), `the subnet's steps were not sent again: ${JSON.stringify(last)}`);
  assert(!(await log()).some((e) => e.status === 401), 'Resource Manager refused no token');
  const resources = (await armFake.control('GET', 'ns/tenants/state')).resources;
  const subnet = Object.entries(resources).find(([id]) => id.toLowerCase() === OTHER.subnetId.toLowerCase())[1];
  assert(subnet.properties.serviceEndpoints.some((e) => e.service === 'Microsoft.CognitiveServices'), JSON.stringify(subnet));
  const account = Object.entries(resources).find(([id]) => id.toLowerCase() === ACCOUNT.toLowerCase())[1];
  assert(account.properties.networkAcls.virtualNetworkRules.some((r) => r.id.toLowerCase() === OTHER.subnetId.toLowerCase()), JSON.stringify(account.properties.networkAcls));
  await page.screenshot({ path: shot('arm-tenant-completed.png'), fullPage: true });
  for (const part of [`/subscriptions/${OTHER.subscriptionId}/providers/Microsoft.CognitiveServices/register (POST; another subscription)`, `${OTHER.subnetId} (PUT; another subscription)`]) {
    assert(dialogs.some((d) => d.includes(`- changes ${part}`)), `a confirmation names ${part}: ${dialogs}`);
  }
});

// A link can carry any configuration: here one that deletes a private endpoint in another
// subscription (the fake holds that subscription, as a token with access to it would reach it).
const PARTNER_SUB = '0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60';
const PARTNER_ENDPOINT = `/subscriptions/${PARTNER_SUB}/resourceGroups/rg-partner/providers/Microsoft.Network/privateEndpoints/pe-partner`;
const REMOVAL = {
  format: 'ai-network-wizard',
  version: 1,
  wizard: {
    ...CONFIG.wizard,
    custom_domain: { enabled: false },
    network: { enabled: false },
    private_endpoints: { endpoints: [], removals: [{ endpoint_id: PARTNER_ENDPOINT, delete_zone_group: false }] },
  },
};

test('a link that deletes a private endpoint in another subscription: Apply waits for the acknowledgement, and the DELETE asks first', async ({ page, context, baseURL, armFake }) => {
  test.setTimeout(120_000);
  await openPanel(page, armFake, 'link', null, { token: false });
  const state = seed();
  state.subscriptions.push(PARTNER_SUB);
  state.resources[PARTNER_ENDPOINT] = { location: 'westeurope', properties: { provisioningState: 'Succeeded' } };
  await armFake.control('PUT', 'ns/link', state);
  // The share link, made by the page itself from the configuration (Copy share link).
  await goStep(page, 'review');
  await page.locator('#config-import').fill(JSON.stringify(REMOVAL));
  await page.locator('#config-import-load').click();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.locator('#copy-share-link').click();
  const link = await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('#v2='), `clipboard: ${text.slice(0, 200)}`);
    return text;
  });
  // Opened on the apply page with nothing saved but the custom endpoint: the configuration is
  // the link's.
  await page.evaluate(() => localStorage.removeItem('ai-network-wizard.config'));
  await page.goto('about:blank');
  await page.goto(new URL(`${APPLY}?step=review${link.slice(link.indexOf('#'))}`, baseURL).href, { waitUntil: 'load' });
  await waitForApp(page);
  await pasteToken(page, armFake);
  await compare(page);

  // The list names the endpoint, in another subscription; Apply waits for the box.
  const beyond = page.locator('#arm-beyond');
  await beyond.waitFor({ state: 'visible' });
  const listed = await beyond.textContent();
  assert(listed.includes('Deletes') && listed.includes(`DELETE ${PARTNER_ENDPOINT} (another subscription)`), `the list: ${listed}`);
  assert(listed.includes(`outside the target resource ${ACCOUNT}`), listed);
  assert(await page.locator('#arm-apply').isDisabled(), 'Apply waits for the acknowledgement');
  assert((await page.locator('#arm-apply-blocked').textContent()).includes('Tick the acknowledgement'), 'the page says why');
  // axe with AAA contrast, light and dark. Serious and critical findings fail: the apply page's
  // skip link has a moderate "region" finding of its own, with or without this list.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeCheck(page, `acknowledgement, ${scheme}`, { strict: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Whole IDs wrap inside the panel, even at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  const formSwitch = page.locator('.panel-switch button', { hasText: 'Form' });
  if (await formSwitch.isVisible()) await formSwitch.click();
  await beyond.waitFor({ state: 'visible' });
  const widths = await beyond.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right, page: document.documentElement.clientWidth }));
  assert(widths.client > 0 && widths.scroll <= widths.client && widths.right <= widths.page, `the list widens the page: ${JSON.stringify(widths)}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await beyond.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('arm-beyond-target.png') });

  // By keyboard: Space ticks the box, and Apply can be pressed.
  await page.locator('#arm-acknowledge').focus();
  await page.keyboard.press('Space');
  assert(await page.locator('#arm-acknowledge').isChecked(), 'ticked');
  assert(await page.locator('#arm-apply').isEnabled(), 'Apply once acknowledged');
  assert(await page.locator('#arm-apply-blocked').count() === 0, 'no more reason shown');

  // The plan comes to touch more beyond the target (the endpoint's DNS records too): the box is
  // cleared and Apply waits; set back, the box stays clear until it is ticked again.
  await goStep(page, 'private_endpoints');
  await page.locator('#f-private_endpoints-removals-0-delete_zone_group').check();
  await goStep(page, 'review');
  assert((await beyond.textContent()).includes(`DELETE ${PARTNER_ENDPOINT}/privateDnsZoneGroups/default`), 'the zone group is listed');
  assert(!(await page.locator('#arm-acknowledge').isChecked()) && await page.locator('#arm-apply').isDisabled(), 'the acknowledgement is reset');
  await goStep(page, 'private_endpoints');
  await page.locator('#f-private_endpoints-removals-0-delete_zone_group').uncheck();
  await goStep(page, 'review');
  assert(!(await page.locator('#arm-acknowledge').isChecked()) && await page.locator('#arm-apply').isDisabled(), 'still to be ticked');
  await page.locator('#arm-acknowledge').check();

  // Declined: the run stops before the DELETE, and nothing is deleted.
  const dialogs = [];
  const decline = (d) => { dialogs.push(d.message()); d.dismiss(); };
  page.on('dialog', decline);
  await page.locator('#arm-apply').click();
  await waitOutcome(page, /^Cancelled at step \d+\.\nApplied: .*\nNot applied: .*Delete private endpoint pe-partner/);
  const cancelled = await page.locator('#arm-outcome').textContent();
  assert(!cancelled.includes('Fix the cause') && cancelled.includes('Resume goes on from that step'), `a declined confirmation is not a fault: ${cancelled}`);
  assert(dialogs.length === 1, `one confirmation: ${dialogs}`);
  assert(dialogs[0].includes(`- deletes ${PARTNER_ENDPOINT} (DELETE; another subscription)`) && dialogs[0].includes('a link, a file or another tab'), dialogs[0]);
  const log = async () => (await armFake.control('GET', 'ns/link/log')).requests;
  assert(!(await log()).some((e) => e.method !== 'GET'), `nothing but reads was sent: ${JSON.stringify((await log()).filter((e) => e.method !== 'GET'))}`);
  const kept = (await armFake.control('GET', 'ns/link/state')).resources;
  assert(Object.keys(kept).some((id) => id.toLowerCase() === PARTNER_ENDPOINT.toLowerCase()), 'the endpoint is still there');
  await page.screenshot({ path: shot('arm-beyond-declined.png'), fullPage: true });

  // Confirmed on Resume: the endpoint is deleted.
  page.off('dialog', decline);
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  await page.locator('#arm-resume').click();
  await waitOutcome(page, /Every step is done/);
  assert(dialogs.length === 2, `asked again on Resume: ${dialogs}`);
  assert((await log()).some((e) => e.method === 'DELETE' && e.path.toLowerCase() === PARTNER_ENDPOINT.toLowerCase()), 'the DELETE was sent');
  const after = (await armFake.control('GET', 'ns/link/state')).resources;
  assert(!Object.keys(after).some((id) => id.toLowerCase() === PARTNER_ENDPOINT.toLowerCase()), 'the endpoint is gone');
});

test('with the rollback shown, Apply says so and restores the settings read before the plan ran', async ({ page, armFake }) => {
  page.on('dialog', (d) => d.accept());
  await openPanel(page, armFake, 'back', null);
  const account = async () => (await armFake.control('GET', 'ns/back/state')).resources[ACCOUNT].properties;
  const before = await account();
  // A plan of rules only: one more IP rule, deny by default.
  await fillValidTarget(page);
  await goStep(page, 'custom_domain');
  await page.locator('#f-custom_domain-enabled').uncheck();
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-paste').fill('203.0.113.7');
  await page.locator('#ip-paste-add').click();
  await goStep(page, 'review');
  await page.locator('#arm-load').click();
  await eventually(async () => assert(/^Loaded: your plan is unchanged/.test(await page.locator('#arm-load-message').textContent()), await page.locator('#arm-load-message').textContent()));
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const applied = await account();
  assert(applied.networkAcls.ipRules.some((r) => r.value === '203.0.113.7'), `the plan ran: ${JSON.stringify(applied.networkAcls)}`);

  await page.locator('#show-rollback').click();
  await eventually(async () => assert((await page.locator('#arm-apply').textContent()) === 'Apply the rollback', `the button says what it sends: ${await page.locator('#arm-apply').textContent()}`));
  assert((await page.locator('#arm-rollback-note').textContent()).includes('Apply sends it'), 'the panel says that Apply sends the rollback');
  await page.screenshot({ path: shot('arm-rollback.png'), fullPage: true });
  await clickApply(page);
  await waitOutcome(page, /Every step is done/);
  const restored = await account();
  assert(JSON.stringify(restored.networkAcls) === JSON.stringify(before.networkAcls), `restored:\n${JSON.stringify(restored.networkAcls)}\nbefore:\n${JSON.stringify(before.networkAcls)}`);
  await page.locator('#show-forward').click();
  await eventually(async () => assert((await page.locator('#arm-apply').textContent()) === 'Apply', 'Forward: the button applies the plan'));
});

test('who can reach it: a public address, then another, before a reload and after, per host', async ({ page }) => {
  await gotoApp(page, APPLY);
  await fillValidTarget(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-paste').fill('203.0.113.0/24');
  await page.locator('#ip-paste-add').click();
  await goStep(page, 'review');
  const answers = page.locator('#reach-answers');
  await page.locator('#reach-kind').selectOption('ip');
  await page.locator('#reach-client').fill('203.0.113.7');
  await eventually(async () => assert((await answers.textContent()).includes('contoso-speech.cognitiveservices.azure.com: allowed by IP rule 203.0.113.0/24'), `answer: ${await answers.textContent()}`));
  // How the name resolves, step by step, under the verdict.
  assert((await answers.textContent()).includes("name resolution: contoso-speech.cognitiveservices.azure.com → the account's public address"), `the chain: ${await answers.textContent()}`);
  await page.locator('#reach-client').fill('198.51.100.9');
  await eventually(async () => assert(/contoso-speech\.cognitiveservices\.azure\.com: refused/.test(await answers.textContent()), `answer: ${await answers.textContent()}`));
  await page.locator('#reach-client').fill('10.0.0.4');
  await eventually(async () => assert((await answers.textContent()).includes('is not a public address'), `answer: ${await answers.textContent()}`));
  await page.locator('#reach-client').fill('198.51.100.9');
  await page.screenshot({ path: shot('reach.png'), fullPage: true });
  await axeCheck(page, 'who can reach it');
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await goStep(page, 'review');
  assert((await page.locator('#reach-client').inputValue()) === '198.51.100.9', 'the question survives a reload');
  await page.locator('#reach-kind').selectOption('trusted');
  await eventually(async () => assert((await answers.textContent()).includes('contoso-speech.cognitiveservices.azure.com:'), `trusted services: ${await answers.textContent()}`));
  assert((await page.locator('#reach-client').count()) === 0, 'nothing to type for trusted services');
});
