// The code view: highlighting, line numbers, wrap, changed lines marked, truthful copy, notices
// that clear, and all outputs in one download.
import { readFile } from 'node:fs/promises';
import {
  test, assert, assertMatch, eventually, expectValidOutput, fillValidTarget, gotoApp, outputText, selectTab, setField, shot,
} from '../support/app.mjs';

test('highlighted, numbered, wrappable, and an edit marks the lines it changed', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);
  const code = page.locator('#output-code');
  const text = await outputText(page);
  assert((await code.locator('.l').count()) === text.split('\n').length, 'not one line element per line');
  for (const [cls, what] of [['c', 'comments'], ['v', 'variables'], ['s', 'strings'], ['n', 'cmdlets']]) {
    assert((await code.locator(`.${cls}`).count()) > 0, `no ${what} highlighted in the PowerShell tab`);
  }
  // Line numbers are generated content (from the line's data-n): never part of the copied text.
  const number = await code.locator('.l').nth(9).evaluate((el) => getComputedStyle(el, '::before').content);
  assert(number === '"10"', `the tenth line does not show the number 10: ${number}`);
  assert(!/^\s*1\s/.test(text), 'line numbers leaked into the text');

  const before = await code.evaluate((el) => el.scrollWidth > el.clientWidth);
  assert(before, 'the long lines do not overflow without wrapping (nothing to test)');
  await page.locator('#wrap-lines').check();
  await eventually(async () => assert(!(await code.evaluate((el) => el.scrollWidth > el.clientWidth)), 'wrap did not remove sideways scrolling'));

  await setField(page, 'f-target-resource_group', 'rg-speech-test');
  await eventually(async () => {
    const changed = await code.locator('.l.chg').allTextContents();
    assert(changed.length > 0, 'no line marked after an edit');
    // The edited value, and the header's reopen link (it carries the whole configuration).
    assert(changed.every((l) => l.includes('rg-speech-test') || l.includes('#v2=')), `marked lines without the edit: ${changed.join(' | ')}`);
    assert(changed.some((l) => l.includes("$ResourceGroup = 'rg-speech-test'")), 'the edited variable line is not marked');
  });
  await page.screenshot({ path: shot('output-changed.png') });
  await selectTab(page, 'tab-rest');
  assert((await code.locator('.l.chg').count()) === 0, 'switching tabs marks lines as changed');
  assert((await code.locator('.k', { hasText: 'GET' }).count()) > 0, 'REST methods not highlighted');
});

test('copy reports a refusal truthfully, notices clear, download all gives the four scripts', async ({ page, context }) => {
  await context.clearPermissions();
  await gotoApp(page);
  await fillValidTarget(page);
  await expectValidOutput(page);
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.locator('#copy-output').click();
  const notice = page.locator('.output-side .notice');
  await eventually(async () => assertMatch(await notice.textContent(), /Copying failed/, 'notice after a refused copy'));
  await eventually(async () => assert((await notice.textContent()).trim() === '', 'the notice did not clear'), { timeout: 12_000 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-all').click()]);
  assert(download.suggestedFilename().endsWith('.zip'), `download all gave ${download.suggestedFilename()}`);
  const zip = await readFile(await download.path());
  assert(zip.subarray(0, 4).toString('hex') === '504b0304', 'not a zip file');
  const names = zip.toString('latin1');
  for (const name of ['isolate-azure-ai.ps1', 'isolate-azure-ai.sh', 'isolate-azure-ai-cli.ps1', 'isolate-azure-ai.http', 'check-from-inside.sh', 'check-from-inside.ps1']) {
    assert(names.includes(name), `the zip lacks ${name}`);
  }
  // The configuration rides along, as the Review step's download writes it.
  assert(/ai-network-wizard(-[A-Za-z0-9._-]+)?\.json/.test(names) && names.includes('"format": "ai-network-wizard"'), 'the zip does not hold the configuration file');
  await selectTab(page, 'tab-az-bash');
  const bash = await outputText(page);
  assert(names.includes(bash.slice(0, 200)), 'the zip does not hold the bash script as shown');

  // The check to run from inside the network, for the tab's shell.
  const [check] = await Promise.all([page.waitForEvent('download'), page.locator('#download-check').click()]);
  assert(check.suggestedFilename() === 'check-from-inside.sh', `the bash tab's check: ${check.suggestedFilename()}`);
  const checkText = await readFile(await check.path(), 'utf8');
  assert(checkText.startsWith('#!/usr/bin/env bash') && checkText.includes("check_host 'contoso-speech.cognitiveservices.azure.com' no"), checkText.slice(0, 600));
  await selectTab(page, 'tab-powershell');
  const [ps1] = await Promise.all([page.waitForEvent('download'), page.locator('#download-check').click()]);
  assert(ps1.suggestedFilename() === 'check-from-inside.ps1', `the PowerShell tab's check: ${ps1.suggestedFilename()}`);
  assert((await readFile(await ps1.path(), 'utf8')).includes("Test-InsideHost -HostName 'contoso-speech.cognitiveservices.azure.com' -ExpectPrivate $false"), 'the PowerShell check');
});
