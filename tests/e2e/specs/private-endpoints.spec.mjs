import {
  test, SUB, assert, assertIncludes, axeCheck, eventually, expectValidOutput, fillValidTarget, goStep, gotoApp,
  outputText, selectTab, setField, shot,
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
  await axeCheck(page, 'private endpoints');
});
