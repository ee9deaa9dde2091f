// Accessibility: axe-core's WCAG 2 A/AA rules on the full page and the embed view, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function audit(path, { prerendered = false, locale } = {}) {
  // axe is injected as an inline script, which the page's Content-Security-Policy refuses by design.
  const context = await browser.newContext({ bypassCSP: true, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  // The prerendered first screen of a first visit, held there: the wasm never arrives.
  let release;
  if (prerendered) await page.route(/_bg\.wasm$/, (r) => new Promise((ok) => { release = ok; }).then(() => r.abort()));
  await page.goto(server.url + path, { waitUntil: prerendered ? 'commit' : 'load' });
  await page.waitForSelector(prerendered ? '#app[data-prerender] [data-role="summary"]'
    : '[data-role="summary"], [data-embed], [data-role="plan-failed"]', { timeout: 30000 });
  // axe skips inert content: the prerendered screen is checked as the markup it is (the app's first
  // frame), with its status line.
  if (prerendered) await page.evaluate(() => document.getElementById('app').removeAttribute('inert'));
  // Open every disclosure so that its contents are checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  release?.();
  await context.close();
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')})`);
}

for (const path of ['#lang=zh', '#lang=en', '#g.gdp=20&b.digital_trade=5000&lang=en', '?embed=headline#lang=en', '?embed=dc_racks#lang=zh',
  '?plan=fixtures/riverland-water-2030.json#lang=zh', '?plan=fixtures/nowhere.json#lang=en']) {
  test(`no WCAG 2.1 A/AA violations: ${path}`, async () => {
    assert.deepEqual(await audit(path), []);
  });
}

// issue 10: a first visit's prerendered screen (inert until the app starts), in both languages.
for (const locale of ['zh-CN', 'en-US']) {
  test(`no WCAG 2.1 A/AA violations: the prerendered first screen (${locale})`, async () => {
    assert.deepEqual(await audit('', { prerendered: true, locale }), []);
  });
}
