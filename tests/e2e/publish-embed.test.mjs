// End-to-end (issue 11a): embeds that work as pasted, that shrink, that can be locked or show only
// the chart, that reset to the scenario they were given, that name a missing CORS header, and the
// classroom's restore prompt and fresh start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { serve, launch, ready, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SCENARIO = 'g.gdp=6&g.de_value_added=10&lang=en';

/** The snippet the share panel gives for `view` (and its options), read from the page. */
async function snippetFor(view, { lock = false, chart = false } = {}) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#${SCENARIO}`);
  await ready(page);
  await page.click('details.share > summary');
  await page.selectOption('#embed-view', view);
  if (lock) await page.check('#embed-lock');
  if (chart) await page.check('#embed-chart');
  const snippet = await page.inputValue('#embed-snippet');
  await context.close();
  return snippet;
}

/** A host page holding `html`, at `width`×`height`; resolves to { context, page }. */
async function host(html, viewport) {
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><body style="margin:0;padding:8px">${html}</body></html>`);
  return { context, page };
}

/** The frame's height, once it has not changed for `quiet` ms. */
async function settledHeight(page, sel = 'iframe', quiet = 800) {
  let last = -1;
  let since = Date.now();
  const end = Date.now() + 30000;
  while (Date.now() < end) {
    const h = await page.$eval(sel, (f) => f.getBoundingClientRect().height);
    if (h !== last) { last = h; since = Date.now(); } else if (Date.now() - since > quiet) return h;
    await page.waitForTimeout(100);
  }
  return last;
}

for (const [w, h] of [[1280, 900], [390, 844]]) {
  test(`the pasted snippet fits the headline embed at ${w} px: nothing cut off, no blank space`, async () => {
    const snippet = await snippetFor('headline');
    assert.match(snippet, /<script>/, 'the snippet carries its height script');
    assert.match(snippet, /@media \(max-width:480px\)/, 'and a phone height for hosts without script');
    const { context, page } = await host(snippet, { width: w, height: h });
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-embed="headline"] [data-role="verdict"]').first().waitFor({ timeout: 30000 });
    const frameHeight = await settledHeight(page);
    const inner = await page.frames()[1].evaluate(() => ({
      content: document.body.offsetHeight,
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    assert.ok(Math.abs(frameHeight - inner.content) <= 1, `frame ${frameHeight} px vs content ${inner.content} px`);
    assert.ok(inner.scroll <= inner.client + 1, `nothing scrolls inside the frame (${inner.scroll} > ${inner.client})`);
    // The x axis and the sliders are inside the frame's box.
    const bottom = await page.frames()[1].evaluate(() => Math.max(...[...document.querySelectorAll('canvas.chart, input[type=range]')]
      .map((e) => e.getBoundingClientRect().bottom)));
    assert.ok(bottom <= frameHeight, `last chart or slider ends at ${bottom} px, inside ${frameHeight} px`);
    await context.close();
  });
}

test('the frame shrinks back when the data table closes', async () => {
  const src = `${server.url}?embed=base_stations_5g#g.base_stations_5g=10&lang=en`;
  const { context, page } = await host(`<iframe src="${src}" width="600" height="300" style="border:0" data-plansim></iframe>
    <script>addEventListener('message', (e) => { if (e.data && e.data.type === 'plansim:height')
      document.querySelector('iframe').style.height = e.data.height + 'px'; });</script>`, { width: 800, height: 900 });
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-indicator="base_stations_5g"] canvas.chart').waitFor({ timeout: 30000 });
  const closed = await settledHeight(page);
  await frame.locator('details.table > summary').click();
  const open = await settledHeight(page);
  assert.ok(open > closed + 100, `the table adds height: ${closed} → ${open}`);
  await frame.locator('details.table > summary').click();
  const again = await settledHeight(page);
  assert.ok(Math.abs(again - closed) <= 1, `back to ${closed} px, not ${again} px`);
  await context.close();
});

test('a locked embed shows the article scenario in a sentence and ignores the keyboard', async () => {
  const snippet = await snippetFor('headline', { lock: true });
  assert.match(snippet, /(\?|&amp;)lock=1/);
  const { context, page } = await host(snippet, { width: 1280, height: 900 });
  const f = page.frameLocator('iframe');
  const verdict = f.locator('[data-indicator="de_share"] [data-role="projected"]');
  await verdict.waitFor({ timeout: 30000 });
  assert.equal(await f.locator('[data-role="scenario-sentence"]').textContent(),
    'Scenario: GDP +6%, digital economy +10% a year, nominal · Scenario fixed by the page that embeds it');
  const before = await verdict.getAttribute('data-value');
  assert.equal(await f.locator('input:visible, select:visible, textarea:visible').count(), 0, 'no input to change');
  const inner = page.frames()[1];
  const hashBefore = await inner.evaluate(() => location.hash);
  await page.click('iframe');
  for (let i = 0; i < 25; i++) {
    for (const k of ['Tab', 'ArrowRight', 'ArrowUp', 'PageUp', 'End', '9', 'Enter', ' ']) await page.keyboard.press(k);
  }
  await page.waitForTimeout(300);
  assert.equal(await verdict.getAttribute('data-value'), before, 'the projection did not move');
  assert.equal(await inner.evaluate(() => location.hash), hashBefore, 'the scenario did not change');
  await context.close();
});

