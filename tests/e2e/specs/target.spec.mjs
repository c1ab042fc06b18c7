import {
  test, SUB, assert, assertIncludes, assertMatch, eventually, expectOutput, fillValidTarget, goStep,
  gotoApp, outputText, selectTab, setField, shot,
} from '../support/app.mjs';

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
