import { serve, launch, ready } from './harness.mjs';
import { writeFile } from 'node:fs/promises';
const server = await serve(); const browser = await launch();
for (const lang of ['en','zh']) {
  const page = await browser.newPage({ viewport: { width: 733, height: 1077 } });
  await page.goto(`${server.url}#g.gdp=6&g.de_value_added=10&lang=${lang}`); await ready(page);
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(500);
  await writeFile(`/tmp/handout-${lang}.pdf`, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  await page.screenshot({ path: `/tmp/handout-${lang}.png`, fullPage: true });
  console.log(lang, await page.evaluate(() => document.querySelector('.handout-sheet').getBoundingClientRect().height));
}
await browser.close(); await server.close();
