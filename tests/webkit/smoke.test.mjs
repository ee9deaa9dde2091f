// End-to-end smoke tests of the release build in WebKit (WebKitGTK's MiniBrowser): what a reader on
// an iPhone, in Safari or in WeChat, relies on. Run by tests/webkit/run under xvfb-run.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  By, Key, errors, framed, ready, root, serve, session, startDriver, type, until, value, waitFor, withErrorHook,
} from './harness.mjs';

const plan = JSON.parse(await readFile(join(root, 'seeds', 'zhejiang-digital-economy-14fyp.json'), 'utf8'));

let server, driver, d;
before(async () => { server = await serve(); driver = await startDriver(); });
after(async () => { driver?.stop(); await server?.close(); });
afterEach(async () => { await d?.quit(); d = null; });

async function open(hash = '', size) {
  d = await session(driver, size);
  await d.get(server.url + hash);
  await ready(d);
  return d;
}

/** Asserts the page's error hook is in place and has caught nothing. */
async function noErrors(d, where = 'the page') {
  assert.deepEqual(await errors(d), [], `script errors in ${where}`);
}

// Ink and colour in a canvas's bitmap, read back through getImageData.
const CANVAS_STATS = `
  const c = arguments[0];
  const dpr = devicePixelRatio;
  const sized = c.clientWidth > 0 && Math.abs(c.width / (c.clientWidth * dpr) - 1) < 0.02;
  if (!sized || c.width === 0 || c.height === 0) return { sized, ink: 0, colour: 0 };
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0, colour = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 128) continue;
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r < 235 || g < 235 || b < 235) ink++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
  }
  return { sized, ink: ink / (c.width * c.height), colour };
`;

test('renders every indicator of the plan, and every chart is drawn', async () => {
  await open('#lang=en');
  const shown = await d.executeScript('return [...document.querySelectorAll("[data-indicator]")].map((e) => e.dataset.indicator)');
  assert.deepEqual([...new Set(shown)].sort(), plan.indicators.map((i) => i.id).sort(), 'one card per indicator of the plan');
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
  assert.equal(await until(d, 'digital_trade', 'verdict', 'needs-baseline'), 'needs-baseline');
  const summary = await d.findElement(By.css('[data-role="summary"]'));
  const total = Number(await summary.getAttribute('data-total'));
  assert.ok(total > 0, 'the summary counts the assessed targets');
  // Open every folded list of cards ("other targets"), as a reader would.
  const folded = await d.findElements(By.xpath('//details[not(@open)][.//*[@data-indicator]]/summary'));
  for (const summary of folded) {
    // The page may still settle under a click that follows a long scroll (a list opened above it,
    // a part built late; no longer the cards' guessed heights, issue 10): click again if it missed.
    for (let attempt = 0; attempt < 3; attempt++) {
      await d.executeScript('arguments[0].scrollIntoView({ block: "center" })', summary);
      await summary.click();
      if (await d.executeScript('return arguments[0].parentElement.open', summary)) break;
      await d.sleep(300);
    }
  }
  assert.equal((await d.findElements(By.xpath('//details[not(@open)][.//*[@data-indicator]]'))).length, 0, 'every list is open');

  // Every assessed target has a chart; charts are drawn as they near the viewport, so visit each.
  const assessed = await d.executeScript(`return [...document.querySelectorAll('[data-role="verdict"]')]
    .filter((v) => v.dataset.value === 'hit' || v.dataset.value === 'miss')
    .map((v) => v.closest('[data-indicator]').dataset.indicator)`);
  assert.ok(assessed.length >= total, `${assessed.length} assessed cards for ${total} targets`);
  for (const id of new Set(assessed)) {
    const canvas = await d.findElement(By.css(`[data-indicator="${id}"] canvas`));
    await d.executeScript('arguments[0].scrollIntoView({ block: "center" })', canvas);
    try {
      await waitFor(d, `const s = (function () { ${CANVAS_STATS} }).apply(null, arguments); return s.sized && s.ink > 0 ? s : null;`, [canvas], 5000);
    } catch {
      // Fall through: the assertions say what is missing.
    }
    const stats = await d.executeScript(CANVAS_STATS, canvas);
    assert.ok(stats.sized, `${id}: the canvas bitmap matches its size on screen`);
    // Axes, grid, labels and the path: a drawn chart inks a few % of its pixels; a blank one none.
    assert.ok(stats.ink > 0.01, `${id}: only ${(stats.ink * 100).toFixed(2)}% of the chart is drawn`);
    assert.ok(stats.colour > 100, `${id}: ${stats.colour} coloured pixels (path, target, reported values)`);
  }
  await noErrors(d);
});

