// Start from an imported account: the output panel shows the network settings before and after
// the script; a single IP rule named for removal and a private endpoint connection deleted show
// there as removed (in words, not by colour alone), and every output names what it removes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, assert, assertIncludes, axeStrict, eventually, expectOutput, expectValidOutput, goStep, gotoApp,
  ipRowIndex, outputText, selectTab, setField, shot,
} from '../support/app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const rows = (page) => page.evaluate(() => [...document.querySelectorAll('#network-diff li')]
  .map((li) => li.textContent.trim()));

test('before/after of an imported account, a single rule removed and a connection deleted', async ({ page }) => {
  const show = await readFile(path.join(repoRoot, 'tests/fixtures/import/az-account-show-openai.json'), 'utf8');
  await gotoApp(page);
  await goStep(page, 'review');
  await page.locator('#config-import').fill(show);
  await page.locator('#config-import-load').click();
  await eventually(async () =>
    assertIncludes(await page.locator('#config-import-message').textContent(), 'Imported', 'import message'));
  await expectValidOutput(page);

  // As imported, the script changes nothing: every line is unchanged.
  await eventually(async () => {
    const all = await rows(page);
    assert(all.length >= 6, `before/after rows: ${JSON.stringify(all)}`);
    assert(all.every((r) => r.startsWith('unchanged: ')), `an imported form changes something: ${JSON.stringify(all)}`);
    assert(all.includes('unchanged: IP rule 198.51.100.0/26'), `the imported IP rule is listed: ${JSON.stringify(all)}`);
    assert(all.some((r) => r.startsWith('unchanged: Private endpoint connection pe-openai') && r.endsWith('Approved')), 'the connection is listed');
  });

  // One IP rule named for removal, the list still added to.
  await goStep(page, 'network');
  assert(!(await page.locator('#f-network-ip_rules_exact').isChecked()), 'the list is added to');
  // The imported rule is in the list above: taken out there and named here.
  const idx = await ipRowIndex(page, '198.51.100.0/26');
  await page.locator(`button[aria-label="Remove IP rule ${idx + 1}"]`).click();
  await setField(page, 'f-network-remove_ip_rules', '198.51.100.0/26');
  await selectTab(page, 'tab-az-bash');
  await expectValidOutput(page);
  await expectOutput(page, ['removed_ip_rules=\'["198.51.100.0/26"]\'', '(named for removal)'], 'bash names the removal');
  await eventually(async () => {
    const all = await rows(page);
    assert(all.includes('− removed: IP rule 198.51.100.0/26'), `the removed rule: ${JSON.stringify(all)}`);
    assert(all.includes('unchanged: IP rule 192.0.2.10'), `the other rule stays: ${JSON.stringify(all)}`);
  });

  // Delete the other team's connection: gated until acknowledged.
  await page.locator('#conn-0').selectOption('delete');
  await eventually(async () => assert(await page.locator('#f-network-acknowledge_connection_delete').isVisible(), 'no acknowledgement box'));
  await eventually(async () => assert(await page.locator('#download-output').isDisabled(), 'a delete without acknowledgement is refused'));
  await page.locator('#f-network-acknowledge_connection_delete').check();
  await expectValidOutput(page);
  await expectOutput(page, ['az network private-endpoint-connection delete --id "$connection_id" --yes', 'DESTRUCTIVE'], 'bash deletes the connection');
  for (const [tab, needle] of [
    ['tab-powershell', 'Remove-AzPrivateEndpointConnection -ResourceId $connectionId -Force'],
    ['tab-az-powershell', 'az network private-endpoint-connection delete --id $connectionId --yes'],
    ['tab-rest', 'DELETE {{armEndpoint}}/subscriptions/'],
  ]) {
    await selectTab(page, tab);
    await expectOutput(page, [needle], `${tab} deletes the connection`);
  }
  await eventually(async () => {
    const all = await rows(page);
    assert(all.some((r) => r.startsWith('− removed: Private endpoint connection pe-openai')), `the connection: ${JSON.stringify(all)}`);
  });
  await axeStrict(page, 'before/after view');
  await page.screenshot({ path: shot('network-diff.png'), fullPage: true });
  assert((await outputText(page)).length > 0, 'an output is shown');
});
