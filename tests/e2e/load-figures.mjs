// Figures, never assertions (issue 10): first render, slider moves and memory of the release
// build, each with its ratio inside this one run. The method is described in README ("Size and
// speed"). Usage:
//   node tests/e2e/load-figures.mjs [DIR]          measures DIR (default dist/)
//   PLANSIM_BENCH_BEFORE=OTHER node ...            also measures the build in OTHER, interleaved
//                                                  (loads alternate; moves run ABBA, pooled), and
//                                                  prints after/before ratios
//   PLANSIM_BENCH_ENGINE=FILE                      `cargo bench --bench engine` output, for the
//                                                  ratio of a slider move to the native model run
//   PLANSIM_BENCH_QUICK=1                          fewer loads and moves (a smoke run)
//   PLANSIM_BENCH_MOVES=1                          slider moves and memory only (no first renders)
//   PLANSIM_BENCH_LOADS=N                          first renders only, N loads of each build per size
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { launch, root } from './harness.mjs';

const quick = process.env.PLANSIM_BENCH_QUICK === '1';
const builds = [['now', resolve(process.argv[2] ?? join(root, 'dist'))]];
if (process.env.PLANSIM_BENCH_BEFORE) builds.push(['before', resolve(process.env.PLANSIM_BENCH_BEFORE)]);

// One server for every build and for the blank page, so that all loads pay the same.
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head>' +
  '<body><p>blank</p><script>requestAnimationFrame(() => { window.__firstRender = window.__appRender = performance.now(); const c = new MessageChannel(); c.port1.onmessage = () => { window.__firstPaint = window.__appPaint = performance.now(); }; c.port2.postMessage(0); });</script></body></html>';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
// The floor of a slider move here: a page whose slider only writes its value into the text beside it,
// measured as the app's sliders are. What a move costs above it is the app's.
const SLIDER = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>slider</title></head><body>' +
  '<input type="range" id="g-floor" min="0" max="100" value="50" aria-label="floor"> <output id="o">50</output>' +
  '<script>document.getElementById("g-floor").addEventListener("input", (e) => { document.getElementById("o").textContent = e.target.value; });</script></body></html>';
// `gzip`: bodies sent gzipped (level 6, as a web server would), for the loads over a slow network,
// where the bytes on the wire are what counts; on loopback they are sent as they are.
const gzipped = new Map();
const serveFiles = (gzip) => createServer(async (req, res) => {
  // (gzipped once per file, before the timed loads ask for it again)
  const send = (type, body, key) => {
    if (!gzip) { res.writeHead(200, { 'content-type': type }).end(body); return; }
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 6 }));
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' }).end(gzipped.get(key));
  };
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (path === '/blank.html') { send(types['.html'], BLANK, path); return; }
  if (path === '/slider.html') { send(types['.html'], SLIDER, path); return; }
  const [, name, ...rest] = path.split('/');
  const dir = builds.find(([n]) => n === name)?.[1];
  if (!dir) { res.writeHead(404).end(); return; }
  let file = join(dir, ...rest);
  if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    send(types[extname(file)] ?? 'application/octet-stream', await readFile(file), file);
  } catch { res.writeHead(404).end(); }
});
const server = serveFiles(false);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const gzServer = serveFiles(true);
await new Promise((ok) => gzServer.listen(0, '127.0.0.1', ok));
const gzBase = `http://127.0.0.1:${gzServer.address().port}/`;
const browser = await launch();

