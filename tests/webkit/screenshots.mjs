// Takes the pictures of docs/screenshots/ in WebKit, to hold beside Chromium's (not part of the suite).
// Usage: tests/webkit/run --screenshots [OUTDIR]   (serves dist/; needs `trunk build --release` first)
// Desktop views are the window's viewport; phone and embed views are iframes of that size at the
// top-left of a 1280×900 window, as the MiniBrowser window cannot be narrower than about 450 px.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { framed, ready, serve, session, startDriver, viewport } from './harness.mjs';

const out = resolve(process.argv[2] ?? 'webkit-screenshots');
await mkdir(out, { recursive: true });
const server = await serve();
const driver = await startDriver();
const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
const views = [
  ['desktop-zh', '#lang=zh', 1280, 900],
  ['desktop-en', '#lang=en', 1280, 900],
  ['phone-zh', '#lang=zh', 390, 844],
  ['phone-en', '#lang=en', 390, 844],
  ['embed-en', '?embed=base_stations_5g#lang=en', 720, 760],
];
try {
  for (const [name, link, w, h] of views) {
    const d = await session(driver, { width: 1280, height: 900 });
    try {
      let png;
      if (w >= 1000) {
        await viewport(d, w, h);
        await d.get(server.url + link);
        await (link.includes('embed=') ? wait(0) : ready(d));
        await wait(1500); // charts near the viewport are drawn after the first render
        png = await d.takeScreenshot();
      } else {
        const close = await framed(d, server.url + link, w, h);
        await wait(link.includes('embed=') ? 3000 : 0);
        if (!link.includes('embed=')) await ready(d);
        await wait(1500);
        await d.switchTo().defaultContent();
        // The whole window, with the view at its top-left: WebKitWebDriver's element screenshot of
        // an iframe comes out shifted, with a black band at the top.
        png = await d.takeScreenshot();
        await close();
      }
      await writeFile(join(out, `${name}.png`), Buffer.from(png, 'base64'));
      console.log(`wrote ${join(out, `${name}.png`)} (${w}×${h})`);
    } finally {
      await d.quit();
    }
  }
} finally {
  driver.stop();
  await server.close();
}
