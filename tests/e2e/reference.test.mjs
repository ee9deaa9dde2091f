// End-to-end (issue 7): choosing and pinning the reference scenario, `cmp=` links,
// the reference's dashed path on the charts and its name wherever it appears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ready, until, value, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '', opts = {}) {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-US', viewport: opts.viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page, errors };
}

const summary = (page) => page.locator('[data-role="summary"]');
const refOf = (page, id) => page.locator(`[data-indicator="${id}"] [data-role="reference"]`);

/** Waits until the summary's reference tally reads something other than `old`. */
async function refHitChanges(page, old) {
  await page.waitForFunction((o) => document.querySelector('[data-role="summary"]').dataset.referenceHit !== o, old, { timeout: 5000 });
  return summary(page).getAttribute('data-reference-hit');
}

test('each reference can be chosen: the summary, the cards, the table and the control follow', async () => {
  const { context, page, errors } = await open('#lang=en', { viewport: { width: 390, height: 844 } });
  // The default reference is the reported pace, pressed.
  assert.equal(await page.getAttribute('[data-reference="reported"]', 'aria-pressed'), 'true');
  const reportedHit = await summary(page).getAttribute('data-reference-hit');
  const reportedValue = await refOf(page, 'de_share').getAttribute('data-value');
  assert.equal(await refOf(page, 'de_share').getAttribute('data-verdict'), 'miss');
  assert.match(await page.textContent('[data-role="reference-tally"]'), /Reference \(reported pace\)/);

  // Plan pace: every target it can reach is hit; the headline card's reference hits.
  await page.click('[data-reference="plan"]');
  const planHit = await refHitChanges(page, reportedHit);
  assert.equal(planHit, await summary(page).getAttribute('data-reference-total'));
  await page.waitForFunction(() => document.querySelector('[data-indicator="de_share"] [data-role="reference"]').dataset.verdict === 'hit');
  assert.notEqual(await refOf(page, 'de_share').getAttribute('data-value'), reportedValue);
  assert.equal(await page.getAttribute('[data-reference="plan"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-reference="reported"]', 'aria-pressed'), 'false');
  assert.match(await page.textContent('[data-role="reference-tally"]'), /Reference \(plan pace\)/);
  assert.match(await page.textContent('[data-indicator="de_share"] [data-role="reference"]'), /^Reference: plan pace: /);
  assert.match(await page.textContent('[data-role="reference-head"]'), /Reference: plan pace/);
  assert.match(page.url(), /[#&]cmp=plan(&|$)/);

  // Past trend: another value again, named.
  const refValues = () => page.$$eval('[data-role="reference"]', (els) => els.map((e) => e.dataset.value).join());
  const atPlan = await refValues();
  await page.click('[data-reference="trend"]');
  await page.waitForFunction(() => /past trend/.test(document.querySelector('[data-role="reference-tally"]').textContent));
  assert.notEqual(await refValues(), atPlan, 'the cards hold another reference');
  assert.match(await page.textContent('[data-role="reference-tally"]'), /Reference \(past trend\)/);
  assert.match(page.url(), /[#&]cmp=trend(&|$)/);

  // Back to the reported pace: the link carries no cmp at all.
  await page.click('[data-reference="reported"]');
  await page.waitForFunction((v) => document.querySelector('[data-role="summary"]').dataset.referenceHit === v, reportedHit);
  assert.equal(await refOf(page, 'de_share').getAttribute('data-value'), reportedValue);
  assert.doesNotMatch(page.url(), /cmp/);
  // The control fits a phone: nothing wider than the viewport.
  const overflow = await page.evaluate(() => document.querySelector('[data-role="reference-control"]').scrollWidth > window.innerWidth);
  assert.equal(overflow, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pinned scenario is the reference, survives a reload and a language switch, and is in the link', async () => {
  const { context, page } = await open('#g.gdp=6&g.de_value_added=11&lang=en');
  const before = await refOf(page, 'de_share').getAttribute('data-value');
  const mine = await value(page, 'de_share', 'projected');
  await page.click('[data-role="pin-reference"]');
  await page.waitForFunction((m) => document.querySelector('[data-indicator="de_share"] [data-role="reference"]').dataset.value === m, mine);
  assert.notEqual(mine, before);
  assert.equal(await page.getAttribute('[data-reference="pinned"]', 'aria-pressed'), 'true');
  assert.equal(await page.isDisabled('[data-role="pin-reference"]'), true, 'pinning again would change nothing');
  assert.match(page.url(), /cmp=pinned&cmp\.g\.gdp=6&cmp\.g\.de_value_added=11/);
  // Move away from the pin: the reference stays where it was pinned.
  await page.click('[data-preset="plan"]');
  assert.equal(await until(page, 'de_share', 'verdict', 'hit'), 'hit');
  assert.equal(await refOf(page, 'de_share').getAttribute('data-value'), mine);
  assert.match(await page.textContent('[data-role="reference-tally"]'), /Reference \(pinned scenario\)/);
  // Reload: kept.
  await page.reload();
  await ready(page);
  assert.equal(await refOf(page, 'de_share').getAttribute('data-value'), mine);
  assert.equal(await page.getAttribute('[data-reference="pinned"]', 'aria-pressed'), 'true');
  // A language switch keeps it, and names it in Chinese.
  await page.click('header button.lang');
  await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
  assert.equal(await refOf(page, 'de_share').getAttribute('data-value'), mine);
  assert.match(await page.textContent('[data-role="reference-tally"]'), /参照（已固定的情景）/);
  assert.match(await page.textContent('[data-indicator="de_share"] [data-role="reference"]'), /^参照：已固定的情景/);
  // A visit without a link restores it from storage.
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.getAttribute('[data-reference="pinned"]', 'aria-pressed'), 'true');
  assert.equal(await refOf(page, 'de_share').getAttribute('data-value'), mine);
  await context.close();
});

test('a cmp=plan link opens with the plan pace as reference; a link without cmp with the reported pace', async () => {
  const { context, page } = await open('#cmp=plan&lang=en');
  assert.equal(await page.getAttribute('[data-reference="plan"]', 'aria-pressed'), 'true');
  assert.equal(await refOf(page, 'de_share').getAttribute('data-verdict'), 'hit');
  assert.equal(await summary(page).getAttribute('data-reference-hit'), await summary(page).getAttribute('data-reference-total'));
  assert.equal(await page.$('[data-role="notices"] li'), null);
  await page.goto(server.url + '#lang=en');
  await page.waitForFunction(() => document.querySelector('[data-reference="reported"]').getAttribute('aria-pressed') === 'true');
  assert.equal(await refOf(page, 'de_share').getAttribute('data-verdict'), 'miss');
  await context.close();
});

for (const [locale, lang, said] of [['en-US', 'en', /ignored “cmp=junk”.*reference \(cmp=\) must be reported, plan, trend or pinned/],
  ['zh-CN', 'zh', /cmp=junk.*参照情景（cmp=）应为/]]) {
  test(`cmp=junk is named in the reader's language (${lang}) and the rest of the link applies`, async () => {
    const { context, page, errors } = await open(`#g.gdp=6.5&cmp=junk&cmp.g.nope=1&lang=${lang}`, { locale });
    const notices = await page.textContent('.notices');
    assert.match(notices, said);
    assert.equal(await page.inputValue('#n-gdp'), '6.5', 'the rest applies');
    assert.equal(await page.getAttribute('[data-reference="reported"]', 'aria-pressed'), 'true');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the chart draws and names the reference: its accessible text and the SVG export', async () => {
  const { context, page } = await open('#cmp=plan&lang=en');
  const label = await page.getAttribute('[data-indicator="de_share"] canvas', 'aria-label');
  assert.match(label, /Reference: plan pace → 6\d/);
  const [dl] = await Promise.all([page.waitForEvent('download'),
    page.click('[data-indicator="de_share"] [data-export="svg"]')]);
  const svg = (await readFile(await dl.path())).toString('utf8');
  assert.match(svg, /Reference: plan pace/);
  assert.ok((svg.match(/#009E73/g) ?? []).length > 10, 'a dashed path in the reference colour');
  // In the embed view too.
  await page.goto(`${server.url}?embed=de_share#cmp=trend&lang=en`);
  await page.waitForSelector('[data-indicator="de_share"] canvas');
  assert.match(await page.getAttribute('[data-indicator="de_share"] canvas', 'aria-label'), /Reference: past trend → /);
  await context.close();
});

for (const [w, h] of [[1280, 900], [390, 844]]) {
  for (const lang of ['en', 'zh']) {
    test(`screenshot ${w}x${h} ${lang} with the plan pace as reference`, async () => {
      const { context, page } = await open(`#cmp=plan&lang=${lang}`, { viewport: { width: w, height: h } });
      await page.locator('[data-role="reference-control"]').scrollIntoViewIfNeeded();
      const out = join(root, 'target', `e2e-reference-${w}-${lang}.png`);
      await page.screenshot({ path: out });
      await context.close();
    });
  }
}
