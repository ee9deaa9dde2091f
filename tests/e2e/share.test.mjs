// End-to-end: embedding, downloads, import, print, the single file and offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, value, ready, until, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '', opts = {}) {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true, ...opts });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page };
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

for (const sandbox of ['', 'sandbox="allow-scripts"']) {
  test(`the embed view renders in an iframe ${sandbox || '(no sandbox)'} and reports its height`, async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const src = `${server.url}?embed=base_stations_5g#g.base_stations_5g=10&lang=en`;
    await page.setContent(`<!doctype html><body><script>
      window.heights = [];
      addEventListener('message', (e) => { if (e.data && e.data.type === 'plansim:height') window.heights.push(e.data.height); });
    </script><iframe id="f" ${sandbox} src="${src}" width="600" height="300" style="border:0"></iframe></body>`);
    await page.waitForFunction(() => window.heights.length > 0 && Math.max(...window.heights) > 300, null, { timeout: 30000 });
    const h = await page.evaluate(() => Math.max(...window.heights));
    assert.ok(h > 300 && h < 3000, `height ${h}`);
    const frame = page.frameLocator('#f');
    await frame.locator('[data-embed="base_stations_5g"]').waitFor();
    assert.equal(await frame.locator('[data-indicator="base_stations_5g"] [data-role="verdict"]').getAttribute('data-value'), 'miss');
    assert.equal(await frame.locator('header.top').count(), 0, 'no page chrome');
    const open = await frame.locator('.open-full a').getAttribute('href');
    assert.match(open, /#v=1&g\.base_stations_5g=10&lang=en$/);
    assert.doesNotMatch(open, /embed=/);
    await context.close();
  });
}

test('an embed of an unknown view says so and links to the full page', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}?embed=nope#g.gdp=6&lang=en`);
  await page.waitForSelector('[data-embed="nope"]');
  assert.match(await page.textContent('[data-embed="nope"] [role="alert"]'), /No target to embed: nope/);
  assert.match(await page.getAttribute('.open-full a', 'href'), /#v=1&g\.gdp=6&lang=en$/);
  await context.close();
});

test('chart PNG and SVG, and the CSV, download with the expected content', async () => {
  const { context, page } = await open('#g.base_stations_5g=10&lang=en');
  const png = await download(page, () => page.click('[data-indicator="base_stations_5g"] [data-export="png"]'));
  assert.equal(png.name, 'plansim-base_stations_5g.png');
  assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.body.readUInt32BE(16), 1440, 'twice 720 px wide');
  // issue 11: a title, the scenario and the verdict above the chart, the source and link under it.
  assert.ok(png.body.readUInt32BE(20) > 800);

  const svg = await download(page, () => page.click('[data-indicator="base_stations_5g"] [data-export="svg"]'));
  const text = svg.body.toString('utf8');
  assert.match(text, /^<svg/);
  assert.match(text, /10,000 stations/);
  assert.match(text, /Target 2025/);

  await page.click('details.share > summary');
  const csv = await download(page, () => page.click('[data-export="csv"]'));
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = csv.body.toString('utf8').split('\n');
  const g5 = rows.filter((r) => r.startsWith('base_stations_5g,'));
  assert.equal(g5.length, 6);
  assert.match(g5[5], /,2025,10\.15,2025,20,miss,/, "rounded to what the data support (10.1466...)");
  assert.ok(rows.some((r) => r.includes('5G基站数量')), 'Chinese names survive');
  await context.close();
});

test('JSON export and import round-trip; a malformed file changes nothing', async () => {
  const { context, page } = await open('#g.gdp=6.5&b.digital_trade=5000&h=2035&lang=en');
  await page.click('details.share > summary');
  const json = await download(page, () => page.click('[data-export="json"]'));
  const file = join(root, 'target', 'e2e-scenario.json');
  await (await import('node:fs/promises')).writeFile(file, json.body);
  assert.equal(JSON.parse(json.body).growth.gdp, 6.5);

  await page.click('header.top button:has-text("Reset all")');
  await page.waitForFunction(() => document.querySelector('#n-gdp').value === '7.0');
  await page.setInputFiles('#import-json', file);
  await page.waitForFunction(() => document.querySelector('#n-gdp').value === '6.5');
  assert.equal(await page.inputValue('#b-digital_trade'), '5000');
  assert.equal(await page.inputValue('#horizon'), '2035');

  const bad = join(root, 'target', 'e2e-bad.json');
  await (await import('node:fs/promises')).writeFile(bad, '{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"growth":{"gdp":"fast"}}');
  await page.setInputFiles('#import-json', bad);
  await page.waitForSelector('[data-role="notices"]');
  assert.match(await page.textContent('[data-role="notices"]'), /Not imported; nothing was changed/);
  assert.equal(await page.inputValue('#n-gdp'), '6.5');
  assert.equal(await page.inputValue('#horizon'), '2035');
  await context.close();
});

