// Rollback in the page: once a show output is imported, the output panel switches between the
// forward script and the way back; copy and download take the one shown, and the panel says
// what cannot be rolled back.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, assert, assertIncludes, axeStrict, eventually, expectOutput, expectValidOutput, goStep, gotoApp,
  outputText, selectTab, shot,
} from '../support/app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('an imported account offers its rollback in every tab, with copy, download and what stays', async ({ page, context, baseURL }) => {
  await gotoApp(page);
  // No snapshot: no switch.
  assert(!(await page.locator('#show-rollback').isVisible()), 'the rollback switch shows without a snapshot');
  const show = await readFile(path.join(repoRoot, 'tests/fixtures/import/az-account-show-openai.json'), 'utf8');
  await goStep(page, 'review');
  await page.locator('#config-import').fill(show);
  await page.locator('#config-import-load').click();
  await eventually(async () =>
    assertIncludes(await page.locator('#config-import-message').textContent(), 'Imported', 'import message'));

  // The person removes a rule, so forward and rollback differ.
  await goStep(page, 'network');
  await page.locator('#f-network-ip_rules_exact').check();
  await page.locator('button[aria-label="Remove IP rule 1"]').click();
  await selectTab(page, 'tab-az-bash');
  await expectValidOutput(page);
  const forward = await outputText(page);
  assert(!forward.includes('ROLLBACK'), 'the forward script is not a rollback');

  await page.locator('#show-rollback').click();
  await eventually(async () =>
    assert((await page.locator('#show-rollback').getAttribute('aria-pressed')) === 'true', 'Rollback is not pressed'));
  const limits = await page.locator('#rollback-limits').textContent();
  assertIncludes(limits, 'custom subdomain', 'what cannot be rolled back');
  assertIncludes(limits, 'storage', 'what cannot be rolled back');
  await expectOutput(page, ['ROLLBACK: restores the network settings', 'Cannot be rolled back'], 'bash rollback');
  await expectValidOutput(page);
  const rollbackBash = await outputText(page);
  // The removed rule comes back: the rollback's exact list is the snapshot's.
  const snapshotIps = JSON.parse(show).properties.networkAcls.ipRules.map((r) => r.value);
  for (const ip of snapshotIps) assertIncludes(rollbackBash, ip, 'the rollback lists the snapshot\'s IP rule');

  for (const [tab, needle] of [['tab-powershell', 'ROLLBACK'], ['tab-az-powershell', 'ROLLBACK'], ['tab-rest', 'ROLLBACK']]) {
    await selectTab(page, tab);
    await expectOutput(page, [needle], `${tab} rollback`);
  }

  // Copy takes the rollback.
  await selectTab(page, 'tab-az-bash');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.locator('#copy-output').click();
  await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('ROLLBACK: restores'), 'the clipboard does not hold the rollback');
  });
  // Download names it as a rollback.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-output').click()]);
  assert(download.suggestedFilename() === 'rollback-isolate-azure-ai.sh', `download gave ${download.suggestedFilename()}`);
  const saved = await readFile(await download.path(), 'utf8');
  assert(saved.includes('ROLLBACK: restores'), 'the downloaded file is not the rollback');
  await axeStrict(page, 'rollback view');
  await page.screenshot({ path: shot('rollback-view.png'), fullPage: true });

  // Back to forward: the forward script again.
  await page.locator('#show-forward').click();
  await eventually(async () => assert((await outputText(page)) === forward, 'Forward does not show the forward script again'));
});
