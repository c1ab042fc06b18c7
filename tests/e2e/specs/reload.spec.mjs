import { test, SUB, assert, eventually, fillValidTarget, goStep, gotoApp, waitForApp } from '../support/app.mjs';

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
