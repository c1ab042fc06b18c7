import { test, assert, axeStrict, gotoApp, settle, shot } from '../support/app.mjs';

test('loads with no console errors, has a title, passes axe in light and dark, screenshots', async ({ page }) => {
  await gotoApp(page);
  await page.locator('section#step-target').waitFor({ state: 'visible' });
  const title = (await page.title()).trim();
  assert(title.length > 0, 'document title is empty');

  await page.emulateMedia({ colorScheme: 'light' });
  await axeStrict(page, 'light');
  await page.screenshot({ path: shot('target-light.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await axeStrict(page, 'dark');
  await page.screenshot({ path: shot('target-dark.png') });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await page.screenshot({ path: shot('target-narrow.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `at 390px wide the page scrolls sideways by ${overflow}px`);
});

// The first paint (index.html, before the wasm) holds the Target step's introduction word for
// word, so the app's copy of it is no larger paint (Lighthouse's LCP stays the first paint); the
// app then replaces the first paint.
test('the first paint holds the Target step\'s introduction, and the app replaces it', async ({ page }) => {
  await gotoApp(page);
  await page.locator('section#step-target').waitFor({ state: 'visible' });
  const served = await (await page.request.get(page.url())).text();
  const match = served.match(/<p class=(?:"lead"|lead)>([^<]*)<\/p>/);
  assert(match, 'index.html as served has no introduction paragraph');
  const app = (await page.locator('section#step-target p.lead').textContent()).trim();
  assert(match[1].trim() === app, `first paint "${match[1]}" differs from the app's "${app}"`);
  assert(!(await page.locator('text=Loading the wizard').count()), 'the first paint is still there');
});
