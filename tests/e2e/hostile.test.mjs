// End-to-end: hostile input and a hostile host. Links that once froze the tab, and a sandboxed
// embed that must keep its stylesheet. Tests marked `todo` are issue 12's phase 2: they run and
// report, but do not fail the suite until their fix lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Resolves true if the page runs a task and an animation frame within `ms`; false if it is stuck. */
async function responsive(page, ms = 5000) {
  const alive = page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(true)), 0)));
  const timeout = new Promise((r) => setTimeout(() => r(false), ms));
  return Promise.race([alive.catch(() => false), timeout]);
}

/** How many pixels of a canvas are not white: a drawn chart has many. */
async function inked(page, sel) {
  return page.$eval(sel, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) n++;
    return n;
  });
}

// Since phase 2 a baseline of 1.7e308 is refused where it enters (see the last test); the largest
// baseline accepted, grown at the highest growth, still reaches the chart with values near 1e290.
const HUGE = 'b.digital_trade=2e284&g.digital_trade=1000';

test('a huge baseline link: the embed draws its chart and stays responsive', { timeout: 90000 }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}?embed=digital_trade#${HUGE}`);
  await page.waitForSelector('[data-embed="digital_trade"]', { timeout: 30000 });
  assert.ok(await responsive(page), 'the tab is not frozen');
  const canvas = '[data-embed="digital_trade"] canvas';
  await page.waitForSelector(canvas);
  await page.waitForFunction((s) => {
    const c = document.querySelector(s);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true;
    return false;
  }, canvas, { timeout: 10000 });
  assert.ok(await inked(page, canvas) > 200, 'the chart is drawn');
  assert.ok(await responsive(page));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a huge baseline link: the full page, its exports, and a reload of the saved state', { timeout: 120000 }, async () => {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}#${HUGE}&lang=en`);
  await ready(page);
  await page.locator('[data-indicator="digital_trade"]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.ok(await responsive(page), 'the tab is not frozen when the card nears the viewport');
  for (const kind of ['svg', 'png']) {
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 15000 }),
      page.click(`[data-indicator="digital_trade"] [data-export="${kind}"]`),
    ]);
    const body = await readFile(await dl.path());
    if (kind === 'svg') {
      const svg = body.toString('utf8');
      assert.match(svg, /^<svg/);
      assert.match(svg, /<\/svg>\s*$/);
      assert.doesNotMatch(svg, /NaN|inf/);
    } else {
      assert.equal(body.readUInt32BE(0), 0x89504e47);
    }
    assert.ok(await responsive(page), `responsive after the ${kind} export`);
  }
  // The scenario was saved; the bare URL restores it and must not freeze either.
  await page.goto(server.url);
  await ready(page);
  await page.locator('[data-indicator="digital_trade"]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.ok(await responsive(page), 'the restored scenario does not freeze the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a scenario file with a 1.7e308 baseline imports without freezing the page', { timeout: 90000 }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#lang=en`);
  await ready(page);
  await page.click('details.share > summary');
  const file = {
    name: 'huge.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ plansim: 1, plan: 'zhejiang-digital-economy-14fyp', horizon: 2025, growth: { digital_trade: 0 }, baselines: { digital_trade: 1.7e308 } })),
  };
  await page.setInputFiles('#import-json', file);
  await page.waitForTimeout(500);
  await page.locator('[data-indicator="digital_trade"]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.ok(await responsive(page), 'responsive after the import');
  await context.close();
});

test('a sandboxed embed keeps its stylesheet', { timeout: 60000 }, async () => {
  // A plain frame and a sandboxed one (opaque origin) must compute the same styles from main.css.
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const src = `${server.url}?embed=base_stations_5g#lang=en`;
  await page.setContent(`<!doctype html><body>
    <iframe id="plain" src="${src}" width="600" height="400"></iframe>
    <iframe id="boxed" sandbox="allow-scripts" src="${src}" width="600" height="400"></iframe></body>`);
  const styles = {};
  for (const id of ['plain', 'boxed']) {
    await page.frameLocator(`#${id}`).locator('[data-embed="base_stations_5g"]').waitFor({ timeout: 30000 });
  }
  for (const f of page.frames().filter((f) => f.url().startsWith(server.url))) {
    const s = await f.evaluate(() => {
      const html = getComputedStyle(document.documentElement);
      const badge = document.querySelector('[data-role="verdict"]');
      return {
        sandboxed: origin === 'null',
        font: html.fontFamily,
        background: html.backgroundColor,
        badgeRadius: badge ? getComputedStyle(badge).borderTopLeftRadius : null,
        sheets: document.styleSheets.length,
      };
    });
    styles[s.sandboxed ? 'boxed' : 'plain'] = s;
  }
  assert.ok(styles.plain && styles.boxed, JSON.stringify(styles));
  for (const s of [styles.plain, styles.boxed]) {
    assert.match(s.font, /system-ui/, `font from main.css: ${JSON.stringify(s)}`);
    assert.equal(s.background, 'rgb(246, 247, 249)', `--bg from main.css: ${JSON.stringify(s)}`);
  }
  assert.deepEqual({ ...styles.boxed, sandboxed: false }, styles.plain, 'the same styles with and without the sandbox');
  await context.close();
});

// --- Issue 12, phase 2: once known to fail (todo), now held.

test('an embed id is percent-decoded: ?embed=de%5Fshare', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}?embed=de%5Fshare#lang=en`);
  await page.waitForSelector('[data-embed]', { timeout: 30000 });
  assert.equal(await page.getAttribute('[data-embed]', 'data-embed'), 'de_share');
  await context.close();
});

test('a link of 20,000 parts opens at once', { timeout: 120000 }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}#${'x&g.gdp=1&'.repeat(20000)}lang=en`);
  await ready(page);
  const ms = Date.now() - t0;
  console.log(`# a link of 20,000 × "x&g.gdp=1&" was ready after ${ms} ms`);
  assert.ok(await responsive(page));
  const text = await page.textContent('[data-role="notices"]').catch(() => '');
  assert.ok((text ?? '').length < 8000, `${(text ?? '').length} characters of notices`);
  await context.close();
});

test('a 1.7e308 baseline in a link is refused with a notice', { timeout: 90000 }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#b.digital_trade=1.7e308&g.digital_trade=0&lang=en`);
  await ready(page);
  assert.match(await page.textContent('[data-role="notices"]'), /digital_trade: the baseline is beyond what can be computed and drawn/);
  assert.doesNotMatch(page.url(), /b\.digital_trade/, 'not written back to the link');
  assert.ok(await responsive(page));
  await context.close();
});
