import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, assert, axeCheck, eventually, fillValidTarget, focusedId, goStep, gotoApp, shot, sleep,
} from '../support/app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const SUBNET = '/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe';

test('undo and redo: a removed endpoint comes back whole from the keyboard and the buttons', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'private_endpoints');
  await page.locator('#pe-add').click();
  await page.locator('#pe-add').click();
  const first = (part) => page.locator(`#f-private_endpoints-endpoints-0-${part}`);
  await first('subnet_id').fill(SUBNET);
  await first('name').fill('pe-speech-hub');
  await first('location').fill('westeurope');
  await page.locator('#f-private_endpoints-endpoints-1-name').fill('pe-second');
  const names = () => page.evaluate(() => [...document.querySelectorAll('input[id$="-name"][id^="f-private_endpoints-endpoints-"]')].map((e) => e.value));

  await page.getByRole('button', { name: 'Remove endpoint 1' }).click();
  await eventually(async () => assert(JSON.stringify(await names()) === '["pe-second"]', `after the removal: ${await names()}`));
  // The focus went into the row that took its place: a form field, where Ctrl+Z undoes the form.
  assert((await focusedId(page)).startsWith('f-private_endpoints-endpoints-0'), `focus on ${await focusedId(page)}`);

  await page.keyboard.press('Control+z');
  await eventually(async () => assert(JSON.stringify(await names()) === '["pe-speech-hub","pe-second"]', `after Ctrl+Z: ${await names()}`));
  assert((await first('subnet_id').inputValue()) === SUBNET, 'the subnet came back');
  assert((await first('location').inputValue()) === 'westeurope', 'the region came back');

  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => assert(JSON.stringify(await names()) === '["pe-second"]', `after Ctrl+Shift+Z: ${await names()}`));

  await page.locator('#undo').click();
  await eventually(async () => assert(JSON.stringify(await names()) === '["pe-speech-hub","pe-second"]', `after the Undo button: ${await names()}`));
  await page.screenshot({ path: shot('undo.png'), fullPage: true });
  await axeCheck(page, 'undo bar');

  // Undo as far as it goes: the two added endpoints, then nothing more to undo.
  for (let i = 0; i < 12 && (await page.locator('#undo').getAttribute('aria-disabled')) !== 'true'; i += 1) {
    await page.locator('#undo').click();
  }
  await eventually(async () => assert((await names()).length === 0, `everything undone: ${await names()}`));
  assert((await page.locator('#undo').getAttribute('aria-disabled')) === 'true', 'Undo says it has nothing left');

  // A new edit after an undo drops what could be redone.
  await page.locator('#redo').click();
  await eventually(async () => assert((await names()).length > 0, 'redo brought an endpoint back'));
  await sleep(400);
  await page.locator('#pe-add').click();
  await sleep(400);
  await eventually(async () => assert((await page.locator('#redo').getAttribute('aria-disabled')) === 'true', 'nothing to redo after a new edit'));
});

test('a text box outside the form keeps the browser\'s own undo', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  await sleep(400);
  await page.locator('#ip-paste').fill('203.0.113.7');
  await page.locator('#ip-paste').press('Control+z');
  await sleep(400);
  assert(await page.locator('#f-network-enabled').isChecked(), 'Ctrl+Z in the paste box did not undo the form');
});

test('typed at once after "Add an address": no character is lost', async ({ page }) => {
  await gotoApp(page);
  await goStep(page, 'network');
  await page.locator('#f-network-enabled').check();
  // A text expander types as soon as the button is pressed: the keys are sent together, so
  // they arrive before the next frame.
  await page.locator('#ip-add').focus();
  await Promise.all([page.keyboard.press('Enter'), page.keyboard.type('203.0.113.7')]);
  await eventually(async () => assert((await page.locator('#f-network-ip_rules-0').inputValue()) === '203.0.113.7',
    `the new row holds ${JSON.stringify(await page.locator('#f-network-ip_rules-0').inputValue())}`));
  // The same for a paste.
  await page.locator('#ip-add').focus();
  await Promise.all([page.keyboard.press('Enter'), page.keyboard.insertText('198.51.100.0/24')]);
  await eventually(async () => assert((await page.locator('#f-network-ip_rules-1').inputValue()) === '198.51.100.0/24',
    `the second row holds ${JSON.stringify(await page.locator('#f-network-ip_rules-1').inputValue())}`));
});

test('undo of a load: a show output loaded over the form is taken back whole, and Redo loads it again', async ({ page }) => {
  const show = await readFile(path.join(repoRoot, 'tests/fixtures/import/az-account-show-openai.json'), 'utf8');
  await gotoApp(page);
  await fillValidTarget(page, 'contoso-mine');
  await goStep(page, 'review');
  await page.locator('#config-import').fill(show);
  await page.locator('#config-import-load').click();
  const name = () => page.locator('#f-target-name').inputValue();
  await goStep(page, 'target');
  await eventually(async () => assert((await name()) !== 'contoso-mine', `the load did not replace the form: ${await name()}`));
  const imported = await name();
  await page.locator('#undo').click();
  await eventually(async () => assert((await name()) === 'contoso-mine', `after Undo: ${await name()}`));
  assert((await page.locator('#f-target-subscription_id').inputValue()).length === 36, 'the subscription came back with the name');
  await page.locator('#redo').click();
  await eventually(async () => assert((await name()) === imported, `after Redo: ${await name()}`));
});
