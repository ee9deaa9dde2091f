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
await browser.close();
await server.close();