// Put first in every page: the first render is the first frame in which the summary is in the
// document and every chart on or within 300 px of the first screen (the page draws that far ahead)
// is drawn (a canvas given its size), read in that frame's animation-frame callback (where layout
// is due anyway). Charts further down are drawn as they near the viewport, and the parts below the
// first screen are built just after it (issue 10): "every part built" is when none is pending.
// Also: Event Timing entries; the wasm memory.
const probe = () => {
  window.__events = [];
  const drawn = new WeakSet();
  let summary = false, done = false, complete = false, running = false;
  // A task posted from an animation-frame callback runs once that frame's style, layout and paint
  // are done on the main thread: when the frame is painted, but for raster and display.
  const afterPaint = (key) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { window[key] = performance.now(); };
    c.port2.postMessage(0);
  };
  const frame = () => {
    // A first visit is first shown the prerendered first screen (index.html); the app runs once
    // `#app` has lost data-prerender: `__appRender` is the first render of the app itself.
    const app = !document.querySelector('#app[data-prerender]');
    if (!done || !running) {
      const h = innerHeight + 300;
      const near = [...document.querySelectorAll('canvas')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > -300 && r.top < h && r.width > 0;
      });
      const drawnNear = near.every((c) => drawn.has(c));
      if (!done && drawnNear) {
        done = true;
        window.__chartsNear = near.length;
        window.__firstRender = performance.now();
        afterPaint('__firstPaint');
      }
      if (!running && app && drawnNear) {
        running = true;
        window.__appRender = performance.now();
        afterPaint('__appPaint');
      }
    }
    if (!complete && !document.querySelector('[data-pending]')) {
      complete = true;
      window.__complete = performance.now();
    }
    if (done && running && complete) mo.disconnect();
    else requestAnimationFrame(frame);
  };
  const mo = new MutationObserver((ms) => {
    for (const m of ms) if (m.type === 'attributes' && m.target.localName === 'canvas') drawn.add(m.target);
    if (document.querySelector('#app[data-prerender]')) window.__prerendered = true;
    if (!summary && document.querySelector('[data-role="summary"]')) {
      summary = true;
      requestAnimationFrame(() => { window.__summary = performance.now(); frame(); });
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['width'] });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, d: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* no Event Timing */ }
  // Long tasks (50 ms or more) while the page loads: their blocking time (the part over 50 ms, as
  // in Total Blocking Time) and the longest, up to "every part built".
  window.__long = [];
  // Layout shifts without input (Cumulative Layout Shift's entries), up to "every part built".
  window.__shifts = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch { /* no Layout Instability API */ }
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API */ }
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
};

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const med = (xs) => pct(xs, 0.5);
const f0 = (x) => (x == null ? '—' : x.toFixed(0));
const f1 = (x) => (x == null ? '—' : x.toFixed(1));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

async function load(url, { width, height, cpu, net }, locale) {
  const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  await page.addInitScript(probe);
  if (cpu > 1 || net) {
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // A slow mobile network (Chrome DevTools' "Slow 3G"-like: 150 ms latency, 1.6 Mbit/s down).
    if (net) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    }
  }
  await page.goto(url);
  const h = await page.waitForFunction(() => window.__firstRender, null, { timeout: 60000 });
  const t = await h.jsonValue();
  const s = await page.evaluate(() => window.__summary ?? null);
  const near = await page.evaluate(() => window.__chartsNear ?? null);
  const a = await (await page.waitForFunction(() => window.__appRender, null, { timeout: 60000 })).jsonValue();
  const tp = await (await page.waitForFunction(() => window.__firstPaint, null, { timeout: 60000 })).jsonValue();
  const ap = await (await page.waitForFunction(() => window.__appPaint, null, { timeout: 60000 })).jsonValue();
  const pre = await page.evaluate(() => window.__prerendered === true);
  const c = s == null ? null : await (await page.waitForFunction(() => window.__complete, null, { timeout: 60000 })).jsonValue();
  const long = await page.evaluate((until) => window.__long.filter(([at]) => until == null || at <= until), c);
  const cls = await page.evaluate((until) => window.__shifts.filter(([at]) => until == null || at <= until + 100).reduce((a, [, v]) => a + v, 0), c);
  await context.close();
  return { t, s, a, tp, ap, pre, near, c, cls, tbt: long.reduce((a, [, d]) => a + Math.max(0, d - 50), 0), longest: Math.max(0, ...long.map(([, d]) => d)) };
}

// First render: loads of each build and of the blank page interleaved, so that a busy moment of
// this shared machine falls on all of them alike.
const first = {};
const loadsOnly = Number(process.env.PLANSIM_BENCH_LOADS) || 0;
const firstRenders = process.env.PLANSIM_BENCH_MOVES === '1' ? [] : [
  [{ width: 1280, height: 900, cpu: 1, label: '1280x900' }, loadsOnly || (quick ? 3 : 7)],
  [{ width: 390, height: 844, cpu: 4, label: '390x844, CPU 4x slower' }, loadsOnly || (quick ? 2 : 5)]];
