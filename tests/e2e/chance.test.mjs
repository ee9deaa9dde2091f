// End-to-end (issue 8): the chance of hitting on each card, the uncertainty
// scale and its link part, the summary's expected hits, and the growth for an 80% chance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, value, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '') {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page };
}

/** Verdict by indicator, and chance by indicator. */
async function cards(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-indicator]')].map((c) => ({
    id: c.dataset.indicator,
    verdict: c.querySelector('[data-role="verdict"]')?.dataset.value ?? null,
    chance: c.querySelector('[data-role="chance"]')?.dataset.value ?? null,
  })));
}

/** The chances come in twice (quick draws at once, the full draws once the scenario rests): reads
 * the summary's expected hits and the sum of the judged cards' chances until both show the same
 * set of draws (or 10 s pass), and returns the last two. */
async function fullChances(page) {
  let expected = NaN;
  let sum = 0;
  for (let i = 0; i < 40; i++) {
    expected = Number(await page.getAttribute('[data-role="expected-hits"]', 'data-value'));
    sum = (await cards(page)).filter((c) => c.verdict === 'hit' || c.verdict === 'miss')
      .reduce((s, c) => s + Number(c.chance), 0);
    if (Math.abs(expected - sum) < 1e-6) break;
    await page.waitForTimeout(250);
  }
  return { expected, sum };
}

async function setGrowth(page, id, g) {
  await page.fill(`#n-${id}`, String(g));
  await page.locator(`#n-${id}`).blur();
}

test('every judged card shows a chance in [0, 1] beside its verdict', async () => {
  const { context, page } = await open('#lang=en');
  const all = await cards(page);
  const judged = all.filter((c) => c.verdict === 'hit' || c.verdict === 'miss');
  assert.ok(judged.length >= 10, `${judged.length} judged cards`);
  for (const c of judged) {
    assert.notEqual(c.chance, null, `${c.id} has a chance`);
    const p = Number(c.chance);
    assert.ok(p >= 0 && p <= 1, `${c.id}: ${p}`);
  }
  const text = await page.textContent('[data-indicator="de_share"] [data-role="chance"]');
  assert.match(text, /about \d+ in \d+ \(\d+%\)|certain|no chance/);
  const sigma = await page.getAttribute('[data-indicator="de_share"] [data-sigma]', 'data-sigma');
  assert.ok(Number(sigma) > 0, `σ ${sigma}`);
  const { expected, sum } = await fullChances(page);
  assert.ok(Math.abs(expected - sum) < 1e-6, `expected ${expected} = Σ chances ${sum}`);
  const allHit = Number(await page.getAttribute('[data-role="all-hit"]', 'data-value'));
  assert.ok(allHit >= 0 && allHit <= Math.min(...judged.map((c) => Number(c.chance))) + 0.02);
  await context.close();
});

test('u=0 gives the deterministic page: no chance, the same verdicts', async () => {
  const a = await open('#lang=en');
  const b = await open('#u=0&lang=en');
  const withU = await cards(a.page);
  const without = await cards(b.page);
  assert.deepEqual(without.map((c) => [c.id, c.verdict]), withU.map((c) => [c.id, c.verdict]));
  assert.equal(await b.page.locator('[data-role="chance"]').count(), 0);
  assert.equal(await b.page.locator('[data-role="expected-hits"]').count(), 0);
  assert.equal(await b.page.locator('[data-sigma]').count(), 0);
  assert.equal(await b.page.inputValue('#uncertainty'), '0');
  await a.context.close();
  await b.context.close();
});

