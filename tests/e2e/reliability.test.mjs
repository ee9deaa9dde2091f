// End-to-end, issue 12 phase 2: storage faults surface, a panic keeps the reader's work, links
// carry a version, oversized input is refused with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Types a GDP growth and commits it as a reader does. */
async function setGdp(page, v) {
  await page.fill('#n-gdp', v);
  await page.press('#n-gdp', 'Enter');
  await page.locator('#n-gdp').blur();
}

async function open(hash, init) {
  const context = await browser.newContext({ locale: 'en-US' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${hash}`);
  await ready(page);
  return { context, page, errors };
}

test('a full storage quota says the scenario could not be kept, and the page keeps it', { timeout: 90000 }, async () => {
  // Every write of a scenario fails as a full quota does.
  const { context, page } = await open('#lang=en', () => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('plansim:') && k !== 'plansim:lang' && window.__full) {
        throw new DOMException('quota', 'QuotaExceededError');
      }
      return set.call(this, k, v);
    };
  });
  await setGdp(page, '5');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('g.gdp=5')));
  await page.evaluate(() => { window.__full = true; });
  await setGdp(page, '7');
  await page.waitForSelector('[data-role="notices"]', { timeout: 5000 });
  const text = await page.textContent('[data-role="notices"]');
  assert.match(text, /could not be kept in this browser/);
  assert.match(page.url(), /g\.gdp=7/, 'the link keeps the scenario');
  const stale = await page.evaluate(() => Object.keys(localStorage).filter((k) => (localStorage.getItem(k) ?? '').includes('g.gdp=5')));
  assert.deepEqual(stale, [], 'the older scenario is not left to be restored silently');
  await setGdp(page, '8');
  const again = await page.textContent('[data-role="notices"]');
  assert.equal(again.split('could not be kept').length - 1, 1, 'said once, not at every change');
  await context.close();
});

test('a panic shows the link of the scenario in both languages, and start fresh clears the saved state', { timeout: 90000 }, async () => {
  const { context, page } = await open('#g.gdp=6.5&lang=en');
  await setGdp(page, '4');
  await page.waitForFunction(() => location.hash.includes('g.gdp=4'));
  await page.evaluate(() => window.dispatchEvent(new Event('plansim:test-panic')));
  await page.waitForSelector('[data-role="panic"]', { timeout: 5000 });
  const text = await page.textContent('[data-role="panic"]');
  assert.match(text, /plansim stopped/);
  assert.match(text, /plansim 出错了/);
  const href = await page.getAttribute('[data-role="panic-link"]', 'href');
  assert.match(href, /#v=1&g\.gdp=4&lang=en$/, href);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('plansim'))));
  await page.click('[data-role="start-fresh"]');
  await page.waitForURL((u) => !String(u).includes('g.gdp=4'), { timeout: 10000 });
  await ready(page);
  assert.ok(!(await page.evaluate(() => Object.values(localStorage).some((v) => v.includes('g.gdp=4')))), 'the saved scenario is gone');
  await context.close();
});

test('links are written with v=1, and a newer version opens with a notice', { timeout: 90000 }, async () => {
  const { context, page, errors } = await open('#g.gdp=6.5&lang=en');
  await page.waitForFunction(() => location.hash.startsWith('#v=1&'));
  await context.close();
  const newer = await open('#v=9&g.gdp=6.5&lang=en');
  assert.match(await newer.page.textContent('[data-role="notices"]'), /newer plansim \(version 9\)/);
  assert.equal(await newer.page.inputValue('#n-gdp'), '6.5', 'what is understood is applied');
  await newer.context.close();
  assert.deepEqual(errors, []);
});

test('a link too large is refused whole with a notice', { timeout: 90000 }, async () => {
  const { context, page } = await open(`#g.gdp=3&${'x'.repeat(300 * 1024)}&lang=en`);
  assert.match(await page.textContent('[data-role="notices"]'), /link is too large \(307,2\d\d bytes, at most 262,144\)/);
  await context.close();
});

test('a file too large is not read, and says so', { timeout: 90000 }, async () => {
  const { context, page } = await open('#lang=en');
  const input = await page.$('input[type=file]');
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(5 << 20, 32) });
  await page.waitForSelector('[data-role="notices"]', { timeout: 5000 });
  assert.match(await page.textContent('[data-role="notices"]'), /big\.json: the file is too large \(5,242,880 bytes/);
  await context.close();
});
