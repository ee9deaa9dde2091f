// End-to-end (issue 11a): the printed handout as a PDF (one A4 page in zh and in en, every assumption,
// the reference scenario, the link and its QR code, or "opened from a file"), and English pages without
// Chinese where a translation exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocumentProxy, extractText } from 'unpdf';
import { serve, launch, ready, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SCENARIO = 'g.gdp=6&g.de_value_added=10';

async function open(url) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  return { context, page };
}

/** The page printed to PDF: its page count and its text. */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  // NFKC: the PDF's CJK font maps some characters to their Kangxi-radical forms.
  return { pages: doc.numPages, text: text.normalize('NFKC').replace(/\s+/g, ' ') };
}

for (const lang of ['en', 'zh']) {
  test(`the handout prints on one A4 page in ${lang}, with every assumption, the reference and the link`, async () => {
    const { context, page } = await open(`${server.url}#${SCENARIO}&lang=${lang}`);
    const { pages, text } = await printed(page);
    assert.equal(pages, 1, 'one page');
    const host = new URL(server.url).host;
    if (lang === 'en') {
      assert.match(text, /Assumptions \(growth a year\): GDP \+6%, digital economy \+10%, core industries \+[\d.]+% a year, nominal/);
      assert.match(text, /Reference: [^:]+: GDP \+[\d.]+%, digital economy \+[\d.]+%/);
      assert.match(text, /Growth needed/);
      assert.match(text, /Your answers/);
    } else {
      // Characters the font maps to CJK radicals (长, 见) are left out of what is looked for.
      for (const want of ['假设（每年增速）：', 'GDP +6%，数字经济 +10%', '参照：', 'GDP +8.', '所需年增速', '你的答案']) {
        assert.ok(text.replace(/ /g, '').includes(want.normalize('NFKC').replace(/ /g, '')), `${want} in ${text}`);
      }
    }
    assert.ok(text.replace(/ /g, '').includes(`${host}/`), `the short link ${host}/ is printed`);
    assert.equal(await page.locator('.handout-sheet svg.qr path').count(), 1, 'a QR code');
    // 10 pt at least: every text of the handout, as printed.
    const smallest = await page.$$eval('.handout-sheet *', (els) => Math.min(...els
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((e) => parseFloat(getComputedStyle(e).fontSize))));
    assert.ok(smallest >= 13.3, `smallest handout text ${smallest}px (10 pt = 13.33 px)`);
    await context.close();
  });
}

test('the handout of a baseline the reader entered shows it, and the growth each target needs', async () => {
  const { context, page } = await open(`${server.url}#b.digital_trade=9000&lang=en`);
  await page.emulateMedia({ media: 'print' });
  const row = page.locator('table.handout tr[data-handout-row="digital_trade"]');
  assert.match(await row.locator('td').nth(0).textContent(), /, billion yuan$/);
  assert.equal(await row.locator('td').nth(1).textContent(), '900 (entered)');
  assert.match(await row.locator('[data-role="needed"]').textContent(), /^\+[\d.]+%$/);
  await context.close();
});

test('the handout opened from a file says so instead of a useless link', async () => {
  const file = pathToFileURL(join(root, 'dist-single', 'plansim.html')).href;
  const { context, page } = await open(`${file}#lang=en`);
  const { pages, text } = await printed(page);
  assert.equal(pages, 1);
  assert.match(text, /Opened from a file: this page has no public link\./);
  assert.equal(await page.locator('.handout-sheet svg.qr').count(), 0);
  await context.close();
});

/** Text the plan and its sources give in Chinese, which an English page may quote. */
async function quoted() {
  const plan = JSON.parse(await readFile(join(root, 'seeds', 'zhejiang-digital-economy-14fyp.json'), 'utf8'));
  const out = [plan.document_number];
  // Names and notes in English quote the plan's own terms (“掌上办公”, “左右”).
  for (const i of plan.indicators) out.push(i.name.en, i.section, i.trend?.section, i.note?.en);
  const csv = await readFile(join(root, 'seeds', 'zhejiang-reported-2021-2024.csv'), 'utf8');
  for (const line of csv.split('\n').slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    out.push(cells[5], cells[7]);
  }
  return out.filter(Boolean).sort((a, b) => b.length - a.length);
}

test('the English page and handout hold no Chinese but what the plan and its sources quote', async () => {
  const allowed = await quoted();
  const { context, page } = await open(`${server.url}#b.digital_trade=9000&lang=en`);
  for (const media of ['screen', 'print']) {
    await page.emulateMedia({ media });
    let text = await page.evaluate(() => document.body.innerText);
    for (const q of allowed) text = text.split(q).join(' ');
    // The language switch names Chinese in Chinese.
    const left = [...new Set(text.split('\n').filter((l) => /\p{Script=Han}/u.test(l) && l.trim() !== '中文'))];
    assert.deepEqual(left, [], `${media}: lines with Chinese`);
  }
  await context.close();
});
