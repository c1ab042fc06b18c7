// On a phone: form and script switchable, tabs in one row, the IP list editable as text.
import { test, assert, assertMatch, eventually, goStep, gotoApp, shot } from '../support/app.mjs';

test('phone: form and script switch, tabs fit, IP rules as text with per-line messages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoApp(page);
  assert(await page.locator('#output-code').isHidden(), 'the script is stacked under the form on a phone');
  await page.locator('#show-output').click();
  await page.locator('#output-code').waitFor({ state: 'visible' });
  const box = await page.locator('#output-code').boundingBox();
  assert(box.y < 700, `the script starts ${box.y}px down the page`);
  const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert(new Set(tabs.map(Math.round)).size === 1, `the tabs wrap onto several rows: ${tabs}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: shot('phone-script.png') });

  await page.locator('.panel-switch button', { hasText: 'Form' }).click();
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-as-text').check();
  await page.locator('#ip-text').fill('20.31.7.0/24\n10.0.0.1\n52.14.2.7');
  await page.locator('#ip-text').press('Tab');
  await eventually(async () => {
    const messages = await page.locator('#ip-text-messages').textContent();
    assertMatch(messages, /Line 2: .*private/i, 'per-line messages');
    assert(!/Line 1:/.test(messages), `line 1 (a good address) has a message: ${messages}`);
  });
  await page.locator('#ip-as-text').uncheck();
  assert((await page.locator('#f-network-ip_rules-2').inputValue()) === '52.14.2.7', 'the text did not become three rules');
  await page.screenshot({ path: shot('phone-ip-text.png'), fullPage: true });
});
