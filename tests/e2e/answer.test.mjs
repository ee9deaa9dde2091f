// End-to-end (issue 7): the answer first, and presets that behave.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready, until, value } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '', opts = {}) {
  const context = await browser.newContext({ locale: opts.locale ?? 'zh-CN', viewport: opts.viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page, errors };
}

for (const [locale, miss, ended] of [
  ['en-US', /At the pace published so far, .* reaches about 56\.\d\s%.*short of.*Paces published so far: .*nominal.*2020–2023/, /plan period ended in 2025/],
  ['zh-CN', /按已公布数据的节奏，.*约为56\.\d%，达不到.*已公布节奏：.*\+12\.7%\/年.*名义.*2020–2023/, /规划期已于2025年结束/],
]) {
  test(`on first open (${locale}) the hero states the miss at the reported pace, above everything`, async () => {
    const { context, page, errors } = await open('', { locale, viewport: { width: 390, height: 844 } });
    const hero = page.locator('[data-role="hero"]');
    assert.equal(await hero.getAttribute('data-verdict'), 'miss');
    const text = await hero.textContent();
    assert.match(text, miss);
    assert.match(text, /2024/, 'says how old the data are');
    // The clock says 2026 or later here: the period is over, and no 2025 value is in plansim's data yet.
    assert.equal(await hero.getAttribute('data-period-ended'), 'true');
    assert.match(text, ended);
    // Largest text on the page, and above the tally.
    const sizes = await page.evaluate(() => {
      const px = (el) => parseFloat(getComputedStyle(el).fontSize);
      const hero = px(document.querySelector('.hero-main'));
      const others = [...document.querySelectorAll('body *:not(.hero-main)')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .filter((e) => e.offsetParent !== null && !e.closest('.hero-main'))
        .map(px);
      return { hero, max: Math.max(...others) };
    });
    assert.ok(sizes.hero > sizes.max, `hero ${sizes.hero}px, largest other ${sizes.max}px`);
    const above = await page.evaluate(() => document.querySelector('[data-role="hero"]').getBoundingClientRect().top
      < document.querySelector('[data-role="summary"]').getBoundingClientRect().top);
    assert.ok(above, 'the hero comes before the tally');
    // The page agrees with it: the reported pace is the pressed preset, and the headline card misses.
    assert.equal(await page.getAttribute('[data-preset="reported"]', 'aria-pressed'), 'true');
    assert.equal(await until(page, 'de_share', 'verdict', 'miss'), 'miss');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a link without growths opens on the defaults, as before; the hero still states the published pace', async () => {
  const { context, page } = await open('#lang=en');
  assert.equal(await until(page, 'de_share', 'verdict', 'hit'), 'hit');
  assert.equal(await page.getAttribute('[data-role="hero"]', 'data-verdict'), 'miss');
  for (const k of ['reported', 'plan', 'trend']) {
    assert.equal(await page.getAttribute(`[data-preset="${k}"]`, 'aria-pressed'), 'false', k);
  }
  await context.close();
});

test('presets never stack, show as pressed, read "custom" after a hand change, and say what they do', async () => {
  const { context, page } = await open('#lang=en');
  const inputs = () => page.$$eval('input.num[id^="n-"]', (els) => Object.fromEntries(els.map((e) => [e.id, e.value])));
  await page.click('[data-preset="trend"]');
  await page.waitForFunction(() => document.querySelector('[data-preset="trend"]').getAttribute('aria-pressed') === 'true');
  const trendAlone = await inputs();
  assert.match(await page.textContent('[data-role="preset-desc"]'), /Past trend: .*real vs nominal/);
  await page.click('[data-preset="reported"]');
  await page.waitForFunction(() => document.querySelector('#n-gdp').value === '8.54');
  assert.match(await page.textContent('[data-role="preset-desc"]'), /Reported pace: /);
  assert.equal(await page.getAttribute('[data-preset="trend"]', 'aria-pressed'), 'false');
  await page.click('[data-preset="trend"]');
  await page.waitForFunction(() => document.querySelector('[data-preset="trend"]').getAttribute('aria-pressed') === 'true');
  assert.deepEqual(await inputs(), trendAlone, 'trend after reported is trend alone');
  // The plan's pace hits every target it can; a hand change after it reads "custom".
  await page.click('[data-preset="plan"]');
  assert.equal(await until(page, 'de_share', 'verdict', 'hit'), 'hit');
  const summary = page.locator('[data-role="summary"]');
  assert.equal(await summary.getAttribute('data-hit'), await summary.getAttribute('data-total'));
  await page.fill('#n-dc_racks', '1');
  await page.locator('#n-dc_racks').blur();
  await page.waitForFunction(() => document.querySelector('[data-role="custom"]').dataset.on === 'true');
  for (const k of ['reported', 'plan', 'trend']) {
    assert.equal(await page.getAttribute(`[data-preset="${k}"]`, 'aria-pressed'), 'false', k);
  }
  assert.match(await page.textContent('[data-role="preset-desc"]'), /Custom/);
  assert.equal(await value(page, 'dc_racks', 'verdict'), 'miss');
  await context.close();
});

test('growth is marked nominal where it is typed', async () => {
  const { context, page } = await open('#lang=en');
  assert.match(await page.textContent('[data-growth="gdp"]'), /nominal/);
  await context.close();
});

test('each card and the summary hold the reader against the reference (reported pace)', async () => {
  const { context, page } = await open('#lang=en');
  // Defaults: the reader hits the headline, the reference misses it.
  assert.equal(await until(page, 'de_share', 'verdict', 'hit'), 'hit');
  const ref = page.locator('[data-indicator="de_share"] [data-role="reference"]');
  assert.equal(await ref.getAttribute('data-verdict'), 'miss');
  assert.ok(Math.abs(Number(await ref.getAttribute('data-value')) - 56.6) < 0.2);
  const summary = page.locator('[data-role="summary"]');
  assert.ok(Number(await summary.getAttribute('data-reference-hit')) < Number(await summary.getAttribute('data-hit')));
  assert.match(await page.textContent('[data-role="differs"]'), /share of GDP/);
  // At the reported pace the two agree: nothing differs.
  await page.click('[data-preset="reported"]');
  assert.equal(await until(page, 'de_share', 'verdict', 'miss'), 'miss');
  assert.equal(await summary.getAttribute('data-reference-hit'), await summary.getAttribute('data-hit'));
  assert.equal(await page.$('[data-role="differs"]'), null);
  await context.close();
});

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`the overview table lists every target, filters misses, and its links land on visible cards (${viewport.width}px)`, async () => {
    const { context, page } = await open('', { viewport });
    const rows = await page.$$eval('[data-overview]', (els) => els.map((e) => e.dataset.overview));
    const targets = await page.$$eval('[data-indicator] [data-role="verdict"]', (els) => els.length);
    assert.ok(rows.length >= 18 && rows.includes('de_share'), `${rows.length} rows`);
    assert.equal(await page.$$eval('.overview table thead th[scope="col"]', (e) => e.length), 6);
    await page.check('[data-role="misses-only"]');
    const misses = await page.$$eval('[data-overview]', (els) => els.map((e) => e.dataset.verdict));
    assert.ok(misses.length > 0 && misses.length < rows.length, `${misses.length} of ${rows.length} (cards: ${targets})`);
    assert.ok(misses.every((v) => v === 'miss'));
    for (const id of ['de_share', await page.$eval('[data-overview]:last-child', (e) => e.dataset.overview)]) {
      await page.click(`[data-overview="${id}"] a`);
      await page.waitForTimeout(300);
      const pos = await page.evaluate((id) => {
        const header = document.querySelector('header.top').getBoundingClientRect();
        const card = document.getElementById(`ind-${id}`).getBoundingClientRect();
        return { header: header.bottom, card: card.top, h: innerHeight };
      }, id);
      assert.ok(pos.card >= pos.header - 1 && pos.card < pos.h, `${id}: card top ${pos.card}, header bottom ${pos.header}`);
    }
    await context.close();
  });

}