for (const [vp, n] of firstRenders) {
  const got = { blank: [] };
  for (const [name] of builds) got[name] = [];
  for (let i = 0; i < n; i++) {
    got.blank.push((await load(base + 'blank.html', vp)).t);
    for (const [name] of builds) got[name].push(await load(`${base}${name}/#lang=zh`, vp));
  }
  first[vp.label] = got;
  const blank = med(got.blank);
  console.log(`first render at ${vp.label}: median of ${n} loads (the first frame with the summary and every chart within 300 px of the first screen drawn)`);
  console.log(`  blank page from the same server     ${f0(blank).padStart(6)} ms`);
  for (const [name] of builds) {
    const t = got[name].map((x) => x.t);
    const m = med(t);
    console.log(`  ${name.padEnd(6)} first render              ${f0(m).padStart(6)} ms  (min ${f0(Math.min(...t))}, max ${f0(Math.max(...t))}; summary alone ${f0(med(got[name].map((x) => x.s)))} ms; charts near the first screen: ${got[name][0].near}; every part built ${f0(med(got[name].map((x) => x.c)))} ms)  = ${(m / blank).toFixed(1)}x blank`);
    console.log(`         until every part built: blocking time of long tasks ${f0(med(got[name].map((x) => x.tbt)))} ms, longest task ${f0(med(got[name].map((x) => x.longest)))} ms (medians; a task under 50 ms is not reported by the browser); layout shift ${med(got[name].map((x) => x.cls)).toFixed(3)} (CLS; median)`);
  }
  if (builds.length > 1) console.log(`  now / before                         ${(med(got.now.map((x) => x.t)) / med(got.before.map((x) => x.t))).toFixed(2)}x`);
}

// A first visit: the page's address alone, a browser in Chinese, nothing stored. index.html shows the
// prerendered first screen at once (a build that has it); the app replaces it when it has started.
// Both figures are taken when the frame is painted (a task posted from its animation-frame callback
// runs after its style, layout and paint), not at the callback as above: a prerendered screen is laid
// out and painted after that callback, and so is the app's first frame (its fonts loaded first).
// "The answer on screen": the first painted frame with the summary (and any chart near the first
// screen drawn), prerendered or not; "the app running": the first such frame of the app itself.
// Also on a slow mobile network, where the files' download is most of the wait.
const firstVisits = firstRenders.length ? [...firstRenders,
  [{ width: 390, height: 844, cpu: 4, net: true, label: '390x844, CPU 4x slower, a slow network (150 ms, 1.6 Mbit/s; files gzipped)' }, loadsOnly ? Math.min(loadsOnly, 5) : (quick ? 1 : 3)]] : [];
for (const [vp, n] of firstVisits) {
  const got = { blank: [] };
  for (const [name] of builds) got[name] = [];
  for (let i = 0; i < n; i++) {
    const b = vp.net ? gzBase : base;
    got.blank.push((await load(b + 'blank.html', vp, 'zh-CN')).tp);
    for (const [name] of builds) got[name].push(await load(`${b}${name}/`, vp, 'zh-CN'));
  }
  const blank = med(got.blank);
  console.log(`first visit at ${vp.label} (the address alone, a browser in Chinese, nothing stored): median of ${n} loads, frames as painted`);
  console.log(`  blank page from the same server     ${f0(blank).padStart(6)} ms`);
  for (const [name] of builds) {
    const t = med(got[name].map((x) => x.tp));
    const a = med(got[name].map((x) => x.ap));
    console.log(`  ${name.padEnd(6)} the answer on screen       ${f0(t).padStart(6)} ms = ${(t / blank).toFixed(1)}x blank  (prerendered screen shown in ${got[name].filter((x) => x.pre).length} of ${got[name].length} loads); the app running ${f0(a)} ms = ${(a / blank).toFixed(1)}x blank; every part built ${f0(med(got[name].map((x) => x.c)))} ms (at the callback)`);
  }
  if (builds.length > 1) {
    const r = (k) => (med(got.now.map((x) => x[k])) / med(got.before.map((x) => x[k]))).toFixed(2);
    console.log(`  now / before: the answer on screen ${r('tp')}x, the app running ${r('ap')}x`);
  }
}

// The native model run, from `cargo bench --bench engine`'s output, for a ratio.
let native = null;
const engine = process.env.PLANSIM_BENCH_ENGINE;
if (engine && existsSync(engine)) {
  const m = readFileSync(engine, 'utf8').match(/slider move: reduce \+ run \+ link\s+(\d+) ns\/op/);
  if (m) native = Number(m[1]) / 1e6;
}