test('a slider moved by keyboard changes a verdict, and the link follows', async () => {
  await open('#lang=en');
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
  const gdp = await d.findElement(By.css('#g-gdp'));
  await gdp.sendKeys(Key.END); // GDP at the top of its range
  assert.equal(await until(d, 'de_share', 'verdict', 'miss'), 'miss', 'faster GDP dilutes the digital share');
  const max = await gdp.getAttribute('max');
  assert.equal(Number(await d.executeScript('return document.querySelector("#n-gdp").value')), Number(max), 'the number field follows the slider');
  await waitFor(d, 'return location.hash.includes("g.gdp=" + arguments[0])', [max], 5000, 'the link names the new growth');
  const de = await d.findElement(By.css('#g-de_value_added'));
  await de.sendKeys(Key.END);
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
  await de.sendKeys(Key.HOME);
  assert.equal(await until(d, 'de_share', 'verdict', 'miss'), 'miss');
  // Exact entry in the number field.
  await type(d, '#n-de_value_added', '30');
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
  await noErrors(d);
});

test('a link with a scenario opens it; a malformed one is applied as far as it can be', async () => {
  await open('#g.gdp=6.5&g.de_value_added=3&h=2035&lang=en');
  const inputs = await d.executeScript('return ["n-gdp", "n-de_value_added", "horizon"].map((id) => document.getElementById(id).value)');
  assert.deepEqual(inputs.map(Number), [6.5, 3, 2035]);
  assert.equal(await until(d, 'de_share', 'verdict', 'miss'), 'miss');
  await waitFor(d, 'return document.documentElement.lang === "en"', [], 5000, 'the page in English');
  await noErrors(d);
  await d.quit();

  await open('#g.gdp=oops&g.nope=1&g.base_stations_5g=5&lang=en');
  assert.equal(Number(await d.executeScript('return document.getElementById("n-base_stations_5g").value')), 5);
  assert.equal(await until(d, 'base_stations_5g', 'verdict', 'miss'), 'miss');
  const notice = await d.findElement(By.css('[data-role="notices"]')).getText();
  assert.match(notice, /g\.gdp=oops/);
  assert.match(notice, /g\.nope=1/);
  await noErrors(d);
});

test('the language switches, and is remembered without a link', async () => {
  await open('#lang=en');
  await waitFor(d, 'return document.documentElement.lang === "en"', [], 5000, 'the page in English');
  const english = await d.findElement(By.css('h1')).getText();
  // The switch is the button that names the other language in that language.
  await d.findElement(By.css('button[lang="zh"]')).click();
  await waitFor(d, 'return document.documentElement.lang === "zh-CN"', [], 5000, 'the page in Chinese');
  const chinese = await d.findElement(By.css('h1')).getText();
  assert.notEqual(chinese, english);
  assert.match(chinese, /\p{Script=Han}/u);
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit', 'the scenario is unchanged');
  await d.get(server.url);
  await ready(d);
  await waitFor(d, 'return document.documentElement.lang === "zh-CN"', [], 5000, 'Chinese kept across a visit without a link');
  await d.findElement(By.css('button[lang="en"]')).click();
  await waitFor(d, 'return document.documentElement.lang === "en"', [], 5000, 'the page in English again');
  await noErrors(d);
});

test('a 390 px phone shows no horizontal scroll', async () => {
  d = await session(driver, { width: 600, height: 900 });
  const close = await framed(d, `${server.url}#lang=zh`, 390, 844);
  try {
    await ready(d);
    assert.equal(await d.executeScript('return innerWidth'), 390);
    const overflow = await d.executeScript('return document.documentElement.scrollWidth - innerWidth');
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
    await noErrors(d);
  } finally {
    await close();
  }
});

