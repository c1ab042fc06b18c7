// Tags for what the wizard creates: typed on the Target step, checked line by line, written
// into every output's creating commands, and kept over a reload.
import {
  test, assert, assertIncludes, axeCheck, eventually, expectOutput, expectValidOutput, fillValidTarget,
  goStep, gotoApp, outputText, selectTab, shot,
} from '../support/app.mjs';

test('tags: line messages at the field, then every output tags what it creates, and a reload keeps them', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-tagged');
  const tags = page.locator('#f-target-tags');
  const lineMessages = page.locator('#f-target-tags-messages');

  // An existing account and no endpoint: nothing is created, and the page says so.
  await tags.fill('CostCenter=4711');
  await tags.press('Tab');
  await eventually(async () => assertIncludes(await page.locator('#m-target-tags').textContent(), 'this plan creates none', 'nothing to tag'));

  // Mistakes, each named at its line.
  await tags.fill('CostCenter=4711\nOwner\ncostcenter=1\nteam=say "hi"');
  await tags.press('Tab');
  await eventually(async () => {
    const text = await lineMessages.textContent();
    assertIncludes(text, 'Line 2: Write a tag as name=value', 'no =');
    assertIncludes(text, 'Line 3: A tag named CostCenter is already on line 1', 'duplicate without case');
    assertIncludes(text, 'Line 4: Tags cannot contain double quotes', 'quotes');
  });
  assertIncludes(await page.locator('#diagnostics').textContent(), 'Target · Tag 2', 'the problems list names the line');
  // Its link goes to the box the line is in.
  await page.locator('#diagnostics a', { hasText: 'Target · Tag 2' }).click();
  await eventually(async () => assert(await page.evaluate(() => document.activeElement?.id) === 'f-target-tags', 'the tags box has the focus'));
  await page.screenshot({ path: shot('tags-messages.png'), fullPage: true });
  await axeCheck(page, 'tags with messages');

  // Fixed, and the account is to be created: every output tags it.
  await tags.fill('CostCenter=4711\nOwner=AI platform team');
  await page.locator('#f-target-existence').selectOption('create');
  await expectValidOutput(page);
  await selectTab(page, 'tab-az-bash');
  await expectOutput(page, [
    "TAG_OPTIONS=(--tags 'CostCenter=4711' 'Owner=AI platform team')",
    '--sku "$SKU" --custom-domain "$CUSTOM_SUBDOMAIN" ${TAG_OPTIONS[@]+"${TAG_OPTIONS[@]}"} --yes',
  ], 'bash');
  await selectTab(page, 'tab-az-powershell');
  await expectOutput(page, ["$TagOptions = @('--tags', 'CostCenter=4711', 'Owner=AI platform team')", "'--output', 'none') + $TagOptions"], 'az in PowerShell');
  await selectTab(page, 'tab-powershell');
  await expectOutput(page, ["$Tags = @{ 'CostCenter' = '4711'; 'Owner' = 'AI platform team' }", 'Tag = $Tags'], 'Az module');
  await selectTab(page, 'tab-rest');
  await eventually(async () => {
    // The comment is wrapped: read it as one line.
    const rest = (await outputText(page)).replace(/\n# /g, ' ');
    assertIncludes(rest, 'replace the text of its "tags" line, quotes included, with {"CostCenter":"4711","Owner":"AI platform team"}', 'the create edit names the tags');
    assert(!rest.includes('"CostCenter": "4711"'), 'no real tags in a guarded create body (ARM would take it unedited)');
  });

  // A reload keeps them.
  await eventually(async () => assert((await page.evaluate(() => localStorage.getItem('ai-network-wizard.config') ?? '')).includes('Owner=AI platform team'), 'saved'));
  await page.reload({ waitUntil: 'load' });
  await goStep(page, 'target');
  await eventually(async () => assert((await tags.inputValue()) === 'CostCenter=4711\nOwner=AI platform team', `after a reload: ${await tags.inputValue()}`));
});
