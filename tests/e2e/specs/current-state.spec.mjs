import {
  test, SUB, assert, assertMatch, eventually, expectOutput, fillValidTarget, goStep, gotoApp, outputText, selectTab, shot,
} from '../support/app.mjs';

test('review step: pasting the current settings makes the REST requests exact', async ({ page }) => {
  await gotoApp(page);
  await fillValidTarget(page);
  // The network step is off in a new draft; with it on, the rule requests need the current state.
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await page.locator('#ip-paste').fill('203.0.113.0/24');
  await page.locator('#ip-paste-add').click();
  await selectTab(page, 'tab-rest');
  await expectOutput(page, ['EDIT BEFORE SENDING', 'Import the current settings for exact requests'], 'REST tab before the paste');

  await goStep(page, 'review');
  const show = {
    id: `/subscriptions/${SUB}/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech`,
    type: 'Microsoft.CognitiveServices/accounts',
    properties: {
      provisioningState: 'Succeeded',
      networkAcls: { defaultAction: 'Allow', ipRules: [{ value: '192.0.2.10' }], virtualNetworkRules: [] },
    },
  };
  await page.locator('#f-current_state').fill(JSON.stringify(show, null, 2));
  await page.locator('#current-state-use').click();
  await expectOutput(page, ['Current state: computed from', '"value": "192.0.2.10"'], 'REST tab after the paste');
  await eventually(async () => assert(!(await outputText(page)).includes('<EDIT: '), 'an edit mark is left after the paste'));

  // Something that is not an account's JSON is named, and the snapshot is kept.
  await page.locator('#f-current_state').fill('{"name": "x"}');
  await page.locator('#current-state-use').click();
  await eventually(async () =>
    assertMatch(await page.locator('#step-review').textContent(), /not an account's JSON/, 'message for a wrong paste'),
  );
  await expectOutput(page, ['Current state: computed from'], 'REST tab after a wrong paste');
  await page.screenshot({ path: shot('review-current-settings.png'), fullPage: true });

  await page.locator('#current-state-forget').click();
  await expectOutput(page, ['EDIT BEFORE SENDING'], 'REST tab after forgetting');
});