// Slider moves: the keyboard on a focused slider (ArrowRight, then as many ArrowLeft), under a
// Chromium trace. A move's main-thread work is the sum of the main thread's top-level tasks that
// start between its keydown and the end of the first frame committed after it (script, style,
// layout, paint, animation frames: all of it).
// The last row is issue 8's comparison: the same driver without uncertainty (u=0).
const SLIDERS = [['driver (GDP)', 'gdp'], ['level (invention patents)', 'invention_patents'], ['percentage (digitized firms)', 'digitized_firms'], ['driver (GDP), u=0', 'gdp', 'u=0&']];
async function moves(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}${name}/#lang=zh`);
  await page.waitForFunction(() => window.__firstRender, null, { timeout: 60000 });
  await page.waitForTimeout(1500); // the full figures after the first render
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? null);
    return { js: usedSize, wasm };
  };
  const heapLoad = await heap();
  const perType = quick ? 20 : 60;
  const out = {};
  let total = 0;
  let heapMoves = null;
  for (const [label, id, query] of SLIDERS) {
    if (query) {
      await page.goto(`${base}${name}/#${query}lang=zh`);
      await page.reload();
      await page.waitForFunction(() => window.__firstRender, null, { timeout: 60000 });
      await page.waitForTimeout(1500);
    }
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await page.focus(`#g-${id}`);
    await page.waitForTimeout(300);
    const evBefore = await page.evaluate(() => window.__events.length);
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
    for (let i = 0; i < perType; i++) {
      await step(page, i < perType / 2 ? 'ArrowRight' : 'ArrowLeft');
    }
    const evMoves = await page.evaluate(() => window.__events.length);
    // The work the reader's rest sets off (250 ms after the last step): the full chances, the
    // address, the saved scenario, the parts far from the screen catching up. Measured after
    // each of REST_BURSTS bursts of 3 steps.
    for (let b = 0; b < REST_BURSTS; b++) {
      await page.waitForTimeout(1200);
      for (let j = 0; j < 3; j++) {
        await step(page, b % 2 ? 'ArrowLeft' : 'ArrowRight');
      }
    }
    await page.waitForTimeout(1200);
    await cdp.send('Tracing.end');
    await done;
    cdp.removeAllListeners('Tracing.dataCollected');
    total += perType + 3 * REST_BURSTS;
    const ev = await page.evaluate(([a, b]) => window.__events.slice(a, b), [evBefore, evMoves]);
    out[label] = { work: windows(events, perType), ev };
    if (label === SLIDERS[2][0]) {
      // After the three slider types, 200 moves in all, then the heap again.
      for (let i = total; i < 200; i++) {
        await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      }
      await page.waitForTimeout(1500);
      heapMoves = await heap();
    }
  }
  await context.close();
  return { out, heapLoad, heapMoves };
}

const REST_BURSTS = 5;
/** Each of the first `n` keydowns' work, and (`.rest`) the work after each later burst of 3. */
function windows(events, n = Infinity) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
  const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask'));
  const keys = events.filter((e) => onMain(e) && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts).sort((a, b) => a - b);
  const frames = events.filter((e) => onMain(e) && (e.name === 'Commit' || e.name === 'Paint')).map((e) => e.ts + (e.dur ?? 0)).sort((a, b) => a - b);
  const kinds = ['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
  const parts = events.filter((e) => onMain(e) && e.ph === 'X' && kinds.includes(e.name));
  const work = [];
  const split = Object.fromEntries(kinds.map((k) => [k, []]));
  for (const k of keys.slice(0, n)) {
    const end = frames.find((t) => t > k);
    if (end == null) continue;
    // The task holding the keydown starts before it: take every task that overlaps the window.
    const mine = tasks.filter((t) => t.ts + t.dur > k && t.ts < end);
    work.push(mine.reduce((a, t) => a + t.dur, 0) / 1000);
    const from = Math.min(k, ...mine.map((t) => t.ts));
    for (const kind of kinds) split[kind].push(parts.filter((e) => e.name === kind && e.ts >= from && e.ts < end).reduce((a, e) => a + e.dur, 0) / 1000);
  }
  work.split = split;
  // After each burst's last step, from 200 ms on, until the next burst: the rest's work, in all
  // and its longest task.
  const bursts = keys.slice(n);
  work.rest = { total: [], longest: [] };
  for (let b = 2; b < bursts.length; b += 3) {
    const from = bursts[b] + 200_000, to = bursts[b + 1] ?? Infinity;
    const after = tasks.filter((t) => t.ts > from && t.ts < to).map((t) => t.dur / 1000);
    work.rest.total.push(after.reduce((a, d) => a + d, 0));
    work.rest.longest.push(Math.max(0, ...after));
  }
  return work;
}

