import {
  test, assert, assertMatch, clip, eventually, goStep, gotoApp, ipRowIndex, msg, shot,
} from '../support/app.mjs';

test('network step: pasting a block of IPs explains each row and one-click fixes work', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check(); // off in a new draft: it changes the firewall
  await page.locator('#ip-paste').fill(
    '203.0.113.7\n10.1.2.3, 198.51.100.7/32 2001:db8::1\nnot-an-ip\n203.0.113.5/24',
  );
  await page.locator('#ip-paste-add').click();

  const rowMsg = async (value) => msg(page, `network-ip_rules-${await ipRowIndex(page, value)}`);
  const expectMsg = async (value, re) => {
    const m = await rowMsg(value);
    await eventually(async () => assertMatch(await m.textContent(), re, `message for row ${JSON.stringify(value)}`));
  };
  const expectNoError = async (value) => {
    const m = await rowMsg(value);
    await eventually(async () => {
      const n = await m.locator('.error').count();
      assert(n === 0, `row ${JSON.stringify(value)} still has an error: ${JSON.stringify(clip(await m.textContent()))}`);
    });
  };
  const applyFix = async (value, label, fixed) => {
    const m = await rowMsg(value);
    const idx = await ipRowIndex(page, value);
    await m.locator('button.fix', { hasText: label }).click();
    await eventually(async () => {
      const v = await page.locator(`#f-network-ip_rules-${idx}`).inputValue();
      assert(v === fixed, `after "${label}" row ${idx} holds ${JSON.stringify(v)}, not ${JSON.stringify(fixed)}`);
    });
    await expectNoError(fixed);
  };

  await expectNoError('203.0.113.7');
  await expectMsg('10.1.2.3', /private/i);
  await expectMsg('2001:db8::1', /IPv6/i);
  await expectMsg('not-an-ip', /not an IPv4/i);
  await page.screenshot({ path: shot('network.png'), fullPage: true });

  await applyFix('198.51.100.7/32', 'Use 198.51.100.7', '198.51.100.7');
  await applyFix('203.0.113.5/24', 'Use 203.0.113.0/24', '203.0.113.0/24');
  await page.screenshot({ path: shot('network-fixed.png'), fullPage: true });
});

test('a subnet ID pasted with the portal address around it gets a one-click fix, and the focus stays on the field', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#vnet-add').click();
  const id = '/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-apps';
  const field = page.locator('#f-network-vnet_rules-0-subnet_id');
  await field.fill(`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${id}/overview`);
  await field.press('Tab');
  const fix = msg(page, 'network-vnet_rules-0-subnet_id').locator('button.fix', { hasText: 'Use the subnet ID it contains' });
  await fix.click();
  await eventually(async () => assert((await field.inputValue()) === id, `the field holds ${await field.inputValue()}`));
  await eventually(async () => assert((await page.evaluate(() => document.activeElement?.id)) === 'f-network-vnet_rules-0-subnet_id', 'the focus is on the fixed field'));
});

test('a region typed as people write it gets a one-click fix to its programmatic name', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'target');
  const field = page.locator('#f-target-region');
  await field.fill('West Europe');
  await field.press('Tab');
  await msg(page, 'target-region').locator('button.fix', { hasText: 'Use westeurope' }).click();
  await eventually(async () => assert((await field.inputValue()) === 'westeurope', `the field holds ${await field.inputValue()}`));
  await eventually(async () => assert((await page.evaluate(() => document.activeElement?.id)) === 'f-target-region', 'the focus is on the fixed field'));
});
