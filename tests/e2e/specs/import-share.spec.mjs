import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import {
  test, assert, assertIncludes, axeCheck, clip, eventually, expectOutput, expectValidOutput, fillValidTarget, goStep, gotoApp, ipRowIndex,
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

test('a share link asks before it replaces a different saved configuration: Keep mine, or Open', async ({ page, context, baseURL }) => {
  const name = () => page.locator('#f-target-name').inputValue();
  const saved = () => page.evaluate(() => localStorage.getItem('ai-network-wizard.config') ?? '');
  const open = async (link) => {
    await page.goto('about:blank');
    await page.goto(link, { waitUntil: 'load' });
    await waitForApp(page);
  };
  // The link's configuration.
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-link');
  await goStep(page, 'review');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.locator('#copy-share-link').click();
  const link = await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('#v2=') && text !== '', `clipboard holds ${JSON.stringify(clip(text))}`);
    return text;
  });
  // The person's own configuration, then the link is opened: it asks, and nothing is replaced.
  await fillValidTarget(page, 'contoso-mine');
  await eventually(async () => assert((await saved()).includes('contoso-mine'), 'the own configuration is saved'));
  await open(link);
  await page.locator('#link-choice').waitFor({ state: 'visible' });
  assertIncludes(await page.locator('#link-choice').textContent(), 'differs from the one saved in this browser', 'the question');
  await goStep(page, 'target');
  assert((await name()) === 'contoso-mine', 'nothing is replaced before the choice');
  await page.screenshot({ path: shot('link-choice.png'), fullPage: true });
  await axeCheck(page, 'share link choice');

  // Keep mine: the link is dropped, the own configuration stays (also after a reload).
  await page.locator('#link-keep').click();
  await page.locator('#link-choice').waitFor({ state: 'detached' });
  assert(!page.url().includes('#v2='), `the link's fragment is gone: ${page.url()}`);
  assert((await name()) === 'contoso-mine', 'kept mine');
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await goStep(page, 'target');
  assert((await name()) === 'contoso-mine' && (await page.locator('#link-choice').count()) === 0, 'kept mine after a reload, not asked again');

  // Open the link's configuration: it replaces mine, and is saved.
  await open(link);
  await page.locator('#link-open').click();
  await page.locator('#link-choice').waitFor({ state: 'detached' });
  assert(!page.url().includes('#v2='), `the link's fragment is gone: ${page.url()}`);
  await goStep(page, 'target');
  assert((await name()) === 'contoso-link', 'the link\'s configuration is open');
  // Undo brings mine back, Redo the link's again.
  await page.locator('#undo').click();
  await eventually(async () => assert((await name()) === 'contoso-mine', `after Undo: ${await name()}`));
  await page.locator('#redo').click();
  await eventually(async () => assert((await name()) === 'contoso-link', `after Redo: ${await name()}`));
  await eventually(async () => assert((await saved()).includes('contoso-link'), 'and saved'));
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  await goStep(page, 'target');
  assert((await name()) === 'contoso-link' && (await page.locator('#link-choice').count()) === 0, 'after a reload: the link\'s, not asked again');

  // The same configuration as the saved one opens without asking.
  await fillValidTarget(page, 'contoso-link');
  await eventually(async () => assert((await saved()).includes('contoso-link'), 'saved'));
  await open(link);
  await goStep(page, 'target');
  assert((await page.locator('#link-choice').count()) === 0 && (await name()) === 'contoso-link', 'the same configuration opens without a question');
});

test('links written elsewhere open in the page (the browser unpacks them); a damaged one says so and keeps the form', async ({ page, baseURL }) => {
  // v2-link.txt was written by the crate's own compressor of the time, v2-browser-link.txt by
  // Chromium's CompressionStream; wizard-cli writes with miniz_oxide at level 9 (the native
  // tests read all three). The page must read every writer's zlib.
  const name = () => page.locator('#f-target-name').inputValue();
  const link = (await readFile(path.join(repoRoot, 'tests/fixtures/links/v2-link.txt'), 'utf8')).trim();
  const browserLink = (await readFile(path.join(repoRoot, 'tests/fixtures/links/v2-browser-link.txt'), 'utf8')).trim();
  await gotoApp(page);
  // Opened from the address bar (its fragment, on this page's address).
  await page.goto('about:blank');
  await page.goto(`${baseURL}#${link.split('#')[1]}`, { waitUntil: 'load' });
  await waitForApp(page);
  await goStep(page, 'target');
  await eventually(async () => assert((await name()) === 'contoso-openai', `opened from the address: ${await name()}`));
  assert(!page.url().includes('#v2='), `the link's fragment is gone: ${page.url()}`);
  // Pasted into the load box.
  await goStep(page, 'review');
  await page.locator('#config-import').fill(browserLink);
  await page.locator('#config-import-load').click();
  await eventually(async () => assertIncludes(await page.locator('#config-import-message').textContent(), 'Configuration loaded.', 'load message'));
  await goStep(page, 'target');
  await eventually(async () => assert((await name()) === 'contoso-speech', `pasted: ${await name()}`));
  // Damaged: one character changed in the middle; the browser's checksum refuses it.
  const fragment = link.split('#v2=')[1];
  const at = Math.floor(fragment.length / 2);
  const damaged = `#v2=${fragment.slice(0, at)}${fragment[at] === 'A' ? 'B' : 'A'}${fragment.slice(at + 1)}`;
  await goStep(page, 'review');
  await page.locator('#config-import').fill(damaged);
  await page.locator('#config-import-load').click();
  await eventually(async () => assertIncludes(await page.locator('#config-import-message').textContent(), 'This share link is damaged', 'damaged message'));
  await goStep(page, 'target');
  assert((await name()) === 'contoso-speech', `a damaged link changes nothing: ${await name()}`);
  // A zip bomb in miniature: 1.1 MB of '{' in 1 kB; the page stops unpacking at 1 MiB.
  const bomb = deflateSync(Buffer.alloc(1_100_000, '{'), { level: 9 }).toString('base64url');
  await goStep(page, 'review');
  await page.locator('#config-import').fill(`#v2=${bomb}`);
  await page.locator('#config-import-load').click();
  await eventually(async () => assertIncludes(await page.locator('#config-import-message').textContent(), 'it unpacks to more than a configuration can hold', 'bomb message'));
  await goStep(page, 'target');
  assert((await name()) === 'contoso-speech', `the bomb changes nothing: ${await name()}`);
});

test('the configuration file is named after the resource', async ({ page }) => {
  const download = async () => {
    await goStep(page, 'review');
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#download-config').click()]);
    return file;
  };
  await gotoApp(page);
  assert((await download()).suggestedFilename() === 'ai-network-wizard.json', 'no name yet: the wizard\'s');
  await fillValidTarget(page, 'contoso-speech');
  const file = await download();
  assert(file.suggestedFilename() === 'ai-network-wizard-contoso-speech.json', `download gave ${file.suggestedFilename()}`);
  assertIncludes(await readFile(await file.path(), 'utf8'), '"name": "contoso-speech"', 'the file');
});