if (loadsOnly) {
  await browser.close();
  server.close();
  gzServer.close();
  process.exit(0);
}
/** One keyboard step on the focused slider; then the frame after it paints, and a quiet gap. */
async function step(page, key) {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 40)))));
}

/** The same keyboard moves on the floor page's slider, under the same trace. */
async function floorMoves() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}slider.html`);
  await page.focus('#g-floor');
  await page.waitForTimeout(300);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  const n = quick ? 20 : 60;
  for (let i = 0; i < n; i++) {
    await step(page, i < n / 2 ? 'ArrowRight' : 'ArrowLeft');
  }
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  return windows(events);
}

/** Two runs' figures as one: their moves, splits, rests and Event Timing entries pooled. */
function pool(a, b) {
  const work = (x, y) => {
    const w = [...x, ...y];
    w.split = Object.fromEntries(Object.keys(x.split).map((k) => [k, [...x.split[k], ...y.split[k]]]));
    w.rest = { total: [...x.rest.total, ...y.rest.total], longest: [...x.rest.longest, ...y.rest.longest] };
    return w;
  };
  const out = Object.fromEntries(Object.keys(a.out).map((l) => [l, { work: work(a.out[l].work, b.out[l].work), ev: [...a.out[l].ev, ...b.out[l].ev] }]));
  return { out, heapLoad: a.heapLoad, heapMoves: a.heapMoves };
}

// With a build before, the moves run in two rounds, ABBA (now, before, before, now), and each
// build's two runs are pooled: a machine that slows down or speeds up over the minutes the moves
// take weighs on both builds alike (one round each, in turn, once favoured whichever came first
// by 1.2-1.4x either way on this shared machine). The floor is measured at each turn and pooled.
const slid = {};
let floor = await floorMoves();
if (builds.length > 1) {
  const order = ['now', 'before', 'before', 'now'];
  const runs = { now: [], before: [] };
  for (const name of order) {
    runs[name].push(await moves(name));
    const f = await floorMoves();
    const w = [...floor, ...f];
    w.split = floor.split; w.rest = floor.rest;
    floor = w;
  }
  for (const name of ['now', 'before']) slid[name] = pool(runs[name][0], runs[name][1]);
} else {
  for (const [name] of builds) slid[name] = await moves(name);
}
console.log(`\nslider moves at 1280x900 (keyboard on the focused slider; main-thread work from a Chromium trace, keydown to the first frame committed after it)`);
if (native != null) console.log(`  native slider move (reduce + run + link, cargo bench): ${(native * 1000).toFixed(1)} µs`);
console.log(`  floor: a page whose slider only echoes its value   p50 ${f1(med(floor)).padStart(5)} ms  p95 ${f1(pct(floor, 0.95)).padStart(5)} ms  (${floor.length} moves; the input's dispatch and the frame, nothing of plansim)`);
for (const [label] of SLIDERS) {
  for (const [name] of builds) {
    const { work, ev } = slid[name].out[label];
    const p50 = med(work), p95 = pct(work, 0.95);
    // Event Timing reports only events of 16 ms or more; an interaction is its longest event.
    const byId = new Map();
    for (const e of ev) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.d));
    const inp = byId.size ? `Event Timing: ${byId.size} of ${work.length} interactions took 16 ms or more, their p95 ${f0(pct([...byId.values()], 0.95))} ms` : 'Event Timing: every interaction under 16 ms';
    const ratio = native != null ? `  = ${(p50 / native).toFixed(0)}x the native move` : '';
    console.log(`  ${name.padEnd(6)} ${label.padEnd(30)} p50 ${f1(p50).padStart(5)} ms  p95 ${f1(p95).padStart(5)} ms  (${work.length} moves; ${(p50 / med(floor)).toFixed(1)}x the floor)${ratio}; ${inp}`);
    console.log(`         medians by kind: ${Object.entries(work.split).map(([k, v]) => `${k} ${f1(med(v))}`).join(', ')}`);
    if (work.rest.total.length) console.log(`         once the reader rests (250 ms after a burst of 3 steps; median of ${work.rest.total.length}): ${f1(med(work.rest.total))} ms of main thread, the longest task ${f1(med(work.rest.longest))} ms (worst ${f1(Math.max(...work.rest.longest))})`);
  }
  if (builds.length > 1) {
    const r = (q) => pct(slid.now.out[label].work, q) / pct(slid.before.out[label].work, q);
    console.log(`  now / before: p50 ${r(0.5).toFixed(2)}x, p95 ${r(0.95).toFixed(2)}x`);
  }
}
console.log(`\nmemory (after a forced GC): JS heap, and the wasm linear memory`);
for (const [name] of builds) {
  const { heapLoad: a, heapMoves: b } = slid[name];
  console.log(`  ${name.padEnd(6)} after load: JS ${kb(a.js)}, wasm ${a.wasm == null ? '—' : kb(a.wasm)}; after 200 moves: JS ${kb(b.js)} (${(b.js / a.js).toFixed(2)}x), wasm ${b.wasm == null ? '—' : kb(b.wasm)}`);
}

