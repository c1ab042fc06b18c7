import { readFile } from 'node:fs/promises';
import {
  test, SUB, assert, assertMatch, eventually, expectOutput, expectValidOutput, fillValidTarget, gotoApp,
  norm, outputText, selectTab, setField,
} from '../support/app.mjs';

test('copy and download give exactly the previewed script, with the right file type per tab', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
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
    const cls = (await page.locator('#output-code').getAttribute('class')) ?? '';
    assert(/\bstale\b/.test(cls), '#output-code is not marked stale while the form has an error');
    assert(await page.locator('#download-output').isDisabled(), '#download-output is enabled while the form has an error');
    assert(await page.locator('#copy-output').isDisabled(), '#copy-output is enabled while the form has an error');
    assertMatch(await page.locator('#output-status').textContent(), /error/i, '#output-status');
    assert((await page.locator('#diagnostics a.diag').count()) > 0, '#diagnostics lists no a.diag link');
  });
});
