import {
  test, SUB, assert, assertIncludes, axeStrict, eventually, expectValidOutput, fillValidTarget, goStep, gotoApp,
  msg, outputText, selectTab, setField, shot,
} from '../support/app.mjs';

// Every tab shows each needle, and none of the absent ones.
async function expectEveryTab(page, present, absent, what) {
  for (const tab of ['tab-az-bash', 'tab-powershell', 'tab-az-powershell', 'tab-rest']) {
    await selectTab(page, tab);
    await eventually(async () => {
      const text = await outputText(page);
      for (const n of present) assertIncludes(text, n, `${what}: ${tab}`);
      for (const n of absent) assert(!text.includes(n), `${what}: ${tab} still shows ${JSON.stringify(n)}`);
    });
  }
}

const peSubnet = (vnet) =>
  `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/snet-pe`;

test('private endpoints: add two, remove one, switch DNS mode; every tab follows', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'private_endpoints');
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-0-subnet_id', peSubnet('vnet-apps'));
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-1-subnet_id', peSubnet('vnet-branch'));
  await setField(page, 'f-private_endpoints-endpoints-1-name', 'pe-speech-branch');
  await expectValidOutput(page);
  await expectEveryTab(page, ['pe-contoso-speech-account', 'pe-speech-branch', 'privatelink.cognitiveservices.azure.com'], [], 'two endpoints');
  await page.screenshot({ path: shot('private-endpoints-two.png'), fullPage: true });

  await page.getByRole('button', { name: 'Remove endpoint 2' }).click();
  await expectEveryTab(page, ['pe-contoso-speech-account'], ['pe-speech-branch'], 'one endpoint removed');

  await setField(page, 'f-private_endpoints-dns_mode', 'own_dns');
  await expectValidOutput(page);
  await expectEveryTab(page, ['168.63.129.16', 'cognitiveservices.azure.com'], ['virtualNetworkLinks', 'private-dns link vnet create', 'New-AzPrivateDnsZone'], 'own DNS servers');
  await axeStrict(page, 'private endpoints');
});

const HUB_RG = `/subscriptions/${SUB}/resourceGroups/rg-ai-hub/providers`;

test('private endpoints: a hub with a dependent resource, a subnet by parts, messages at their fields', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-hub');
  await setField(page, 'f-target-resource_type', 'ml_hub');
  await goStep(page, 'private_endpoints');

  // The hub itself, its subnet given by parts.
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-0-input', 'parts');
  await setField(page, 'f-private_endpoints-endpoints-0-resource_group', 'rg-network');
  await setField(page, 'f-private_endpoints-endpoints-0-vnet', 'vnet-apps');
  await setField(page, 'f-private_endpoints-endpoints-0-subnet', 'snet pe');
  await eventually(async () =>
    assertIncludes(await msg(page, 'private_endpoints-endpoints-0-subnet').textContent(), 'subnet', 'a bad subnet name is explained at its field'));
  await setField(page, 'f-private_endpoints-endpoints-0-subnet', 'snet-pe');

  // Its key vault, with a mistyped ID first.
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-1-service', 'key_vault');
  await setField(page, 'f-private_endpoints-endpoints-1-resource_id', `${HUB_RG}/Microsoft.KeyVault/vault/contoso-hub-kv`);
  await eventually(async () =>
    assertIncludes(await msg(page, 'private_endpoints-endpoints-1-resource_id').textContent(), 'Microsoft.KeyVault/vaults', 'the ID message is at its field'));
  await setField(page, 'f-private_endpoints-endpoints-1-resource_id', `${HUB_RG}/Microsoft.KeyVault/vaults/contoso-hub-kv`);
  await setField(page, 'f-private_endpoints-endpoints-1-subnet_id', peSubnet('vnet-apps').replace('snet-pe', 'snet-kv'));
  await setField(page, 'f-private_endpoints-endpoints-1-endpoint_resource_group', 'rg-endpoints');
  await page.locator('#f-private_endpoints-close_public_access').check();
  await expectValidOutput(page);
  await expectEveryTab(page, [
    'pe-contoso-hub-amlworkspace',
    // The hub's subnet was given by parts (the Az tab names it by group, network and subnet).
    'snet-pe',
    'snet-kv',
    'pe-contoso-hub-kv-vault',
    'rg-endpoints',
    'privatelink.vaultcore.azure.net',
    'Microsoft.KeyVault/vaults/contoso-hub-kv?api-version=2023-07-01',
  ], [], 'hub with its key vault');
  await page.screenshot({ path: shot('private-endpoints-hub-dependent.png'), fullPage: true });
  await axeStrict(page, 'private endpoints of a hub');
});

test('private endpoints: delete one with its zone group, reopening public access first', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'private_endpoints');
  const old = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/privateEndpoints/pe-speech-old`;
  await page.locator('#pe-remove-add').click();
  await setField(page, 'f-private_endpoints-removals-0-endpoint_id', old.replace('privateEndpoints', 'privateEndpoint'));
  await eventually(async () =>
    assertIncludes(await msg(page, 'private_endpoints-removals-0-endpoint_id').textContent(), 'Microsoft.Network/privateEndpoints', 'the ID message is at its field'));
  await setField(page, 'f-private_endpoints-removals-0-endpoint_id', old);
  await page.locator('#f-private_endpoints-removals-0-delete_zone_group').check();
  await page.locator('#f-private_endpoints-reopen_public_access').check();
  await expectValidOutput(page);
  await expectEveryTab(page, ['pe-speech-old', 'publicNetworkAccess'], [], 'removal');
  await page.getByRole('button', { name: 'Do not delete endpoint 1' }).click();
  await expectEveryTab(page, [], ['pe-speech-old'], 'removal undone');
});

test('closing public access while the Network rules step keeps it Enabled: one click sets the Network rules step', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-add').click();
  await page.keyboard.type('203.0.113.0/24');
  await page.keyboard.press('Tab');
  await goStep(page, 'private_endpoints');
  await page.locator('#pe-add').click();
  await setField(page, 'f-private_endpoints-endpoints-0-subnet_id', peSubnet('vnet-apps'));
  await page.locator('#f-private_endpoints-close_public_access').check();
  const conflict = msg(page, 'private_endpoints-close_public_access').locator('.error');
  await eventually(async () => assertIncludes(await conflict.textContent(), 'keeps public network access Enabled', 'the conflict'));
  await conflict.getByRole('button', { name: 'Disable it in the Network rules step' }).click();
  await eventually(async () => assert((await conflict.count()) === 0, 'the conflict stays after its fix'));
  assert(
    (await page.evaluate(() => document.activeElement?.id)) === 'f-private_endpoints-close_public_access',
    'the focus left the checkbox the fix belongs to',
  );
  await expectValidOutput(page);
  await goStep(page, 'network');
  assert((await page.locator('#f-network-public_network_access').inputValue()) === 'Disabled', 'the Network rules step did not follow');
});