// A phone: the same keyboard moves at 390x844 with the CPU slowed 4x (Chrome DevTools Protocol),
// for a driver and a level, and the floor page likewise; with a build before, in the order now,
// before, before, now, each build's two runs pooled. The issue's goal is set at 1280x900; this says
// what a reader on a phone feels.
const PHONE_SLIDERS = [['driver (GDP)', 'gdp'], ['level (invention patents)', 'invention_patents']];
async function phoneMoves(name) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const url = name === 'floor' ? `${base}slider.html` : `${base}${name}/#lang=zh`;
  await page.goto(url);
  if (name !== 'floor') await page.waitForSelector('#app:not([data-prerender]) [data-role="summary"]', { timeout: 60000 });
  await page.waitForTimeout(2000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const n = quick ? 10 : 30;
  const out = {};
  for (const [label, id] of name === 'floor' ? [['floor', 'floor']] : PHONE_SLIDERS) {
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await page.focus(`#g-${id}`);
    await page.waitForTimeout(600);
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
    for (let i = 0; i < n; i++) await step(page, i < n / 2 ? 'ArrowRight' : 'ArrowLeft');
    await cdp.send('Tracing.end');
    await done;
    cdp.removeAllListeners('Tracing.dataCollected');
    out[label] = windows(events);
  }
  await context.close();
  return out;
}
const phone = { floor: [] };
for (const name of builds.length > 1 ? ['now', 'before', 'before', 'now'] : ['now']) {
  const got = await phoneMoves(name);
  for (const [label, w] of Object.entries(got)) {
    const into = ((phone[name] ??= {})[label] ??= Object.assign([], { split: Object.fromEntries(Object.keys(w.split).map((k) => [k, []])) }));
    into.push(...w);
    for (const k of Object.keys(w.split)) into.split[k].push(...w.split[k]);
  }
  phone.floor.push(...(await phoneMoves('floor')).floor);
}
console.log(`\nslider moves on a phone (390x844, CPU slowed 4x; measured as above)`);
console.log(`  floor: a page whose slider only echoes its value   p50 ${f1(med(phone.floor)).padStart(5)} ms  p95 ${f1(pct(phone.floor, 0.95)).padStart(5)} ms  (${phone.floor.length} moves)`);
for (const [label] of PHONE_SLIDERS) {
  for (const [name] of builds) {
    const w = phone[name][label];
    console.log(`  ${name.padEnd(6)} ${label.padEnd(30)} p50 ${f1(med(w)).padStart(5)} ms  p95 ${f1(pct(w, 0.95)).padStart(5)} ms  (${w.length} moves; ${(med(w) / med(phone.floor)).toFixed(1)}x the floor)`);
    console.log(`         medians by kind: ${Object.entries(w.split).map(([k, v]) => `${k} ${f1(med(v))}`).join(', ')}`);
  }
  if (builds.length > 1) {
    const r = (q) => pct(phone.now[label], q) / pct(phone.before[label], q);
    console.log(`  now / before: p50 ${r(0.5).toFixed(2)}x, p95 ${r(0.95).toFixed(2)}x`);
  }
}
await browser.close();
server.close();
gzServer.close();
