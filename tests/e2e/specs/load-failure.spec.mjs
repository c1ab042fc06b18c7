// When the wizard cannot start, the page says what went wrong and what to do instead of
// "Loading the wizard…" forever: its WebAssembly does not load, or nothing has started after
// 30 seconds; with JavaScript off, a styled notice takes the loading line's place.
import { test, assert, assertIncludes, axeCheck, shot } from '../support/app.mjs';

const loadingLine = (page) => page.locator('#loading');

test.describe('the WebAssembly does not load', () => {
  // Chromium reports the refused request in the console; that is the point of the test.
  test.use({ allowConsole: [/Failed to load resource/] });

  for (const [name, address] of [['wizard', '/'], ['apply page', '/apply/']]) {
    test(`the ${name} says what went wrong and what to do`, async ({ page }) => {
      await page.route('**/*.wasm', (route) => route.abort('failed'));
      await page.goto(address, { waitUntil: 'load' });
      const line = loadingLine(page);
      await page.locator('#loading.load-failed').waitFor({ state: 'visible', timeout: 15_000 });
      const text = await line.textContent();
      assertIncludes(text, 'could not start', 'the message says what went wrong');
      assertIncludes(text, 'reload the page', 'and what to do');
      assert((await line.getAttribute('role')) === 'alert', 'it is announced');
      assert((await page.locator('main[aria-busy="true"]').count()) === 0, 'the page is no longer busy');
      const look = await line.evaluate((el) => { const s = getComputedStyle(el); return { color: s.color, border: s.borderTopStyle }; });
      assert(look.border === 'solid', `the message is styled as an error: ${JSON.stringify(look)}`);
      await page.screenshot({ path: shot(`load-failed-${name.replace(' ', '-')}.png`), fullPage: true });
      await axeCheck(page, `load failed (${name})`);
    });
  }

  test('the wizard says so when nothing has started after 30 seconds', async ({ page }) => {
    await page.clock.install();
    // The WebAssembly never arrives.
    await page.route('**/*.wasm', () => {});
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await page.clock.runFor(29_000);
    assert((await loadingLine(page).textContent()).includes('Loading the wizard'), 'still loading before 30 s');
    await page.clock.runFor(2_000);
    await page.locator('#loading.load-failed').waitFor({ state: 'visible' });
    assertIncludes(await loadingLine(page).textContent(), 'has not started after 30 seconds', 'the message');
  });
});

test.describe('JavaScript is off', () => {
  test.use({ javaScriptEnabled: false });

  for (const [name, address] of [['wizard', '/'], ['apply page', '/apply/']]) {
    test(`the ${name} shows a styled notice in place of the loading line`, async ({ page }) => {
      await page.goto(address, { waitUntil: 'load' });
      const notice = page.locator('p.noscript');
      await notice.waitFor({ state: 'visible' });
      assertIncludes(await notice.textContent(), 'JavaScript is off', 'the notice');
      assert(!(await loadingLine(page).isVisible()), '"Loading the wizard…" is not shown');
      const look = await notice.evaluate((el) => { const s = getComputedStyle(el); return { border: s.borderTopStyle, weight: s.fontWeight, bg: s.backgroundColor }; });
      assert(look.border === 'solid' && Number(look.weight) >= 600 && look.bg !== 'rgba(0, 0, 0, 0)', `the notice is styled by the stylesheet: ${JSON.stringify(look)}`);
      await page.screenshot({ path: shot(`noscript-${name.replace(' ', '-')}.png`), fullPage: true });
    });
  }
});