// Where six columns did not fit (390 px in English: 389 px of sideways scroll; up to ~800 px), the
// projections and verdicts lay off the screen to the right. There each row is now a block: the name,
// the figures two by two, each under its column's name, then the verdicts; a wide table stays a
// table, a row a line, under a visible head. Either way it is a table to assistive technology.
for (const [width, lang, stacked] of [[390, 'en', true], [700, 'en', true], [1280, 'zh', false]]) {
  test(`the overview shows every figure of a row on the screen, each named (${width}px, ${lang})`, async () => {
    const { context, page } = await open(`#lang=${lang}`, { viewport: { width, height: 844 } });
    const cdp = await context.newCDPSession(page);
    const heads = await page.$$eval('.overview thead th', (ths) => ths.map((th) => th.textContent));
    assert.equal(await page.$eval('.overview .table-wrap', (w) => w.scrollWidth - w.clientWidth), 0, 'the table scrolls sideways');
    assert.equal(await page.$eval('.overview thead', (h) => h.getBoundingClientRect().height > 2), !stacked, 'the head is shown on a wide screen only');
    const ids = await page.$$eval('tr[data-overview]', (trs) => trs.map((tr) => tr.dataset.overview));
    assert.ok(ids.length >= 18);
    for (const id of ids) {
      const r = await page.evaluate((id) => {
        const tr = document.querySelector(`tr[data-overview="${id}"]`);
        tr.scrollIntoView({ block: 'center' });
        const box = document.querySelector('.overview .table-wrap').getBoundingClientRect();
        const cells = [...tr.children].map((c) => {
          const b = c.getBoundingClientRect();
          // where the cell's own text is drawn, and whether it is what shows there
          const range = document.createRange();
          range.selectNodeContents(c);
          const t = [...range.getClientRects()].find((q) => q.width > 0);
          const hit = t && document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
          return {
            left: b.left, right: b.right, top: b.top,
            textTop: t ? t.top : NaN, textLeft: t ? t.left : NaN,
            seen: !!hit && c.contains(hit),
            label: c.tagName === 'TD' ? getComputedStyle(c, '::before').content : null,
          };
        });
        return { box: { left: box.left, right: box.right }, cells };
      }, id);
      const [name, base, target, yours, ref, verdict] = r.cells;
      for (const [k, c] of r.cells.entries()) {
        assert.ok(c.left >= r.box.left - 1 && c.right <= r.box.right + 1, `${id}: column ${k} outside the table's box`);
        assert.ok(c.seen, `${id}: column ${k}'s text is not what shows where it is drawn`);
      }
      if (stacked) {
        // the name above, the figures two by two, the verdicts under them
        assert.ok(base.top > name.top && Math.abs(base.top - target.top) < 1 && base.right <= target.left, `${id}: baseline and target`);
        assert.ok(yours.top > base.top && Math.abs(yours.top - ref.top) < 1 && yours.right <= ref.left, `${id}: the projections`);
        assert.ok(verdict.top > yours.top, `${id}: the verdicts`);
        // each figure drawn under its name (the verdicts' beside it), the names the columns' own
        for (const c of [base, target, yours, ref]) assert.ok(c.textTop >= c.top + 8, `${id}: a figure has no name drawn above it`);
        assert.ok(verdict.textLeft >= verdict.left + 40, `${id}: the verdicts have no name drawn before them`);
        const want = [heads[1], heads[2], null, null, heads[5]];
        r.cells.slice(1).forEach((c, k) => want[k] && assert.ok(c.label.includes(want[k]), `${id}: label ${c.label}, not ${want[k]}`));
      } else {
        assert.ok(r.cells.every((c) => Math.abs(c.top - name.top) < 1), `${id}: not one line`);
        assert.ok(r.cells.slice(1).every((c) => c.label === 'none' || c.label === 'normal'), `${id}: labels on a wide screen`);
      }
    }
    // what assistive technology is told: a table of rows, a row header and cells, whose names are
    // the figures alone (the drawn column names are silent)
    const ax = async (selector) => {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      return { role: nodes[0].role?.value, name: nodes[0].name?.value ?? '' };
    };
    assert.equal((await ax('.overview table')).role, 'table');
    assert.equal((await ax('tr[data-overview]')).role, 'row');
    assert.equal((await ax('tr[data-overview] th')).role, 'rowheader');
    const cell = await ax('tr[data-overview] td');
    assert.equal(cell.role, 'cell');
    assert.ok(!cell.name.includes(heads[1]), `the first cell is named "${cell.name}"`);
    await context.close();
  });
}

