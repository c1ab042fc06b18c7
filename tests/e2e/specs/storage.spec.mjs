import {
  test, SUB, assert, assertIncludes, eventually, expectOutput, expectValidOutput, fillValidTarget, goStep, gotoApp,
  msg, norm, selectTab, setField, shot,
} from '../support/app.mjs';

test('storage step: BYOS switches to create, repairs a pasted portal address, and the acknowledgement gates the output', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-speech-byos');
  await expectValidOutput(page);
  await goStep(page, 'storage');
  await page.locator('#f-storage-enabled').check();
  await eventually(async () =>
    assertIncludes(norm(await msg(page, 'storage-enabled').textContent()), 'only possible when the resource is created', '#m-storage-enabled'),
  );
  await page.locator('#storage-switch-to-create').click();
  await eventually(async () => assert((await msg(page, 'storage-enabled').textContent()).trim() === '', 'the existing-resource error stays after switching'));

  const id = `/subscriptions/${SUB}/resourceGroups/rg-speech-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata`;
  await setField(page, 'f-storage-storage_account_id', `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${id}/overview`);
  const idMessages = msg(page, 'storage-storage_account_id');
  await eventually(async () => assertIncludes(norm(await idMessages.textContent()), 'This is an Azure portal address', '#m-storage-storage_account_id'));
  await idMessages.locator('button.fix').click();
  await eventually(async () => assert((await page.locator('#f-storage-storage_account_id').inputValue()) === id, 'the fix did not write the resource ID'));

  // Messages show once a field is touched: tick and untick the acknowledgement.
  await page.locator('#f-storage-acknowledge_irreversible').check();
  await page.locator('#f-storage-acknowledge_irreversible').uncheck();
  // Everything valid but the acknowledgement: greyed, nothing to copy or download.
  await eventually(async () => {
    const cls = (await page.locator('#output-code').getAttribute('class')) ?? '';
    assert(/\bstale\b/.test(cls), 'output is not stale before the acknowledgement');
    assert(await page.locator('#download-output').isDisabled(), '#download-output is enabled before the acknowledgement');
    assertIncludes(norm(await msg(page, 'storage-acknowledge_irreversible').textContent()), 'Tick the acknowledgement', 'acknowledgement message');
  });
  await page.locator('#f-storage-acknowledge_irreversible').check();
  await expectValidOutput(page);
  await selectTab(page, 'tab-az-bash');
  await expectOutput(page, ['--assign-identity --storage "$storage_json"', "STORAGE_ACCOUNT_NAME='contosospeechdata'", 'az role assignment create'], 'az bash BYOS');
  await selectTab(page, 'tab-powershell');
  await expectOutput(page, ['StorageAccountId = @($StorageAccountId)', 'New-AzRoleAssignment'], 'PowerShell BYOS');
  await page.screenshot({ path: shot('storage-step.png'), fullPage: true });
});