test('the scale control and the link carry the scale; a malformed one is named and not applied', async () => {
  const { context, page } = await open('#lang=en');
  const before = Number(await page.getAttribute('[data-indicator="de_share"] [data-sigma]', 'data-sigma'));
  await page.selectOption('#uncertainty', '2');
  await page.waitForFunction(() => location.hash.includes('u=2'));
  const after = Number(await page.getAttribute('[data-indicator="de_share"] [data-sigma]', 'data-sigma'));
  assert.ok(Math.abs(after - 2 * before) < 1e-9, `σ ${before} → ${after}`);
  await context.close();
  const bad = await open('#g.gdp=6&u=banana&lang=en');
  const notice = await bad.page.textContent('[data-role="notices"]');
  assert.match(notice, /u=banana/);
  assert.equal(await bad.page.inputValue('#uncertainty'), '1', 'not applied');
  assert.equal(await bad.page.inputValue('#n-gdp'), '6.0', 'the rest applies');
  assert.ok(await bad.page.locator('[data-role="chance"]').count() > 0);
  await bad.context.close();
});

test('more growth gives a higher chance; the 80% button gives about 80%', async () => {
  const { context, page } = await open('#lang=en');
  const chances = [];
  for (const g of [9, 11, 13, 15]) {
    await setGrowth(page, 'de_value_added', g);
    await page.waitForFunction((g) => document.querySelector('#g-de_value_added')?.value === String(g), g);
    chances.push(Number(await value(page, 'de_share', 'chance')));
  }
  for (let i = 1; i < chances.length; i++) {
    assert.ok(chances[i] > chances[i - 1], `chance rises with growth: ${chances}`);
  }
  await page.click('[data-indicator="de_share"] [data-role="required-80"] button');
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-indicator="de_share"] [data-role="chance"]').dataset.value) - 0.8) < 0.02);
  const p = Number(await value(page, 'de_share', 'chance'));
  assert.ok(p >= 0.8 - 1e-9 && p < 0.82, `chance after "set to 80%": ${p}`);
  await context.close();
});

test('the headline dot plot is drawn and the futures step, play and start over', async () => {
  const { context, page } = await open('#lang=en');
  const panel = page.locator('[data-role="futures"]').first();
  await panel.waitFor();
  const dotsHit = Number(await panel.locator('[data-role="dots"]').getAttribute('data-value'));
  assert.ok(dotsHit >= 0 && dotsHit <= 50);
  const status = panel.locator('[data-role="futures-status"]');
  assert.equal(await status.getAttribute('data-value'), '0');
  await panel.locator('[data-role="futures-step"]').click();
  await panel.locator('[data-role="futures-step"]').click();
  assert.equal(await status.getAttribute('data-value'), '2');
  const first = await status.textContent();
  assert.match(first, /Future 2 of 1000/);
  // The same seed: a fresh page shows the same second future.
  const other = await open('#lang=en');
  const p2 = other.page.locator('[data-role="futures"]').first();
  await p2.locator('[data-role="futures-step"]').click();
  await p2.locator('[data-role="futures-step"]').click();
  // (the first step computes the thousand futures, issue 10: on a busy machine the status may be
  // read before the second step's render; a lost click still fails here)
  await other.page.waitForFunction(() => document.querySelector('[data-role="futures-status"]')?.dataset.value === '2', null, { timeout: 5000 }).catch(() => {});
  assert.equal(await p2.locator('[data-role="futures-status"]').textContent(), first);
  await other.context.close();
  await panel.locator('[data-role="futures-play"]').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-role="futures-status"]').dataset.value) >= 30);
  await panel.locator('[data-role="futures-play"]').click(); // pause
  const paused = await status.getAttribute('data-value');
  await page.waitForTimeout(400);
  assert.equal(await status.getAttribute('data-value'), paused, 'paused');
  const h = Number(await status.getAttribute('data-hits'));
  assert.ok(h >= 0 && h <= Number(paused));
  await panel.locator('[data-role="futures-reset"]').click();
  assert.equal(await status.getAttribute('data-value'), '0');
  await context.close();
});

test('with reduced motion, "run" shows all 1,000 futures at once', async () => {
  const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(server.url + '#lang=en');
  await ready(page);
  await page.locator('[data-role="futures-play"]').first().click();
  // At once, not played: playing takes about 8.6 s to reach 1,000 (and is near 150 at 4 s); a busy
  // machine may take a moment to draw the click's result, so it is awaited, up to 4 s (2 s once
  // timed out in a full run, and in 1 of 3 runs of this test just after; 0 of 28 since).
  await page.waitForFunction(() => document.querySelector('[data-role="futures-status"]')?.dataset.value === '1000', null, { timeout: 4000 });
  assert.equal(await page.getAttribute('[data-role="futures-status"]', 'data-value'), '1000');
  await context.close();
});

