// End-to-end (issue 11, part B): exports that describe themselves (SVG, PNG,
// CSV parsed back) and charts whose values can be read by pointer and keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, ready, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash, opts = {}) {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + hash);
  await ready(page);
  return { context, page, errors };
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

/** RFC 4180 records: quoted fields, doubled quotes, line breaks inside quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  assert.equal(quoted, false, 'no unclosed quote');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The text of every <text> in an SVG, with its font size. */
function svgTexts(svg) {
  return [...svg.matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/text>/g)]
    .map((m) => ({ size: Number(m[1]), text: m[2].trim().replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&quot;/g, '"') }));
}

test('a chart SVG names its goal, scenario, verdict, source and permalink, all text at least 12 px', async () => {
  const { context, page, errors } = await open('#g.gdp=6&g.de_value_added=10&lang=en');
  const card = page.locator('[data-indicator="de_share"]');
  const svg = (await download(page, () => card.locator('[data-export="svg"]').click())).body.toString('utf8');
  assert.match(svg, /^<svg/);
  const texts = svgTexts(svg);
  const all = texts.map((t) => t.text).join(' ');
  assert.match(all, /Digital economy value added, share of GDP/, 'the title');
  assert.match(all, /Scenario: Gross domestic product \(GDP\) \+6% a year, nominal/, 'the scenario sentence');
  assert.match(all, /Digital economy value added\s+\+10% a year/);
  assert.match(all, /Projected 2025: 5\d\.\d%, Missed/, 'the verdict');
  assert.match(all, /reported pace: 5\d\.\d%/i, 'the reference beside it');
  assert.match(all, /浙政办发〔\s*2021〕\s*35号; published values: /, 'the source line');
  assert.match(all, /plansim · http:\/\/127\.0\.0\.1:\d+\/#v=1&g\.gdp=6&g\.de_value_added=10&lang=en/, 'the permalink');
  for (const label of ['Projection', 'Target 2025', 'Reported', '50/80/95% of futures']) {
    assert.ok(texts.some((t) => t.text === label), `legend: ${label}`);
  }
  for (const t of texts) assert.ok(t.size >= 12, `${t.text} at ${t.size}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the PNG is the same figure at twice the size, and the ▲ marker has its legend entry', async () => {
  const { context, page } = await open('#lang=en');
  const card = page.locator('[data-indicator="base_stations_5g"]');
  const png = await download(page, () => card.locator('[data-export="png"]').click());
  assert.equal(png.name, 'plansim-base_stations_5g.png');
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const svg = (await download(page, () => card.locator('[data-export="svg"]').click())).body.toString('utf8');
  const [, w, h] = svg.match(/<svg width="(\d+)" height="(\d+)"/).map(Number);
  assert.equal(png.body.readUInt32BE(16), 2 * w, 'twice the SVG width');
  assert.equal(png.body.readUInt32BE(20), 2 * h, 'twice the SVG height: header and footer included');
  assert.ok(h > 400, `a header and footer around the chart: ${h}`);
  const texts = svgTexts(svg).map((t) => t.text);
  // The 5G card holds a value published as "more than": a ▲ in the plot and one in the legend.
  assert.ok(svg.match(/<polygon/g).length >= 2, 'the ▲ marker and its key');
  assert.ok(texts.some((t) => /more than/.test(t)), 'a lower bound (▲) is explained in the legend');
  await context.close();
});

test('the CSV parses back: one table, the scenario and the reference on every row, sources and links', async () => {
  const { context, page } = await open('#g.gdp=6&g.de_value_added=10&p.gdp.2022=-2&lang=en');
  await page.click('details.share > summary');
  const csv = await download(page, () => page.click('[data-export="csv"]'));
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parseCsv(csv.body.toString('utf8').replace(/^\uFEFF/, ''));
  const [head, ...body] = rows;
  for (const r of body) assert.equal(r.length, head.length, r.join('|'));
  const col = (name) => { const i = head.indexOf(name); assert.ok(i >= 0, name); return i; };
  const share = body.find((r) => r[0] === 'de_share' && r[col('year')] === '2025');
  assert.match(share[col('value')], /^\d+\.\d{2}$/, 'rounded to what the data support');
  assert.match(share[col('reference')], /^reported pace$/i, 'the reference by its name');
  assert.match(share[col('reference_value')], /^\d+\.\d{2}$/);
  assert.match(share[col('scenario')], /\(GDP\) \+6% a year, nominal.*2022 -2/);
  assert.match(share[col('link')], /#v=1&g\.gdp=6/);
  for (const r of body) {
    for (const c of ['value', 'reference_value', 'growth']) {
      assert.ok(!/\.\d{4,}/.test(r[col(c)]), `${c} in ${r[0]} ${r[col('year')]}: ${r[col(c)]}`);
    }
  }
  // pandas, where this machine has it (PLANSIM_PYTHON names another interpreter): a plain read_csv.
  const python = process.env.PLANSIM_PYTHON ?? 'python3';
  if (spawnSync(python, ['-c', 'import pandas']).status === 0) {
    const file = join(root, 'target', 'e2e-scenario.csv');
    await writeFile(file, csv.body);
    const out = spawnSync(python, ['-c', `import pandas, sys
df = pandas.read_csv(sys.argv[1])
row = df[(df.id == "de_share") & (df.year == 2025)].iloc[0]
print(df.shape[1], df["value"].dtype, row["reference"], round(float(row["value"]), 2) == float(row["value"]))`, file], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout.trim().toLowerCase(), `${head.length} float64 reported pace true`);
  }
  const gdp2022 = body.find((r) => r[0] === 'gdp' && r[col('year')] === '2022');
  assert.equal(gdp2022[col('growth')], '-2.00', 'the year set on its own');
  const sourced = body.filter((r) => r[col('reported_value')] !== '');
  assert.ok(sourced.length >= 5, `${sourced.length} reported values`);
  for (const r of sourced) assert.ok(r[col('reported_source')].length > 0);
  assert.ok(sourced.some((r) => /^https?:\/\//.test(r[col('reported_url')])));
  await context.close();
});

test('values are read out on hover and by keyboard', async () => {
  const { context, page, errors } = await open('#lang=en');
  const card = page.locator('[data-indicator="software_revenue"]');
  await card.scrollIntoViewIfNeeded();
  const canvas = card.locator('canvas.chart');
  const readout = card.locator('[data-role="readout"]');
  assert.equal(await readout.getAttribute('aria-live'), 'polite');
  assert.match(await readout.textContent(), /Arrow keys/);
  // Keyboard: focus starts on the last year; the left arrow steps back.
  await canvas.focus();
  await page.waitForFunction(() => document.querySelector('[data-indicator="software_revenue"] canvas.chart').dataset.focus === '2025');
  assert.match(await readout.textContent(), /^2025 · Projection [\d,.]+ CNY 100 million/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-indicator="software_revenue"] canvas.chart').dataset.focus === '2022');
  assert.match(await readout.textContent(), /^2022 · Projection [\d,.]+ CNY 100 million · Reference: reported pace [\d,.]+ CNY 100 million · Reported [\d,.]+ CNY 100 million/);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-indicator="software_revenue"] canvas.chart').dataset.focus === '2020');
  await canvas.blur();
  // Pointer: the year under it.
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await page.waitForFunction(() => document.querySelector('[data-indicator="software_revenue"] canvas.chart').dataset.focus);
  const year = Number(await canvas.getAttribute('data-focus'));
  assert.ok(year >= 2022 && year <= 2024, `${year}`);
  assert.match(await readout.textContent(), new RegExp(`^${year} · Projection`));
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector('[data-indicator="software_revenue"] canvas.chart').dataset.focus);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the headline chart is taller than a card chart and not flatter than 2.2:1', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page } = await open('#lang=zh', { viewport });
    const size = async (id) => (await page.locator(`[data-indicator="${id}"] canvas.chart`).boundingBox());
    const head = await size('de_share');
    const card = await size('base_stations_5g');
    assert.ok(head.width / head.height <= 2.2, `headline ${head.width}x${head.height}`);
    assert.ok(head.height >= card.height, `headline ${head.height} vs card ${card.height}`);
    await context.close();
  }
});