// A baseline the reader entered (where the plan prints "/") is what the projections start from: the
// overview shows it, marked as entered, as the card does, not "/" beside a projected value; and in
// English in the units the cards spell out (`65,000 patents`, not `6.50 10,000 patents`).
test('the overview shows a baseline the reader entered, marked as entered', async () => {
  const { context, page } = await open('#b.digital_trade=9000&lang=en', { viewport: { width: 1280, height: 900 } });
  const cells = () => page.$$eval('tr[data-overview="digital_trade"] td', (tds) => tds.map((td) => td.textContent));
  const [base, , yours] = await cells();
  // the same figure as the card's, in the units the card spells out
  const card = (await page.textContent('[data-indicator="digital_trade"]')).match(/Baseline 2020: (.*?) \(entered\)/);
  assert.ok(card, 'the card names the entered baseline');
  assert.equal(base, `${card[1]} (2020) (entered)`);
  assert.equal(card[1], '900 billion yuan');
  assert.notEqual(yours, '—');
  await context.close();
  // without one, the plan's "/" and no projection
  const other = await open('#lang=en', { viewport: { width: 1280, height: 900 } });
  const [base2, , yours2] = await other.page.$$eval('tr[data-overview="digital_trade"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual([base2, yours2], ['/', '—']);
  const patents = await other.page.$$eval('tr[data-overview="invention_patents"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(patents.slice(0, 2), ['65,000 patents (2020)', '≥ 80,000 patents']);
  await other.context.close();
});

// The card's top is just below the sticky header (when it sticks): within its scroll margin, not
// somewhere down the screen where a part built or laid out above it pushed it.
const landed = (page, id) => page.evaluate((id) => {
  const card = document.getElementById(`ind-${id}`);
  if (!card) return { card: null };
  const header = document.querySelector('header.top').getBoundingClientRect();
  const below = getComputedStyle(document.querySelector('header.top')).position === 'sticky' ? header.bottom : 0;
  const top = card.getBoundingClientRect().top;
  return { card: top, ok: top >= below - 1 && top <= below + parseFloat(getComputedStyle(card).scrollMarginTop) + 1 };
}, id);
// Waits (up to 2 s, or `timeout` ms) for the card to have landed, then says where it is.
const landing = async (page, id, timeout = 2000) => {
  await page.waitForFunction(async (id) => {
    const card = document.getElementById(`ind-${id}`);
    if (!card) return false;
    const header = document.querySelector('header.top');
    const below = getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    const top = card.getBoundingClientRect().top;
    return top >= below - 1 && top <= below + parseFloat(getComputedStyle(card).scrollMarginTop) + 1;
  }, id, { timeout }).catch(() => {});
  return landed(page, id);
};

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`a link to a card in the folded list opens the list and lands on the card (${viewport.width}px)`, async () => {
    const { context, page } = await open('', { viewport });
    const id = await page.$eval('details.more [id^="ind-"]', (e) => e.id.slice('ind-'.length));
    assert.equal(await page.$eval(`#ind-${id}`, (e) => e.closest('details').open), false, 'folded at first');
    await page.click(`[data-overview="${id}"] a`);
    const pos = await landing(page, id);
    assert.equal(await page.$eval(`#ind-${id}`, (e) => e.closest('details').open), true, 'the list was opened');
    assert.ok(pos.ok, `${id}: card top ${pos.card}`);
    await context.close();
  });
}

