import { test, SUB, assert, clip, eventually, goStep, gotoApp, setField } from '../support/app.mjs';

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
    throw new Error(`no a.diag link for the empty resource group in #diagnostics: ${JSON.stringify(
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
