// End-to-end: the Content-Security-Policy of the page and of the single file. Each is used as a
// reader would (a slider, the share panel, every export, an embed) while every
// `securitypolicyviolation` event and CSP console message is collected; none may occur. A script
// injected inline must be blocked, so a missing or inert policy fails too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, ready, until, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Runs in every frame before its scripts: records each violation.
const RECORD = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
};

async function context() {
  const ctx = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  await ctx.addInitScript(RECORD);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  const consoleCsp = [];
  ctx.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text()); });
  return { ctx, consoleCsp };
}

/** The policy the document is under, from its <meta>. */
async function policy(page) {
  return page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
}

function assertStrict(csp) {
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/, csp);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

/** Uses the page as a reader would: a slider, the share panel, copy, every export. */
async function use(page, { offline = false } = {}) {
  const gdp = page.locator('#g-gdp');
  await gdp.focus();
  await page.keyboard.press('End');
  assert.equal(await until(page, 'de_share', 'verdict', 'miss'), 'miss');
  await page.locator('[data-indicator="base_stations_5g"]').scrollIntoViewIfNeeded();
  const png = await download(page, () => page.click('[data-indicator="base_stations_5g"] [data-export="png"]'));
  assert.equal(png.body.readUInt32BE(0), 0x89504e47, 'a PNG');
  const svg = await download(page, () => page.click('[data-indicator="base_stations_5g"] [data-export="svg"]'));
  assert.match(svg.body.toString('utf8'), /^<svg/);
  await page.click('details.share > summary');
  await page.waitForSelector('#permalink');
  const csv = await download(page, () => page.click('[data-export="csv"]'));
  assert.ok(csv.body.length > 1000);
  const json = await download(page, () => page.click('[data-export="json"]'));
  assert.equal(JSON.parse(json.body).plansim, 1);
  await page.click('[data-copy="permalink"]');
  await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent.length > 0);
  if (!offline) {
    const file = await download(page, () => page.click('[data-export="offline"]'));
    assert.ok(file.body.length > 300000);
  }
  // Scroll through every card so that every chart is drawn.
  for (const card of await page.locator('article.card').all()) await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
}

/** The policy blocks what it should: an injected inline script never runs. */
async function assertEnforced(page) {
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__injected === 1;
  });
  assert.equal(ran, false, 'an inline script injected at run time must be blocked');
  const seen = await page.evaluate(() => window.__csp.splice(0));
  assert.equal(seen.length, 1, `exactly the injected script is reported: ${seen}`);
  assert.match(seen[0], /^script-src/);
}

test('the page runs under its policy: nothing is blocked while it is used', async () => {
  const { ctx, consoleCsp } = await context();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}#g.gdp=6.5&lang=en`);
  await ready(page);
  assertStrict(await policy(page));
  assert.match(await policy(page), /script-src 'self' https: http: 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  await use(page);
  // The service worker registered under the policy (worker-src).
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual(errors, []);
  await assertEnforced(page);
  await ctx.close();
});

test('the single file runs from file:// under its own policy', async () => {
  const { ctx, consoleCsp } = await context();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(join(root, 'dist-single', 'plansim.html')).href;
  await page.goto(`${url}#g.gdp=6.5&lang=en`);
  await ready(page);
  const csp = await policy(page);
  assertStrict(csp);
  // Its only image is the stylesheet's inline data: SVG (the <select> arrow); nothing else is loaded.
  assert.match(csp, /img-src data:(;|$)/);
  assert.doesNotMatch(csp.replace(/img-src data:(;|$)/, ''), /'self'|blob:|data:/, 'a single file loads nothing: no source is allowed');
  await use(page, { offline: true });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual(errors, []);
  await assertEnforced(page);
  await ctx.close();
});

test('the single file\'s hashes match its inline script and style', async () => {
  const html = await readFile(join(root, 'dist-single', 'plansim.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const { createHash } = await import('node:crypto');
  const sha = (t) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.ok(scripts.length >= 1 && styles.length === 1);
  for (const s of scripts) assert.ok(csp.includes(sha(s)), `hash of a ${s.length}-byte script`);
  for (const s of styles) assert.ok(csp.includes(sha(s)), 'hash of the style');
  assert.doesNotMatch(html, /<link[^>]+rel="stylesheet"|<script[^>]+src=/, 'nothing loaded from elsewhere');
});

for (const sandbox of ['', 'sandbox="allow-scripts"']) {
  test(`an embed ${sandbox || '(no sandbox)'} runs under the policy`, async () => {
    const { ctx, consoleCsp } = await context();
    const page = await ctx.newPage();
    const src = `${server.url}?embed=base_stations_5g#g.base_stations_5g=10&lang=en`;
    await page.setContent(`<!doctype html><body><iframe id="f" ${sandbox} src="${src}" width="600" height="700" style="border:0"></iframe></body>`);
    const frame = page.frameLocator('#f');
    await frame.locator('[data-embed="base_stations_5g"] canvas').waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    const inner = page.frames().find((f) => f.url().startsWith(server.url));
    assertStrict(await policy(inner));
    assert.deepEqual(await inner.evaluate(() => window.__csp), []);
    assert.deepEqual(consoleCsp, []);
    await ctx.close();
  });
}
