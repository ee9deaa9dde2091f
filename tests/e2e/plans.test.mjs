// End-to-end: other plans (by link, file picker and drag and drop), each with its own
// scenario; plan and reported-value files that fail; a hostile plan rendered inert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, value, ready, until, root, fixtures } from './harness.mjs';

const RIVERLAND = join(fixtures, 'riverland-water-2030.json');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(path = '', opts = {}) {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-US', acceptDownloads: true, viewport: opts.viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  if (opts.ready !== false) await ready(page);
  return { context, page, errors };
}

async function ids(page) {
  return page.$$eval('[data-indicator]', (els) => [...new Set(els.map((e) => e.dataset.indicator))]);
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

/** Drops `text` as a file named `name` on the page, as a reader's drag would. */
async function drop(page, name, text, type = 'application/json') {
  await page.evaluate(([name, text, type]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, [name, text, type]);
}

function assertRiverland(list) {
  for (const id of ['reuse_rate', 'total_use', 'reclaimed_volume', 'pipe_km', 'metered_households', 'certified_labs', 'sensor_stations']) {
    assert.ok(list.includes(id), id);
  }
  for (const id of ['gdp', 'de_share', 'dc_racks']) assert.ok(!list.includes(id), `${id} belongs to another plan`);
}

test('?plan= opens another plan from its address, and the link keeps it', async () => {
  const { context, page, errors } = await open('?plan=fixtures/riverland-water-2030.json#lang=en');
  assertRiverland(await ids(page));
  assert.match(await page.textContent('#h-headline'), /Overall goal: Reclaimed water, share of total use ≈ 35 %/);
  assert.match(await page.textContent('[data-indicator="reuse_rate"] .derived'), /Reclaimed water used ÷ Total water use/);
  assert.match(await page.textContent('header.top'), /Riverland City Water Plan/);
  assert.equal(await until(page, 'reuse_rate', 'verdict', 'hit'), 'hit');
  await page.fill('#n-reclaimed_volume', '2');
  await page.locator('#n-reclaimed_volume').blur();
  assert.equal(await until(page, 'reuse_rate', 'verdict', 'miss'), 'miss');
  assert.match(page.url(), /\?plan=fixtures%2Friverland-water-2030\.json#v=1&g\.reclaimed_volume=2&lang=en$/);
  await page.reload();
  await ready(page);
  assert.equal(Number(await page.inputValue('#n-reclaimed_volume')), 2);
  await page.click('details.share > summary');
  assert.match(await page.inputValue('#permalink'), /\?plan=fixtures%2Friverland-water-2030\.json#v=1&g\.reclaimed_volume=2/);
  assert.match(await page.inputValue('#citation'), /河政发〔2023〕7号|Riverland City Government/);
  // Chinese: every label of the plan in Chinese, none of the other plan's.
  await page.locator('button.lang').click();
  assert.match(await page.textContent('#h-headline'), /总目标：再生水利用率 35%左右/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('?plan=…&embed=<id> embeds an indicator of that plan', async () => {
  const { context, page } = await open('?plan=fixtures/riverland-water-2030.json&embed=pipe_km#g.pipe_km=1&lang=en', { ready: false });
  await page.waitForSelector('[data-embed="pipe_km"] [data-indicator="pipe_km"]', { timeout: 30000 });
  assert.equal(await until(page, 'pipe_km', 'verdict', 'miss'), 'miss');
  const open_ = await page.getAttribute('.open-full a', 'href');
  assert.match(open_, /\?plan=fixtures%2Friverland-water-2030\.json#v=1&g\.pipe_km=1&lang=en$/);
  await page.goto(server.url + '?plan=fixtures/riverland-water-2030.json&embed=headline#lang=en');
  await page.waitForSelector('[data-embed="headline"] [data-indicator="reuse_rate"]', { timeout: 30000 });
  assert.equal(await page.locator('[data-embed="headline"] #g-total_use').count(), 1, 'the denominator has its slider');
  await context.close();
});

test('a plan from the file picker gets a switcher; each plan keeps its scenario; it survives a reload and can be removed', async () => {
  const { context, page } = await open('#g.dc_racks=2&lang=en');
  assert.equal(await page.locator('#plan-select').count(), 0, 'one plan: no switcher');
  await page.setInputFiles('#open-plan', RIVERLAND);
  await page.waitForSelector('[data-indicator="pipe_km"]');
  assertRiverland(await ids(page));
  assert.equal(await page.locator('#plan-select option').count(), 2);
  await page.fill('#n-pipe_km', '1');
  await page.locator('#n-pipe_km').blur();
  assert.equal(await until(page, 'pipe_km', 'verdict', 'miss'), 'miss');
  assert.match(page.url(), /\?plan=riverland-water-2030#v=1&g\.pipe_km=1/);

  await page.selectOption('#plan-select', '0');
  await page.waitForSelector('[data-indicator="dc_racks"]');
  assert.equal(Number(await page.inputValue('#n-dc_racks')), 2, 'the first plan kept its scenario');
  assert.doesNotMatch(page.url(), /plan=/);
  await page.goBack();
  await page.waitForSelector('[data-indicator="pipe_km"]');
  assert.equal(Number(await page.inputValue('#n-pipe_km')), 1, 'back returns to the other plan, scenario and all');

  await page.goto(server.url + '#lang=en');
  await ready(page);
  assert.equal(await page.locator('#plan-select option').count(), 2, 'kept in this browser');
  await page.selectOption('#plan-select', '1');
  await page.waitForSelector('[data-indicator="pipe_km"]');
  assert.equal(Number(await page.inputValue('#n-pipe_km')), 1);
  await page.click('[data-action="remove-plan"]');
  await page.waitForSelector('[data-indicator="dc_racks"]');
  assert.equal(await page.locator('#plan-select').count(), 0);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#plan-select').count(), 0, 'removed from storage too');
  await context.close();
});

test('a plan dropped anywhere on the page opens', async () => {
  const { context, page } = await open('#lang=en');
  await drop(page, 'riverland-water-2030.json', await readFile(RIVERLAND, 'utf8'));
  await page.waitForSelector('[data-indicator="reuse_rate"]');
  assertRiverland(await ids(page));
  assert.equal(await page.locator('.drop-overlay').count(), 0);
  await context.close();
});

test('a bad plan file names the field in the reader\'s language and changes nothing', async () => {
  const { context, page } = await open('#g.dc_racks=2&lang=zh', { locale: 'zh-CN' });
  const plan = JSON.parse(await readFile(RIVERLAND, 'utf8'));
  plan.indicators[4].target.value = 130;
  const bad = join(root, 'target', 'e2e-bad-plan.json');
  await writeFile(bad, JSON.stringify(plan));
  await page.setInputFiles('#open-plan', bad);
  await page.waitForSelector('[data-role="notices"]');
  const notice = await page.textContent('[data-role="notices"]');
  assert.match(notice, /规划文件未载入，当前规划与情景保持不变/);
  assert.match(notice, /e2e-bad-plan\.json/);
  assert.match(notice, /indicators\[4\]\.target\.value/);
  assert.equal(Number(await page.inputValue('#n-dc_racks')), 2);
  assert.equal(await page.locator('#plan-select').count(), 0);
  // Not JSON at all.
  await drop(page, 'broken.json', '{"format": 1, "id": ');
  await page.waitForFunction(() => document.querySelectorAll('[data-role="notices"] li').length === 2);
  assert.equal(Number(await page.inputValue('#n-dc_racks')), 2);
  await context.close();
});

test('a link to a plan that cannot be fetched says so and offers the built-in plan', async () => {
  const { context, page } = await open('?plan=fixtures/nowhere.json#lang=zh', { ready: false, locale: 'zh-CN' });
  await page.waitForSelector('[data-role="plan-failed"]', { timeout: 30000 });
  const text = await page.textContent('[data-role="plan-failed"]');
  assert.match(text, /无法载入链接中的规划/);
  assert.match(text, /fixtures\/nowhere\.json: HTTP 404/);
  await page.click('[data-action="use-builtin"]');
  await ready(page);
  assert.ok((await ids(page)).includes('dc_racks'));
  assert.doesNotMatch(page.url(), /plan=/);
  await context.close();
});

test('reported values load from a file and from a link, refuse a bad file by line, and download with their sources', async () => {
  const { context, page } = await open('?plan=fixtures/riverland-water-2030.json#lang=en');
  await page.click('details.share > summary');
  await page.setInputFiles('#load-reported', join(fixtures, 'riverland-reported.csv'));
  await page.waitForSelector('[data-indicator="pipe_km"] [data-reported="2024"]');
  assert.match(await page.textContent('[data-indicator="pipe_km"] [data-reported="2024"]'), /5120 km .*河川市2024年水务统计公报/);
  assert.match(await page.textContent('[data-indicator="pipe_km"] [data-pace]'), /\+3\.28 % a year/);
  assert.match(await page.textContent('[data-role="notices"]'), /Loaded 4 reported values from riverland-reported\.csv/);
  const csv = await download(page, () => page.click('[data-export="reported"]'));
  assert.equal(csv.name, 'plansim-reported-riverland-water-2030.csv');
  const text = csv.body.toString('utf8');
  assert.match(text, /^\uFEFFindicator,year,value,unit,status,source,url,note\n/);
  assert.match(text, /pipe_km,2024,5120,公里,reported,河川市2024年水务统计公报,https:\/\/example\.org\/riverland\/2024,/);
  assert.match(text, /"preliminary, to be revised"/);

  const bad = join(root, 'target', 'e2e-bad-reported.csv');
  await writeFile(bad, 'indicator,year,value,unit,status,source,url,note\npipe_km,2024,5120,公里,reported,x,,\npipe_km,2025,lots,公里,reported,x,,\n');
  await page.locator('button.lang').click();
  await page.setInputFiles('#load-reported', bad);
  await page.waitForFunction(() => /第3行/.test(document.querySelector('[data-role="notices"]').textContent));
  assert.match(await page.textContent('[data-role="notices"]'), /公布值未载入/);
  assert.match(await page.textContent('[data-indicator="pipe_km"] [data-reported="2024"]'), /5120/, 'the values shown stay');
  await context.close();

  const linked = await open('?plan=fixtures/riverland-water-2030.json&reported=fixtures/riverland-reported.csv#lang=en');
  await linked.page.waitForSelector('[data-indicator="pipe_km"] [data-reported="2023"]');
  assert.match(linked.page.url(), /reported=fixtures%2Friverland-reported\.csv/);
  await linked.context.close();
});

test('a language switch re-words the notices already shown', async () => {
  const { context, page } = await open('#g.dc_racks=abc&lang=en');
  assert.match(await page.textContent('[data-role="notices"]'), /link: ignored “g\.dc_racks=abc”/);
  await page.locator('button.lang').click();
  await page.waitForFunction(() => /链接中已忽略/.test(document.querySelector('[data-role="notices"]').textContent));
  assert.doesNotMatch(await page.textContent('[data-role="notices"]'), /ignored|not a number/);
  await context.close();
});

test('a hostile plan renders its names as text everywhere: page, charts, exports, print', async () => {
  const { context, page, errors } = await open('?plan=fixtures/hostile-plan.json&reported=fixtures/hostile-reported.csv#lang=en');
  await page.waitForSelector('[data-indicator="pipe_km"] [data-reported="2023"]');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll('#app img').length,
    script: document.querySelectorAll('#app script').length,
    b: document.querySelectorAll('#app b').length,
    js: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(injected, { pwned: null, img: 0, script: 0, b: 0, js: 0 });
  assert.match(await page.textContent('header.top'), /<script>window\.__pwned='en2'<\/script>/, 'shown as text');
  // Exports.
  const csv = (await download(page, () => page.click('[data-export="csv"]'))).body.toString('utf8');
  for (const line of csv.split('\n')) {
    for (const cell of line.split(',')) assert.ok(!/^"?[=+@]/.test(cell), `no formula: ${cell.slice(0, 40)}`);
  }
  const rep = (await download(page, () => page.click('[data-export="reported"]'))).body.toString('utf8');
  assert.ok(!/,=|,"=/.test(rep), 'reported values start no formula');
  const svg = (await download(page, () => page.click('[data-indicator="pipe_km"] [data-export="svg"]'))).body.toString('utf8');
  assert.doesNotMatch(svg, /<script|<img|<b>/i, 'names are escaped text in the SVG');
  assert.match(await page.inputValue('#citation'), /<script>/, 'the citation is plain text in a text field');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.print-only table.handout'));
  assert.equal(await page.evaluate(() => document.querySelectorAll('.print-only img, .print-only script').length), 0);
  // Open an SVG export as a page: nothing runs.
  const view = await context.newPage();
  await view.setContent(svg);
  assert.equal(await view.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('another plan at 390 px has no horizontal scroll, in both languages', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page } = await open(`?plan=fixtures/riverland-water-2030.json#lang=${lang}`, { viewport: { width: 390, height: 844 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: ${overflow}px too wide`);
    await context.close();
  }
});
