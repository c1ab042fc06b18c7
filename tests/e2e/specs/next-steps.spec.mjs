// Knowing what happens next: a notice shows whole beside the button that caused it, the way in
// for an existing resource is on step 1, and wizard-cli is one link away.
import {
  test, assert, assertIncludes, axeCheck, eventually, fillValidTarget, focusedId, goStep, gotoApp, shot,
} from '../support/app.mjs';

test('notices show whole beside the buttons they report on, never in the output panel far away', async ({ page, context, baseURL }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'review');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.locator('#copy-share-link').click();
  const review = page.locator('section#step-review .notice');
  await eventually(async () => assertIncludes(await review.textContent(), 'Share link copied.', 'the notice beside Copy share link'));
  // Whole: it wraps inside its box rather than ending in an ellipsis.
  const box = await review.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).textOverflow, white: getComputedStyle(el).whiteSpace }));
  assert(box.scroll <= box.client && box.overflow !== 'ellipsis' && box.white !== 'nowrap', `the notice is cut: ${JSON.stringify(box)}`);
  assertIncludes(await review.textContent(), 'which browsers never send to a server', 'the whole notice');
  assert((await page.locator('.output-side .notice').textContent()) === '', 'the notice also shows in the output panel');
  await review.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('notice-beside-button.png') });
  await axeCheck(page, 'notice beside its button');

  // Undo reports beside the Undo button; the Review step's notice gives way.
  await page.locator('#undo').click();
  const history = page.locator('.undo-bar .notice');
  await eventually(async () => assert(/^(Undone\.|Nothing to undo\.)$/.test(await history.textContent()), `the undo notice: ${await history.textContent()}`));
  assert((await review.textContent()) === '', 'an older notice lingers beside another button');
});

test('step 1 offers to start from the existing resource: the import box opens, focused', async ({ page }) => {
  await gotoApp(page);
  await page.locator('#start-from-existing').click();
  await page.locator('section#step-review').waitFor({ state: 'visible' });
  await eventually(async () => assert((await focusedId(page)) === 'config-import', `focus on ${await focusedId(page)}`));
});

test('wizard-cli, named on the Review step, is one link away from how to get it, on both pages', async ({ page, request }) => {
  for (const address of ['/', '/apply/']) {
    await gotoApp(page, address);
    await goStep(page, 'review');
    const link = page.locator('#wizard-cli-help');
    const href = await link.evaluate((a) => a.href);
    const answer = await request.get(href);
    assert(answer.ok(), `${address}: ${href} answered ${answer.status()}`);
    const text = await answer.text();
    assertIncludes(text, 'cargo install --locked --path . --bin wizard-cli', `${address}: how to get it`);
    assertIncludes(text, 'wizard-cli render before.json --rollback', `${address}: the way back the script headers name`);
  }
});