test("an unlocked embed's Reset returns to the embedded scenario", async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}?embed=base_stations_5g#g.base_stations_5g=10&lang=en`);
  const proj = '[data-indicator="base_stations_5g"] [data-role="projected"]';
  await page.waitForSelector(proj);
  const given = await page.getAttribute(proj, 'data-value');
  await page.focus('#g-base_stations_5g');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(([s, v]) => document.querySelector(s).dataset.value !== v, [proj, given]);
  await page.click('[data-growth="base_stations_5g"] button.link');
  await page.waitForFunction(([s, v]) => document.querySelector(s).dataset.value === v, [proj, given]);
  assert.equal(await page.inputValue('#n-base_stations_5g'), '10.0', 'the number field at the slider precision');
  assert.match(page.url(), /g\.base_stations_5g=10(&|$)/);
  await context.close();
});

test('a chart-only embed shows the chart, its title and its source line', async () => {
  const snippet = await snippetFor('base_stations_5g', { chart: true });
  assert.match(snippet, /(\?|&amp;)view=chart/);
  const { context, page } = await host(snippet, { width: 800, height: 900 });
  const f = page.frameLocator('iframe');
  const card = f.locator('[data-indicator="base_stations_5g"]');
  await card.locator('canvas.chart').waitFor({ timeout: 30000 });
  assert.ok(await card.locator('h3').isVisible());
  assert.ok(await card.locator('.source').isVisible());
  for (const sel of ['.growth', '.verdict-row', '.stats', 'details.table', '.facts', '.chart-export']) {
    assert.equal(await card.locator(sel).isVisible(), false, `${sel} is hidden`);
  }
  await context.close();
});

/** Serves dist/ with no CORS header, as many hosts do. */
async function serveWithoutCors() {
  const dir = join(root, 'dist');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const srv = createServer(async (req, res) => {
    let file = join(dir, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((ok) => srv.close(ok)) };
}

test('a sandboxed embed on a host without CORS headers names that cause, in both languages', async () => {
  const bare = await serveWithoutCors();
  try {
    const { context, page } = await host(`<iframe sandbox="allow-scripts" src="${bare.url}?embed=headline#lang=en"
      width="700" height="400"></iframe>`, { width: 800, height: 600 });
    const alert = page.frameLocator('iframe').locator('[role="alert"][data-cause]');
    await alert.waitFor({ timeout: 30000 });
    assert.equal(await alert.getAttribute('data-cause'), 'cors');
    const text = await alert.textContent();
    assert.match(text, /sends no CORS header \(Access-Control-Allow-Origin\)/);
    assert.match(text, /没有为其文件发送 CORS 头/);
    assert.doesNotMatch(text, /lack WebAssembly/);
    await context.close();
    // Not sandboxed, the same server works.
    const ctx2 = await browser.newContext({ locale: 'en-US' });
    const p2 = await ctx2.newPage();
    await p2.goto(`${bare.url}?embed=headline#lang=en`);
    await p2.waitForSelector('[data-embed="headline"]', { timeout: 30000 });
    await ctx2.close();
  } finally {
    await bare.close();
  }
});

test('a scenario restored from storage is announced with a one-click fresh start', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.locator('[data-role="restore-prompt"]').count(), 0, 'a first visit restores nothing');
  const firstHash = new URL(page.url()).hash;
  // Another student works and leaves.
  await page.goto(`${server.url}#g.base_stations_5g=33&g.gdp=2&lang=en`);
  await ready(page);
  await page.waitForTimeout(300);
  // The next one opens the page without a link.
  await page.goto(server.url);
  await ready(page);
  await page.waitForSelector('[data-role="restore-prompt"]');
  assert.match(await page.textContent('[data-role="restore-prompt"]'), /Restored your last scenario/);
  assert.match(page.url(), /g\.base_stations_5g=33/);
  await page.click('[data-action="fresh-start"]');
  await page.waitForFunction(() => !/base_stations_5g=33/.test(location.hash));
  assert.equal(await page.locator('[data-role="restore-prompt"]').count(), 0);
  assert.equal(new URL(page.url()).hash, firstHash, 'the same start as a first visit');
  // And it stays fresh on reload: nothing of the other scenario was kept.
  await page.goto(server.url);
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-role="restore-prompt"]').count(), 0);
  assert.doesNotMatch(page.url(), /base_stations_5g=33/);
  // A link's scenario is not a restore.
  await page.goto(`${server.url}#g.gdp=4&lang=en`);
  await ready(page);
  await page.goto(`${server.url}#g.gdp=5&lang=en`);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-role="restore-prompt"]').count(), 0);
  await context.close();
});

test("a teacher's fresh=1 link always starts fresh", async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  const firstHash = new URL(page.url()).hash;
  await page.goto(`${server.url}#g.base_stations_5g=33&lang=en`);
  await ready(page);
  await page.waitForTimeout(300);
  await page.goto(`${server.url}?fresh=1`);
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-role="restore-prompt"]').count(), 0);
  assert.equal(new URL(page.url()).hash, firstHash);
  assert.doesNotMatch(page.url(), /fresh=1/, 'the permalink drops fresh=1');
  assert.doesNotMatch(await page.inputValue('#permalink').catch(() => ''), /fresh=/);
  await context.close();
});
