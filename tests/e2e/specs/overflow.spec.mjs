// No message widens the page: long invalid resource IDs and names (quoted back in their
// messages, the problems list and the review) wrap inside their boxes at a phone's width and at
// a laptop's, on every step and on both sides of a phone's switch.
import { test, SUB, assert, goStep, gotoApp, msg, setField, shot } from '../support/app.mjs';

const STEPS = ['target', 'custom_domain', 'network', 'private_endpoints', 'storage', 'review'];
const LONG = 'x'.repeat(260);
const longId = (kind, name) =>
  `/subscriptions/${SUB}/resourceGroups/rg-${'network'.repeat(12)}/providers/${kind}/${name}${'-part'.repeat(40)}`;

async function widths(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

async function expectNoSidewaysScroll(page, where) {
  const { scroll, inner } = await widths(page);
  if (scroll > inner) {
    // Name the widest elements, to say what overflows.
    const wide = await page.evaluate((limit) => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right + window.scrollX > limit + 1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
      .slice(-8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`), inner);
    throw new Error(`${where}: the page is ${scroll} px wide at ${inner} px: ${wide.join(', ')}`);
  }
}

for (const [width, height] of [[390, 844], [1366, 768]]) {
  test(`no message widens the page at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await gotoApp(page);
    await goStep(page, 'target');
    await setField(page, 'f-target-subscription_id', LONG);
    await setField(page, 'f-target-resource_group', `rg-${LONG}`);
    await setField(page, 'f-target-name', `name-${LONG}`);
    await goStep(page, 'custom_domain');
    await setField(page, 'f-custom_domain-subdomain', `sub-${LONG}`);
    await goStep(page, 'network');
    await page.locator('#f-network-enabled').check();
    await page.locator('#vnet-add').click();
    await setField(page, 'f-network-vnet_rules-0-subnet_id', longId('Microsoft.Network/virtualNetworks/vnet-apps/subnetz', 'snet'));
    await goStep(page, 'private_endpoints');
    await page.locator('#pe-add').click();
    await setField(page, 'f-private_endpoints-endpoints-0-subnet_id', longId('Microsoft.Network/virtualNetworks/vnet-apps/subnetz', 'snet-pe'));
    await page.locator('#pe-remove-add').click();
    await setField(page, 'f-private_endpoints-removals-0-endpoint_id', longId('Microsoft.Network/privateEndpoint', 'pe-old'));
    await goStep(page, 'storage');
    await page.locator('#f-storage-enabled').check();
    await setField(page, 'f-storage-storage_account_id', longId('Microsoft.Storage/storageAccount', 'st'));
    // The messages are there (the test is about them).
    await goStep(page, 'private_endpoints');
    assert((await msg(page, 'private_endpoints-endpoints-0-subnet_id').textContent()).length > 40, 'the endpoint subnet has its message');
    // The wizard, then the apply page with the same saved configuration (and its panel).
    for (const [pageName, address] of [['wizard', null], ['apply page', 'apply/']]) {
      if (address) await gotoApp(page, address);
      for (const step of STEPS) {
        await goStep(page, step);
        await expectNoSidewaysScroll(page, `${pageName}, ${step} step`);
        if (width < 900) {
          await page.locator('#show-output').click();
          await expectNoSidewaysScroll(page, `${pageName}, ${step} step, script side`);
          await page.locator('.panel-switch button').first().click();
        }
      }
      await goStep(page, 'private_endpoints');
      await page.screenshot({ path: shot(`long-messages-${address ? 'apply-' : ''}${width}.png`), fullPage: true });
      await goStep(page, 'review');
      await page.screenshot({ path: shot(`long-messages-review-${address ? 'apply-' : ''}${width}.png`), fullPage: true });
    }
  });
}
