// End-to-end (issue 10): a first visit is shown the prerendered first screen (index.html's templates,
// made by scripts/post-build.mjs from the built app) until the app replaces it, and only where the app
// would render exactly that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Put first in the page: `#app` as the parser's script left it (the prerendered screen or the loading
// line), the app's first frame (the first DOM change after which `#app` holds the summary and no
// data-prerender), and, for every animation frame until then, whether the summary was in `#app`.
const probe = () => {
  window.__frames = [];
  addEventListener('DOMContentLoaded', () => {
    const app = document.getElementById('app');
    window.__parsed = {
      html: app.innerHTML, pre: app.getAttribute('data-prerender'), inert: app.inert,
      busy: app.getAttribute('aria-busy'), lang: document.documentElement.lang,
      loading: !!app.querySelector('.loading'),
      status: document.querySelector('#plansim-starting[role="status"]')?.textContent ?? null,
    };
    const frame = () => {
      window.__frames.push(!!app.querySelector('[data-role="summary"]'));
      if (!window.__first) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  new MutationObserver(() => {
    const app = document.getElementById('app');
    if (!window.__first && app && !app.hasAttribute('data-prerender') && app.querySelector('[data-role="summary"]')) {
      window.__first = { html: app.innerHTML, lang: document.documentElement.lang };
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

async function visit(path, { locale = 'zh-CN', init, wasm, waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ locale, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.addInitScript(probe);
  if (wasm) await page.route(/_bg\.wasm$/, wasm);
  await page.goto(server.url + path, { waitUntil });
  return { context, page, errors };
}

for (const [locale, lang, tag, path] of [['zh-CN', 'zh', 'zh-CN', ''], ['en-US', 'en', 'en', ''], ['fr-FR', 'zh', 'zh-CN', ''],
  // A query the app does not read (a messenger's or a campaign's tag) changes nothing it renders.
  ['zh-CN', 'zh', 'zh-CN', '?from=singlemessage&isappinstalled=0&utm_source=x']]) {
  test(`a first visit (${locale}${path}) is shown the prerendered first screen, which is the app's first frame, until the app replaces it`, async () => {
    const { context, page, errors } = await visit(path, { locale });
    await ready(page);
    const parsed = await page.evaluate(() => window.__parsed);
    const first = await page.evaluate(() => window.__first);
    assert.equal(parsed.pre, lang, 'the page shows the prerendered screen of the language the app picks');
    assert.equal(parsed.inert, true, 'inert until the app runs');
    assert.equal(parsed.busy, 'true');
    assert.equal(parsed.lang, tag, '<html lang> is the screen\'s from the start');
    assert.equal(parsed.loading, false);
    assert.match(parsed.html, /data-role="summary"/);
    assert.match(parsed.status ?? '', lang === 'zh' ? /正在启动/ : /starting/, 'a status line says the controls are coming');
    // The same markup, byte for byte: no frame shows something the app would not.
    assert.equal(parsed.html, first.html, 'the prerendered screen differs from the app\'s first frame');
    assert.equal(first.lang, tag);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.length > 0 && frames.every(Boolean), `every frame before the app's shows the summary: ${frames}`);
    const app = await page.evaluate(() => {
      const a = document.getElementById('app');
      return { pre: a.getAttribute('data-prerender'), inert: a.inert, busy: a.getAttribute('aria-busy') };
    });
    assert.deepEqual(app, { pre: null, inert: false, busy: null }, 'the running app is neither inert nor busy');
    assert.equal(await page.locator('#plansim-starting').count(), 0, 'the status line is gone');
    // The running app answers a click (the prerendered screen would not).
    await page.click('[data-preset="plan"]');
    await page.waitForSelector('[data-preset="plan"][aria-pressed="true"]', { timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [why, path, init] of [
  ['a link with a fragment', '#lang=zh', null],
  ['a link with a query the app reads (fresh)', '?fresh=1', null],
  ['a link with a query the app reads (embed)', '?embed=headline', null],
  ['a link with a query the app reads (plan)', '?plan=fixtures/riverland-water-2030.json', null],
  ['a browser that kept plansim\'s language', '', () => { try { localStorage.setItem('plansim:lang', 'en'); } catch { /* none */ } }],
  ['a browser that kept a scenario', '', () => { try { localStorage.setItem('plansim:scenario:x', 'g.gdp=9'); } catch { /* none */ } }],
  ['another year than the one it was made in', '', () => {
    const y = Date.prototype.getFullYear;
    Date.prototype.getFullYear = function () { return y.call(this) + 1; };
  }],
]) {
  test(`no prerendered screen for ${why}: the loading line until the app starts`, async () => {
    const { context, page, errors } = await visit(path, { init });
    await page.waitForFunction(() => window.__parsed);
    const parsed = await page.evaluate(() => window.__parsed);
    assert.equal(parsed.pre, null);
    assert.equal(parsed.inert, false);
    assert.equal(parsed.loading, true);
    if (path.includes('embed=')) await page.waitForSelector('[data-embed]', { timeout: 30000 });
    else await ready(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the built page carries a prerendered screen for each language, with no script in it', async () => {
  const { context, page } = await visit('#lang=en');
  const t = await page.evaluate(() => [...document.querySelectorAll('template[data-prerender]')].map((t) => ({
    lang: t.dataset.prerender, year: t.dataset.year, summary: !!t.content.querySelector('[data-role="summary"]'),
    hero: !!t.content.querySelector('[data-role="hero"]'), scripts: t.content.querySelectorAll('script').length,
  })));
  const year = String(new Date().getFullYear());
  assert.deepEqual(t, [
    { lang: 'zh', year, summary: true, hero: true, scripts: 0 },
    { lang: 'en', year, summary: true, hero: true, scripts: 0 },
  ]);
  await context.close();
});

test('when the app cannot start, the status line says so and the answer stays', async () => {
  // The wasm is held until the prerendered screen has been seen, then refused.
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { context, page } = await visit('', { wasm: (r) => held.then(() => r.abort()), waitUntil: 'commit' });
  await page.waitForSelector('#app[data-prerender="zh"][inert] [data-role="summary"]', { timeout: 20000 });
  release();
  const alert = page.locator('#plansim-starting[role="alert"]');
  await alert.waitFor({ timeout: 20000 });
  assert.match(await alert.textContent(), /could not start/);
  assert.equal(await alert.getAttribute('data-cause'), 'unknown');
  const app = await page.evaluate(() => {
    const a = document.getElementById('app');
    return { pre: a.getAttribute('data-prerender'), inert: a.inert, summary: !!a.querySelector('[data-role="summary"]') };
  });
  assert.deepEqual(app, { pre: 'zh', inert: true, summary: true });
  await context.close();
});

test('a click on the prerendered screen is made again on the app once it runs', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { context, page, errors } = await visit('', { locale: 'en-US', wasm: (r) => held.then(() => r.continue()), waitUntil: 'commit' });
  await page.waitForSelector('#app[data-prerender="en"] [data-preset="plan"]', { timeout: 20000 });
  // (inert: the pointer's click reaches no button; `force` clicks the point regardless)
  await page.click('[data-preset="plan"]', { force: true });
  assert.equal(await page.getAttribute('[data-preset="plan"]', 'aria-pressed'), 'false', 'nothing happens on the prerendered screen');
  release();
  await ready(page);
  await page.waitForSelector('[data-preset="plan"][aria-pressed="true"]', { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('another tab writing plansim\'s storage meanwhile puts the loading line back, and the app then starts from it', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  let release;
  const held = new Promise((ok) => { release = ok; });
  const b = await context.newPage();
  await b.route(/_bg\.wasm$/, (r) => held.then(() => r.continue()));
  await b.goto(server.url, { waitUntil: 'commit' });
  await b.waitForSelector('#app[data-prerender="zh"] [data-role="summary"]', { timeout: 20000 });
  const a = await context.newPage();
  await a.goto(server.url + '#lang=en');
  await ready(a);
  await a.evaluate(() => localStorage.setItem('plansim:lang', 'en'));
  await b.waitForSelector('#app:not([data-prerender]) .loading', { timeout: 5000 });
  assert.equal(await b.locator('#plansim-starting').count(), 0);
  assert.equal(await b.evaluate(() => document.getElementById('app').inert), false);
  release();
  await ready(b);
  assert.equal(await b.evaluate(() => document.documentElement.lang), 'en', 'the app read what the other tab stored');
  await context.close();
});
