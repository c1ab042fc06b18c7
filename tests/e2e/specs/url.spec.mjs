// The step and the tab live in the URL: reload keeps them, Back and Forward move between steps,
// and nothing typed ever goes into the URL.
import { test, SUB, assert, eventually, fillValidTarget, goStep, gotoApp, selectTab, waitForApp } from '../support/app.mjs';

test('step and tab survive a reload; Back and Forward move between steps', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'network');
  await selectTab(page, 'tab-rest');
  await eventually(async () => {
    const url = new URL(page.url());
    assert(url.searchParams.get('step') === 'network', `URL ${url} does not hold step=network`);
    assert(url.searchParams.get('tab') === 'rest', `URL ${url} does not hold tab=rest`);
  });
  assert(!page.url().includes(SUB) && !page.url().includes('rg-speech-prod'), `typed values in the URL: ${page.url()}`);

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await page.locator('section#step-network').waitFor({ state: 'visible' });
  assert((await page.locator('#tab-rest').getAttribute('aria-selected')) === 'true', 'the REST tab is not selected after reload');

  await page.goBack();
  await page.locator('section#step-target').waitFor({ state: 'visible' });
  await page.goForward();
  await page.locator('section#step-network').waitFor({ state: 'visible' });
  await eventually(async () => assert(
    (await page.evaluate(() => document.activeElement?.id)) === 'heading-network', 'Forward did not focus the step heading'));
});