// iPhone readers: at 390 px the overview's rows are blocks (a container query, subgrid), every figure
// on the screen under its column's name, as in Chromium (answer.test.mjs says it in full).
test('a 390 px phone shows the figures of the overview two by two, named, without sideways scroll', async () => {
  d = await session(driver, { width: 600, height: 900 });
  const close = await framed(d, `${server.url}#lang=en`, 390, 844);
  try {
    await ready(d);
    const got = await d.executeScript(`
      const wrap = document.querySelector('.overview .table-wrap');
      const rows = [...document.querySelectorAll('tr[data-overview]')].map((tr) => {
        const c = [...tr.children].map((e) => {
          const b = e.getBoundingClientRect();
          const r = document.createRange();
          r.selectNodeContents(e);
          const t = [...r.getClientRects()].find((q) => q.width > 0);
          return { left: b.left, right: b.right, top: b.top, text: t ? t.top : NaN };
        });
        return { id: tr.dataset.overview, display: getComputedStyle(tr).display, c };
      });
      return { sideways: wrap.scrollWidth - wrap.clientWidth, rows };
    `);
    assert.equal(got.sideways, 0, 'the overview scrolls sideways');
    assert.ok(got.rows.length >= 18);
    for (const { id, display, c } of got.rows) {
      assert.equal(display, 'grid', id);
      const [name, base, target, yours, ref] = c;
      assert.ok(base.top > name.top && Math.abs(base.top - target.top) < 1 && base.right <= target.left, `${id}: baseline and target`);
      assert.ok(yours.top > base.top && Math.abs(yours.top - ref.top) < 1, `${id}: the projections`);
      for (const x of [base, target, yours, ref]) assert.ok(x.text >= x.top + 8, `${id}: a figure without its name above it`);
    }
    await noErrors(d);
  } finally {
    await close();
  }
});

for (const sandbox of ['', 'sandbox="allow-scripts"']) {
  test(`the embed view works in an iframe ${sandbox || '(no sandbox)'} on another site`, async () => {
    const src = `${server.url}?embed=base_stations_5g#g.base_stations_5g=10&lang=en`;
    // The host page is served from another origin, as a think tank's page would be.
    const host = await serve(null, {
      '/': `<!doctype html><html><head><title>host</title></head><body><script>
        window.heights = [];
        addEventListener('message', (e) => { if (e.data && e.data.type === 'plansim:height') window.heights.push(e.data.height); });
      </script><iframe id="f" ${sandbox} src="${src}" width="600" height="300" style="border:0"></iframe></body></html>`,
    });
    try {
      d = await session(driver);
      await d.get(host.url);
      const h = await waitFor(d, 'return window.heights.length > 0 && Math.max(...window.heights) > 300 && Math.max(...window.heights)',
        [], 30000, 'the embed to post its height');
      assert.ok(h > 300 && h < 3000, `height ${h}`);
      await noErrors(d, 'the host page');
      await d.switchTo().frame(await d.findElement(By.css('#f')));
      await waitFor(d, 'return document.querySelector(\'[data-embed="base_stations_5g"]\') !== null', [], 10000, 'the embed');
      assert.equal(await until(d, 'base_stations_5g', 'verdict', 'miss'), 'miss');
      assert.equal(await d.executeScript('return document.querySelector(\'[data-role="summary"]\')'), null, 'no page chrome');
      const links = await d.executeScript('return [...document.querySelectorAll("a[href]")].map((a) => a.href)');
      const full = links.filter((l) => l.endsWith('#v=1&g.base_stations_5g=10&lang=en'));
      assert.equal(full.length, 1, `one link to the full page: ${links.join(' ')}`);
      assert.doesNotMatch(full[0], /embed=/);
      const canvas = await d.findElement(By.css('[data-indicator="base_stations_5g"] canvas'));
      // The frame is 300 px tall and the chart is drawn as it nears the viewport: scroll to it.
      await d.executeScript('arguments[0].scrollIntoView({ block: "center" })', canvas);
      const stats = await waitFor(d, `const s = (function () { ${CANVAS_STATS} }).apply(null, arguments); return s.ink > 0.01 ? s : null;`, [canvas], 5000, 'the chart');
      assert.ok(stats.colour > 100, 'the chart is drawn');
      await noErrors(d, 'the embed');
    } finally {
      await host.close();
    }
  });
}

test('the single file runs from file:// with no server', async () => {
  const single = join(root, 'dist-single', 'plansim.html');
  // As built, with no hook: it renders and answers.
  d = await session(driver);
  await d.get(`${pathToFileURL(single).href}#g.gdp=20&lang=en`);
  await ready(d);
  assert.equal(await until(d, 'de_share', 'verdict', 'miss'), 'miss');
  // The same file with the error hook first in its head: a slider still works and nothing fails.
  const dir = join(root, 'target', 'webkit-single');
  await mkdir(dir, { recursive: true });
  const hooked = join(dir, 'plansim.html');
  await writeFile(hooked, withErrorHook(await readFile(single, 'utf8')));
  await d.get(`${pathToFileURL(hooked).href}#g.gdp=20&lang=en`);
  await ready(d);
  assert.equal(await until(d, 'de_share', 'verdict', 'miss'), 'miss');
  await d.findElement(By.css('#g-de_value_added')).sendKeys(Key.END);
  assert.equal(await until(d, 'de_share', 'verdict', 'hit'), 'hit');
  assert.equal(await value(d, 'digital_trade', 'verdict'), 'needs-baseline');
  await noErrors(d, 'the single file');
});
