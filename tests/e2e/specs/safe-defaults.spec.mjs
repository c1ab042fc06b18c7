// Safe by default: the first visit shows no errors, the defaults give a harmless plan, and a
// plan that locks everyone out is an error until the person accepts it.
import {
  test, assert, assertMatch, clip, eventually, expectOutput, expectValidOutput, fillValidTarget, goStep, gotoApp, msg,
  outputText, setField,
} from '../support/app.mjs';

test('first visit: no error shown on untouched fields; errors appear after leaving a field or on Next', async ({ page }) => {
  await gotoApp(page);
  assert((await page.locator('.field-msg .error').count()) === 0, 'errors shown on first load');
  assert((await page.locator('[aria-invalid="true"]').count()) === 0, 'fields marked invalid on first load');
  assert((await page.locator('#diagnostics a.diag.error').count()) === 0, 'the problems list shows errors on first load');
  assertMatch(await page.locator('#output-status').textContent(), /Fill in the steps/, '#output-status on first load');
  // The status names the steps that still need input; the empty code view must not point at
  // a problems list that is empty.
  assertMatch(await page.locator('#output-status').textContent(), /missing a required field: Target, Custom domain\./, '#output-status names the steps to fill');
  assertMatch(await page.locator('#output-code').textContent(), /once the required fields/, 'the empty code view on first load');
  // The four tabs fit inside the output panel at desktop width (none cut off at its edge).
  const overflow = await page.locator('.tabs').evaluate((row) => {
    const edge = row.getBoundingClientRect().right;
    return [...row.querySelectorAll('[role="tab"]')].filter((t) => t.getBoundingClientRect().right > edge + 0.5).map((t) => t.textContent);
  });
  assert(overflow.length === 0, `tabs cut off at the panel's edge: ${overflow}`);

  await page.locator('section#step-target .step-nav button.primary').click();
  await goStep(page, 'target');
  await eventually(async () => {
    assert((await page.locator('#m-target-subscription_id .error').count()) === 1, 'Next did not show the empty subscription error');
    assertMatch(await page.locator('#output-status').textContent(), /\d+ errors? to fix/, '#output-status after Next');
  });
  // The count covers every error, the problems list only those shown: the status says where
  // the others are, so "5 errors" above a list of 2 is never a puzzle.
  const listed = await page.locator('#diagnostics a.diag.error').count();
  const counted = Number((await page.locator('#output-status').textContent()).match(/(\d+) errors? to fix/)[1]);
  assert(listed > 0 && listed < counted, `expected some errors listed and some not: ${listed} listed, ${counted} counted`);
  assertMatch(
    await page.locator('#output-status').textContent(),
    new RegExp(`${listed} listed below; ${counted - listed} in steps not filled yet: Custom domain\\.`),
    '#output-status says where the unlisted errors are',
  );
  const status = await page.locator('#output-status').textContent();
  assert(!/\berror\(s\)|\b1 errors\b/.test(status), `clumsy wording: ${status}`);
});

test('defaults make a harmless plan; Deny with no way in is refused until accepted', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);
  const harmless = await outputText(page);
  for (const step of ['Add the allow rules', 'Set the default action', 'Set public network access']) {
    assert(!harmless.includes(step), `the default plan has the step "${step}"`);
  }
  assert(harmless.includes('Set the custom subdomain'), 'the default plan lacks the custom subdomain step');

  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  const error = page.locator('#m-network-default_action .error');
  // Just included, nothing added yet: the step is not scolded, but no lockout script is offered.
  await eventually(async () => {
    assert(await page.locator('#download-output').isDisabled(), 'a lockout script can be downloaded');
    assertMatch(await page.locator('#output-status').textContent(), /missing a required field: Network rules\./, 'the status names the step');
  });
  assert((await error.count()) === 0, 'the lockout error shows the moment the step is ticked');
  // Next (as leaving any of its fields) shows it.
  await page.locator('section#step-network .step-nav button.primary').click();
  await goStep(page, 'network');
  await eventually(async () => {
    assert((await error.count()) === 1, 'no lockout error once the network step was left');
    assertMatch(await error.textContent(), /blocks all access/, 'the lockout error');
  });
  await page.locator('#f-network-accept_no_access').check();
  await expectValidOutput(page);
  await eventually(async () => {
    assert((await error.count()) === 0, 'the error stays after accepting');
    assertMatch(await page.locator('#m-network-default_action').textContent(), /Accepted/, 'the accepted warning');
  });
  const script = await outputText(page);
  assert(script.includes('Deny'), `the accepted script does not set Deny: ${clip(script)}`);
});

test('a new account with no network step: the page and the script say it stays open, and one click adds the step', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-new');
  await setField(page, 'f-target-existence', 'create');
  await expectValidOutput(page);
  await expectOutput(page, ['NOTE: this creates the account open to every network'], 'the script header');
  await goStep(page, 'network');
  const message = msg(page, 'network-enabled');
  await eventually(async () => assertMatch(await message.textContent(), /open to every network/, 'the Network step\'s warning'));
  await message.locator('button.fix', { hasText: 'Include the Network rules step' }).click();
  await eventually(async () => assert(await page.locator('#f-network-enabled').isChecked(), 'the step is included'));
  await eventually(async () => assert(!/open to every network/.test(await message.textContent()), 'the warning is gone'));
});

test('a returning visitor who ticks the Network step is not told it blocks all access before adding anything', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);
  // A reload shows every error of what was saved at once (it is an earlier visit's work).
  await page.reload();
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  const error = page.locator('#m-network-default_action .error');
  await eventually(async () => assert(await page.locator('#download-output').isDisabled(), 'a lockout script can be downloaded'));
  assert((await error.count()) === 0, 'the lockout error shows the moment the step is ticked after a reload');
  // Leaving a field of the step shows it: the person has been there.
  await setField(page, 'f-network-public_network_access', 'Disabled');
  await setField(page, 'f-network-public_network_access', 'Enabled');
  await eventually(async () => assert((await error.count()) === 1, 'no lockout error after leaving a field of the step'));
  // The problems heading counts errors as the status line does.
  const heading = await page.locator('#problems-heading').textContent();
  const status = await page.locator('#output-status').textContent();
  const counted = status.match(/(\d+) errors? to fix/);
  assert(counted, `status: ${status}`);
  assertMatch(heading, new RegExp(`^Problems: ${counted[1]} errors?, \\d+ warnings?$`), 'the problems heading');
});
