// Figures, not assertions: how long the release build takes to first render,
// on a desktop and on a throttled "phone" (4x CPU slowdown), median of 5 loads.
import { serve, launch } from './harness.mjs';

const server = await serve();
const browser = await launch();
async function measure(label, { width, height, cpu }) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await page.goto(server.url + '#lang=zh');
    const ms = await page.waitForFunction(() => document.querySelector('[data-role="summary"]') && performance.now(), null, { polling: 5 });
    times.push(await ms.jsonValue());
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} median ${times[2].toFixed(0)} ms  (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
  return times[2];
}
const desk = await measure('first render, 1280x900', { width: 1280, height: 900, cpu: 1 });
const phone = await measure('first render, 390x844, CPU 4x slower', { width: 390, height: 844, cpu: 4 });
console.log(`phone / desktop = ${(phone / desk).toFixed(2)}x`);

// Issue 8: one slider step, input event to the next painted frame (main-thread
// work of the whole update), without uncertainty (u=0) and with it (chances,
// fans, 80% growths, the joint Monte Carlo of 10,000 draws, the maps).
async function step(label, hash) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await page.waitForSelector('[data-role="summary"]');
  const times = await page.evaluate(async () => {
    const el = document.querySelector('#g-gdp');
    const out = [];
    for (let i = 0; i < 21; i++) {
      el.value = String(5 + (i % 7) * 0.5);
      const t0 = performance.now();
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    return out.slice(1).sort((a, b) => a - b);
  });
  await context.close();
  const med = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(40)} median ${med.toFixed(1)} ms  (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`);
  return med;
}
const plain = await step('slider step, u=0 (deterministic)', '#u=0&lang=zh');
const uncertain = await step('slider step, as estimated (u=1)', '#lang=zh');
console.log(`with / without uncertainty = ${(uncertain / plain).toFixed(2)}x`);
await browser.close();
await server.close();