test('a jump to a card or a panel lands where it stays (nothing above it takes its height late)', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ locale: 'en-US', viewport });
    const page = await context.newPage();
    await page.goto(server.url + '#lang=en');
    await ready(page);
    // The folded lists of cards opened, as a reader would; then the full chances, which replace the
    // quick ones once the page rests (their text may wrap anew; what is tested is the layout).
    await page.evaluate(() => document.querySelectorAll('details.more:not([open])').forEach((d) => { d.open = true; }));
    const { expected, sum } = await fullChances(page);
    assert.ok(Math.abs(expected - sum) < 1e-6, `the summary and the cards show the same draws (${expected}, ${sum})`);
    // Every futures and trade-off panel, then every card from the last up (each jump lands beside
    // parts no jump has brought to the screen yet).
    const targets = await page.evaluate(() => [
      ...[...document.querySelectorAll('[data-indicator-futures]')].map((f) => `[data-indicator-futures="${f.dataset.indicatorFutures}"] [data-role="futures-play"]`),
      ...[...document.querySelectorAll('[data-tradeoff]')].map((t) => `[data-tradeoff="${t.dataset.tradeoff}"] canvas`),
      ...[...document.querySelectorAll('main .card[data-indicator]')].reverse().map((c) => `[data-indicator="${c.dataset.indicator}"] h3`),
    ]);
    const cards = await page.locator('main .card[data-indicator]').count();
    assert.ok(cards > 10 && targets.length >= cards + 2, `${targets.length} targets`);
    const moved = [];
    for (const sel of targets) {
      // The jump and where it landed, in one task: no frame between them.
      const landed = await page.evaluate((s) => {
        const e = document.querySelector(s);
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        return { top: r.top + scrollY, on: r.bottom > 0 && r.top < innerHeight };
      }, sel);
      assert.ok(landed.on, `${sel} is on the screen after the jump`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));
      const now = await page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top + scrollY, sel);
      if (Math.abs(now - landed.top) > 1) moved.push(`${sel} ${Math.round(now - landed.top)} px`);
    }
    assert.deepEqual(moved, [], `at ${viewport.width} px wide, moved after the jump`);
    await context.close();
  }
});

test('u=0 shows no futures panel', async () => {
  const { context, page } = await open('#u=0&lang=en');
  assert.equal(await page.locator('[data-role="futures"]').count(), 0);
  await context.close();
});

test('the trade-off map: arrow keys and a click set both sliders', async () => {
  const { context, page } = await open('#lang=en');
  const map = page.locator('[data-tradeoff="de_share"] canvas');
  await map.scrollIntoViewIfNeeded();
  await map.focus();
  await map.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('g.gdp=7.1'));
  // The GDP field sits in the headline panel, above the map and maybe farther than 300 px from
  // the screen: such a part takes the rested scenario a few milliseconds after the address does.
  await page.waitForFunction(() => document.querySelector('#n-gdp').value === '7.1');
  assert.equal(await page.inputValue('#n-de_value_added'), '12.5');
  await map.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#n-de_value_added').value === '12.6');
  await map.press('Shift+ArrowDown');
  await page.waitForFunction(() => document.querySelector('#n-de_value_added').value === '11.6');
  assert.equal(await page.inputValue('#n-gdp'), '7.1');
  // A click in the upper left: slower GDP, faster digital economy, so the share is hit.
  const box = await map.boundingBox();
  await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.1);
  await page.waitForFunction(() => Number(document.querySelector('#n-gdp').value) < 7);
  assert.ok(Number(await page.inputValue('#n-de_value_added')) > 12.6);
  assert.equal(await value(page, 'de_share', 'verdict'), 'hit');
  await context.close();
});