test('copy link, citation and embed snippet name the scenario', async () => {
  const { context, page } = await open('#g.gdp=6.5&lang=en');
  await page.click('details.share > summary');
  const link = await page.inputValue('#permalink');
  assert.equal(link, `${server.url}#v=1&g.gdp=6.5&lang=en`);
  const cite = await page.inputValue('#citation');
  assert.match(cite, /浙政办发〔2021〕35号/);
  assert.match(cite, /2021-06-16/);
  assert.ok(cite.includes(link));
  await page.selectOption('#embed-view', 'dc_racks');
  const snippet = await page.inputValue('#embed-snippet');
  assert.match(snippet, /^<iframe src="[^"]*\?embed=dc_racks#v=1&amp;g\.gdp=6\.5&amp;lang=en"/);
  await page.click('[data-copy="permalink"]');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent.length > 0);
  await context.close();
});

test('the print stylesheet turns the page into a handout', async () => {
  const { context, page } = await open('#lang=en');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.print-only table.handout'));
  assert.ok(!(await page.isVisible('.group')));
  assert.ok(!(await page.isVisible('header.top .controls')));
  const rows = await page.locator('table.handout tbody tr').count();
  assert.equal(rows, Number(await page.getAttribute('[data-role="summary"]', 'data-total')), 'every assessed target');
  assert.match(await page.textContent('.needs-print'), /^16 more targets have no baseline in the plan/);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one page');
  await context.close();
});

test('the page offers the single file for download', async () => {
  const { context, page } = await open('#lang=en');
  await page.click('details.share > summary');
  const file = await download(page, () => page.click('[data-export="offline"]'));
  assert.equal(file.name, 'plansim.html');
  const html = file.body.toString('utf8');
  assert.ok(file.body.length > 300000, `${file.body.length} bytes: the wasm is inside`);
  assert.match(html, /DecompressionStream\('gzip'\)/, 'the wasm is inside, gzipped');
  assert.doesNotMatch(html, /<link[^>]*\.(wasm|js|css)/, 'no separate file to load');
  await context.close();
});

test('the single file works from file:// with no server', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const url = pathToFileURL(join(root, 'dist-single', 'plansim.html')).href;
  await page.goto(`${url}#g.gdp=20&lang=en`);
  await ready(page);
  assert.equal(await until(page, 'de_share', 'verdict', 'miss'), 'miss');
  await page.fill('#n-de_value_added', '30');
  await page.locator('#n-de_value_added').blur();
  assert.equal(await until(page, 'de_share', 'verdict', 'hit'), 'hit');
  await context.close();
});

test('after one visit the page works with the network off', async () => {
  const { context, page } = await open('#lang=en');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || true);
  // The first load is not controlled yet; a reload is.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await context.setOffline(true);
  await page.goto(server.url + '#g.dc_racks=2&lang=en');
  await page.reload();
  await ready(page);
  assert.equal(await until(page, 'dc_racks', 'verdict', 'miss'), 'miss');
  await context.setOffline(false);
  await context.close();
});

test('a new version of the service worker takes over and drops the old cache', async () => {
  const { cp, readFile: read, writeFile: write, rm } = await import('node:fs/promises');
  const dir = join(root, 'target', 'e2e-sw-dist');
  await rm(dir, { recursive: true, force: true });
  await cp(join(root, 'dist'), dir, { recursive: true });
  const own = await serve(dir);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(own.url + '#lang=en');
  await ready(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1, `one cache: ${before}`);

  // "Deploy" a new version: same files, a new precache version.
  const sw = await read(join(dir, 'sw.js'), 'utf8');
  await write(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1ff"'));
  await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0].endsWith('ff');
  }, null, { timeout: 15000, polling: 200 });
  await page.reload();
  await ready(page);
  assert.equal(await value(page, 'de_share', 'verdict'), 'hit');
  await context.close();
  await own.close();
  await rm(dir, { recursive: true, force: true });
});
