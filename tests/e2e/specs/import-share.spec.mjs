import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, assert, assertIncludes, clip, eventually, expectOutput, expectValidOutput, goStep, gotoApp, ipRowIndex,
  outputText, selectTab, shot, waitForApp,
} from '../support/app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('import a show output, remove a rule, copy the link: a fresh browser profile opens the same form and outputs', async ({ page, context, baseURL }) => {
  const show = await readFile(path.join(repoRoot, 'tests/fixtures/import/az-account-show-openai.json'), 'utf8');
  await gotoApp(page);
  await goStep(page, 'review');
  await page.locator('#config-import').fill(show);
  await page.locator('#config-import-load').click();
  await eventually(async () =>
    assertIncludes(await page.locator('#config-import-message').textContent(), 'Imported from az cognitiveservices account show', 'import message'));

  // The form describes the account; the person removes one IP rule and makes the list exact.
  await goStep(page, 'network');
  const idx = await ipRowIndex(page, '198.51.100.0/26');
  await page.locator(`button[aria-label="Remove IP rule ${idx + 1}"]`).click();
  await page.locator('#f-network-ip_rules_exact').check();
  await selectTab(page, 'tab-az-bash');
  await expectValidOutput(page);
  await expectOutput(page, ['wanted_ip_rules=\'[{"value":"192.0.2.10"}]\'', 'removes IP rule'], 'bash tab after the removal');
  const outputs = {};
  for (const tab of ['tab-az-bash', 'tab-rest']) {
    await selectTab(page, tab);
    outputs[tab] = await outputText(page);
  }

  await goStep(page, 'review');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.locator('#copy-share-link').click();
  const link = await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('#v2='), `clipboard holds ${JSON.stringify(clip(text))}`);
    return text;
  });
  // The scripts' headers carry the same link (made once typing paused).
  for (const tab of Object.keys(outputs)) assertIncludes(outputs[tab], link, `${tab} header's reopen link`);

  // A fresh profile: no local storage, nothing but the link.
  const fresh = await context.browser().newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const other = await fresh.newPage();
    await other.goto(link, { waitUntil: 'load' });
    await waitForApp(other);
    await goStep(other, 'network');
    await eventually(async () => {
      const ips = await other.evaluate(() => [...document.querySelectorAll('input[id^="f-network-ip_rules-"]')]
        .filter((el) => /^f-network-ip_rules-\d+$/.test(el.id)).map((el) => el.value));
      assert(JSON.stringify(ips) === JSON.stringify(['192.0.2.10']), `IP rules in the fresh profile: ${JSON.stringify(ips)}`);
      assert(await other.locator('#f-network-ip_rules_exact').isChecked(), 'the exact-list box is not ticked');
    });
    for (const tab of ['tab-az-bash', 'tab-rest']) {
      await selectTab(other, tab);
      await eventually(async () => {
        const text = await outputText(other);
        assert(text === outputs[tab], `${tab} differs in the fresh profile`);
      });
    }
    await other.screenshot({ path: shot('share-link-fresh-profile.png'), fullPage: true });
  } finally {
    await fresh.close();
  }
});
