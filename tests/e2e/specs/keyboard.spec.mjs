// A keyboard-only walk through the whole wizard: no mouse, focus always where a person needs it.
import {
  test, SUB, assert, assertMatch, eventually, focusedId, gotoApp, outputText, tabTo,
} from '../support/app.mjs';

async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

async function nextStep(page, from, to) {
  await tabTo(page, `section#step-${from} .step-nav button.primary`);
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const id = await focusedId(page);
    assert(id === `heading-${to}`, `after Next from ${from}, focus is on #${id || '(nothing)'}, not the ${to} heading`);
  });
}

test('keyboard only: the skip link, every step with Next, Add focusing the new field, the script ready', async ({ page }) => {
  await gotoApp(page);
  await page.keyboard.press('Tab');
  assert((await page.evaluate(() => document.activeElement?.className)) === 'skip-link', 'the first Tab stop is not the skip link');
  await page.keyboard.press('Enter');
  await eventually(async () => assert((await focusedId(page)) === 'output-code', 'the skip link did not move focus to the script'));

  await tabTo(page, '#f-target-subscription_id', { back: true });
  await page.keyboard.type(SUB);
  await typeInto(page, '#f-target-resource_group', 'rg-speech-prod');
  await typeInto(page, '#f-target-name', 'contoso-speech');
  await typeInto(page, '#f-target-region', 'westeurope');
  await nextStep(page, 'target', 'custom_domain');

  await typeInto(page, '#f-custom_domain-subdomain', 'contoso-speech');
  await tabTo(page, '#f-custom_domain-acknowledge_irreversible');
  await page.keyboard.press('Space');
  await nextStep(page, 'custom_domain', 'network');

  await tabTo(page, '#f-network-enabled');
  await page.keyboard.press('Space');
  await tabTo(page, '#ip-add');
  await page.keyboard.press('Enter');
  await eventually(async () => assert((await focusedId(page)) === 'f-network-ip_rules-0', 'Add did not focus the new field'));
  await page.keyboard.type('203.0.113.0/24');
  await nextStep(page, 'network', 'private_endpoints');
  await nextStep(page, 'private_endpoints', 'storage');
  await nextStep(page, 'storage', 'review');

  await eventually(async () => {
    assertMatch(await page.locator('#output-status').textContent(), /Ready to run/, '#output-status at the end');
    assert((await page.locator('ol.plan li').count()) >= 4, 'the review lists no plan');
  });
  const script = await outputText(page);
  for (const needle of ['203.0.113.0/24', 'contoso-speech', 'Deny']) {
    assert(script.includes(needle), `the script lacks ${needle}`);
  }
});

test('keyboard: Remove keeps focus in the list', async ({ page }) => {
  await gotoApp(page, '?step=network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-paste').fill('203.0.113.1 203.0.113.2 203.0.113.3');
  await page.locator('#ip-paste-add').click();
  await page.locator('button[aria-label="Remove IP rule 2"]').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => assert((await focusedId(page)) === 'f-network-ip_rules-1', `after removing rule 2 focus is on #${await focusedId(page)}`));
  assert((await page.locator('#f-network-ip_rules-1').inputValue()) === '203.0.113.3', 'the third rule did not move up');
  await page.locator('button[aria-label="Remove IP rule 2"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('button[aria-label="Remove IP rule 1"]').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => assert((await focusedId(page)) === 'ip-add', `after removing the last rule focus is on #${await focusedId(page)}`));
});

test('before start-up has built the rest, the skip link and an opened step still take the focus', async ({ page }) => {
  // The output panel and the hidden steps are built in zero-delay timers after the first frame;
  // on a slow phone a person can be quicker. Hold those timers back for 20 s.
  await page.addInitScript(() => {
    const later = window.setTimeout;
    window.setTimeout = (run, ms, ...rest) => later(run, ms || 20_000, ...rest);
  });
  await gotoApp(page);
  assert((await page.locator('#output-code').count()) === 0, 'the output panel was built although its timer is held back');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await eventually(async () => assert((await focusedId(page)) === 'output-code', 'the skip link did not build the script and move focus to it'), { timeout: 5000 });
  await page.locator('button[data-step="network"]').click();
  await eventually(async () => assert((await focusedId(page)) === 'heading-network', 'opening a step not yet built did not focus its heading'), { timeout: 5000 });
  await page.goBack();
  await eventually(async () => assert((await focusedId(page)) === 'heading-target', 'Back did not return the focus to the first step'), { timeout: 5000 });
});