// A reader copies a target's link from the summary or the overview: the address ends `#ind-<id>`.
// Opened, it reads as the bare address does (the pace published so far, nothing "skipped") and goes
// to the card, in the folded list too; with a scenario beside it, the scenario applies; typed on
// the page, it goes there and the scenario stays.
for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`a copied link to a card opens the page at the card (${viewport.width}px)`, async () => {
    const probe = await open('', { viewport });
    const id = await probe.page.$eval('details.more [id^="ind-"]', (e) => e.id.slice('ind-'.length));
    const href = await probe.page.$eval(`[data-overview="${id}"] a`, (a) => a.href);
    await probe.context.close();
    assert.ok(href.endsWith(`#ind-${id}`), href);
    const first = await open(`#ind-${id}`, { viewport });
    const pos = await landing(first.page, id, 8000);
    assert.ok(pos.ok, `${id}: card top ${pos.card}`);
    assert.equal(await first.page.$eval('[data-preset="reported"]', (b) => b.getAttribute('aria-pressed')), 'true', 'not the first visit\'s scenario');
    assert.equal(await first.page.$('[data-role="notices"]'), null, 'a notice');
    await first.context.close();
    // a scenario beside the anchor applies, and the anchor still leads to the card
    const { context, page } = await open(`#g.gdp=6&lang=en&ind-${id}`, { viewport });
    assert.ok((await landing(page, id, 8000)).ok, 'with a scenario');
    assert.equal(Number(await page.inputValue('#g-gdp')), 6);
    assert.equal(await page.$('[data-role="notices"]'), null, 'a notice with a scenario');
    // typed on the page (the reader's wheel first, which ends the page's own scroll): the page goes
    // to the card, and the scenario stays, in the page and in the address
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, -20000);
    await page.waitForFunction(() => scrollY === 0, null, { timeout: 3000 }).catch(() => {});
    await page.evaluate(() => { location.hash = 'ind-de_share'; });
    assert.ok((await landing(page, 'de_share', 8000)).ok, 'typed on the page');
    assert.equal(Number(await page.inputValue('#g-gdp')), 6);
    await page.waitForFunction(() => !location.hash.includes('ind-'), null, { timeout: 2000 }).catch(() => {});
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /g\.gdp=6/, hash);
    assert.doesNotMatch(hash, /ind-/, hash);
    await context.close();
  });
}

