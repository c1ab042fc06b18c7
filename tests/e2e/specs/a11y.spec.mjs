// axe-core on every step, light and dark, desktop and phone width: no violation of any impact,
// AAA contrast included. The form is filled so that every kind of element is on screen.
import { test, axeStrict, fillValidTarget, goStep, gotoApp, expectValidOutput, settle, shot } from '../support/app.mjs';

const STEPS = ['target', 'custom_domain', 'network', 'private_endpoints', 'storage', 'review'];

for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`axe: every step, light and dark, ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await gotoApp(page);
    if (device === 'phone') await page.locator('.panel-switch button', { hasText: 'Form' }).click();
    await fillValidTarget(page);
    await goStep(page, 'network');
    await page.locator('#f-network-enabled').check();
    await page.locator('#ip-paste').fill('203.0.113.0/24 10.0.0.1');
    await page.locator('#ip-paste-add').click();
    for (const step of STEPS) {
      await goStep(page, step);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        await axeStrict(page, `${step}, ${scheme}, ${device}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: shot(`a11y-${device}-review.png`), fullPage: true });
    if (device === 'phone') {
      await page.locator('#show-output').click();
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await axeStrict(page, `script panel, ${scheme}, phone`);
      }
      await page.screenshot({ path: shot('a11y-phone-script.png'), fullPage: true });
    }
  });
}

test('axe: the first visit, before anything is typed', async ({ page }) => {
  await gotoApp(page);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeStrict(page, `first visit, ${scheme}`);
  }
  await fillValidTarget(page);
  await expectValidOutput(page);
});