test('a link clicked before its card is built lands on it once it is', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The summary's first link is clicked as soon as it is in the document, in the same task: the
  // cards are built just after the first screen (issue 10), each in a task of its own, so its card
  // is not there yet. (The app's link: a first visit is first shown the prerendered screen, inert.)
  await page.addInitScript(() => {
    const mo = new MutationObserver(() => {
      const a = document.querySelector('#app:not([data-prerender]) [data-role="summary"] a[href^="#ind-"]');
      if (!a) return;
      mo.disconnect();
      const id = a.getAttribute('href').slice('#ind-'.length);
      window.__early = { id, existed: !!document.getElementById(`ind-${id}`) };
      a.click();
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  const early = await (await page.waitForFunction(() => window.__early)).jsonValue();
  assert.equal(early.existed, false, 'the card was not built when its link was clicked');
  const id = early.id;
  await ready(page);
  const pos = await landing(page, id);
  // On the screen, under the header: usually at its scroll margin, but the parts still being built
  // around it can leave it lower (seen: 1 run in 3 at 737 px on a 900 px screen).
  const onScreen = await page.evaluate((id) => {
    const r = document.getElementById(`ind-${id}`).getBoundingClientRect();
    const header = document.querySelector('header.top');
    const below = getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    return r.top >= below - 1 && r.top < innerHeight;
  }, id);
  assert.ok(pos.ok || onScreen, `${id}: card top ${pos.card}`);
  await context.close();
});

test('a link never pulls the page back once the reader has scrolled', async () => {
  const { context, page } = await open('', { viewport: { width: 1280, height: 900 } });
  const id = await page.$eval('details.more [id^="ind-"]', (e) => e.id.slice('ind-'.length));
  // The click, then at once (in the same task, well within the link's 600 ms of second looks) the
  // reader's wheel, which scrolls the page up.
  await page.$eval(`[data-overview="${id}"] a`, (a) => {
    a.click();
    dispatchEvent(new WheelEvent('wheel', { deltaY: -700 }));
    scrollBy(0, -700);
  });
  await page.waitForTimeout(900);
  const top = await page.$eval(`#ind-${id}`, (e) => e.getBoundingClientRect().top);
  assert.ok(top > 500, `${id}: the card is at ${top} px, where the reader's scroll put it, not pulled back`);
  await context.close();
});
