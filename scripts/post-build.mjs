// Trunk post_build hook. In a release build it completes the page's Content-Security-Policy: the policy
// in index.html's <meta> gets the sha256 of each inline script of the built page (Trunk's loader names
// hashed files, so only the built page can be hashed); a debug build allows inline scripts instead.
// In a release build it also writes, into the staging dir:
//  - sw.js, a service worker that precaches every built file (names are hashed, so the list is made here);
// and, beside dist/, dist-single/plansim.html: one self-contained file with the CSS, JS and wasm inlined,
// under a policy derived from the page's that allows its inline parts by hash and nothing else.
// In a debug build it writes a sw.js that caches nothing, so `trunk serve` never serves stale files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A package scripts/setup installs beside wasm-opt (PLANSIM_TOOLS), or null where it is missing. */
function tool(name) {
  const tools = process.env.PLANSIM_TOOLS || join(homedir(), '.cache', 'plansim-tools');
  try { return createRequire(join(tools, 'node_modules', 'x.js'))(name); } catch { return null; }
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const release = process.env.TRUNK_PROFILE === 'release';

async function walk(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await walk(p)); else out.push(p);
  }
  return out;
}

// The offline copy is offered for download, not precached.
const OFFLINE = 'plansim-offline.html';
// --- Content-Security-Policy.
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/;
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (html, tag) => [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))]
  .filter((m) => !/\ssrc=/.test(m[1] ?? '')).map((m) => m[2]);
/** The directives of `policy`, in order: name -> sources. */
const parsePolicy = (policy) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean)
  .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; }));
const printPolicy = (map) => [...map].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
/** `html` with its policy <meta> set to `policy`; the <meta> must be there (it must precede every script). */
function setPolicy(html, policy) {
  if (!CSP_META.test(html)) throw new Error('post-build: index.html has no Content-Security-Policy <meta>');
  if (/"/.test(policy)) throw new Error('post-build: a policy cannot hold a double quote');
  return html.replace(CSP_META, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

/**
 * issue 10: `html` with the first screen of a first visit in each language, as the built app renders
 * it, put in `<template data-prerender="zh|en" data-year="YYYY">` after `#app`; index.html's script
 * shows the reader's one at once, and the app's start replaces it. Taken in headless Chromium (the
 * one scripts/setup installs, through the end-to-end tests' playwright-core) from the staged build
 * served on loopback: `#app` as it is when the summary first appears, which is the app's first frame
 * (the parts below it are built in later tasks). No plansim storage, no fragment, no query: the
 * visit the template is shown for. Without Chromium or playwright-core, or with a Chromium that does
 * not start, a warning and no templates
 * (the page starts as before, with its loading line). Templates hold no script, so the policy's
 * hashes stand.
 */
async function prerender(html) {
  // (Trunk hands the hook a fresh page; were it one with templates, they would go first.)
  html = html.replace(/<template data-prerender="[^"]*"[^>]*>[\s\S]*?<\/template>/g, '');
  // The end-to-end tests' loopback server and Chromium (tests/e2e/harness.mjs; it loads playwright-core).
  let harness;
  try {
    harness = await import(new URL('../tests/e2e/harness.mjs', import.meta.url));
  } catch { /* below */ }
  const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!harness || !existsSync(chromiumPath)) {
    console.warn('post-build: Chromium or playwright-core is missing (run scripts/setup): no prerendered first screen; a first visit shows "loading…" until the app starts');
    return html;
  }
  const server = await harness.serve(staging);
  const url = server.url;
  let browser;
  try {
    browser = await harness.launch();
  } catch (e) {
    await server.close();
    console.warn(`post-build: Chromium (${chromiumPath}) did not start (${String(e.message ?? e).split('\n')[0]}): no prerendered first screen; a first visit shows "loading…" until the app starts`);
    return html;
  }
  const out = [];
  try {
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      const ctx = await browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      const tab = await ctx.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.addInitScript(() => {
        new MutationObserver((_, o) => {
          const app = document.getElementById('app');
          if (app && !window.__first && app.querySelector('[data-role="summary"]')) {
            window.__first = { html: app.innerHTML, lang: document.documentElement.lang, year: new Date().getFullYear() };
            o.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await tab.goto(url);
      await tab.waitForFunction(() => window.__first, null, { timeout: 60000 }).catch(() => {
        throw new Error(`post-build: the built app showed no summary in ${locale}; errors: ${errors.join('; ') || 'none'}`);
      });
      const first = await tab.evaluate(() => window.__first);
      await ctx.close();
      const tag = lang === 'zh' ? 'zh-CN' : 'en';
      if (first.lang !== tag) throw new Error(`post-build: the app in ${locale} set <html lang=${first.lang}>, not ${tag}`);
      if (/<script|<\/template/i.test(first.html)) throw new Error('post-build: the first screen holds a script or a template end');
      out.push(`<template data-prerender="${lang}" data-year="${first.year}">${first.html}</template>`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const APP = /<div id="app">[\s\S]*?<\/div>/;
  if (!APP.test(html)) throw new Error('post-build: index.html has no <div id="app">');
  return html.replace(APP, (m) => m + out.join(''));
}

const pagePath = join(staging, 'index.html');
let page = await readFile(pagePath, 'utf8');
/** A stylesheet without comments; outside quoted strings, whitespace runs become one space and go
 *  entirely around `{ } ; , >` and after `:`. */
const minifyCss = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '')
  .split(/("[^"]*"|'[^']*')/)
  // (a colon is never followed by a space in a selector, only in a declaration or a media query)
  .map((part, i) => i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':'))
  .join('').trim();
if (release) {
  // issue 10: a visit loads the page without its HTML comments and the stylesheet minified (its
  // integrity hash follows): 19.9 KB -> 15 KB raw.
  page = page.replace(/<!--[\s\S]*?-->\s*/g, '');
  for (const f of await readdir(staging)) {
    if (!f.endsWith('.css')) continue;
    const min = minifyCss(await readFile(join(staging, f), 'utf8'));
    await writeFile(join(staging, f), min);
    const integrity = `sha384-${createHash('sha384').update(min, 'utf8').digest('base64')}`;
    page = page.replace(new RegExp(`(href="\\./${f.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`), (_, head) => `${head}${integrity}"`);
    if (!page.includes(integrity)) throw new Error(`post-build: no integrity attribute for ${f} in index.html`);
  }
  // issue 10: the bindings minified by terser, as in the single file (58 KB -> 27 KB raw, 9.6 -> 7.7 KB
  // gzip); the modulepreload's integrity hash follows. Without terser, a warning (and the budget fails).
  // The file keeps the name Trunk gave it (a hash of the bindings before minifying): another terser
  // version gives other bytes under that name, which the service worker's new version (its VERSION
  // hashes every file's bytes) fetches again.
  const terser = tool('terser');
  if (!terser) console.warn('post-build: terser is missing (run scripts/setup): the bindings stay unminified, about 2 KB gzip larger');
  // The page's own inline scripts (not Trunk's module loader) lose their comments and long names
  // too; the policy's hashes below are taken from what is left.
  for (const m of terser ? [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)] : []) {
    const min = (await terser.minify(m[1], { compress: true, mangle: true, format: { comments: false } })).code;
    if (/<\/script|<!--/i.test(min)) throw new Error('post-build: a minified inline script holds markup');
    page = page.replace(m[0], () => `<script>${min}</script>`);
  }
  for (const f of terser ? await readdir(staging) : []) {
    if (!/^plansim-[0-9a-f]+\.js$/.test(f)) continue;
    const min = (await terser.minify(await readFile(join(staging, f), 'utf8'),
      { module: true, compress: true, mangle: true, format: { comments: false } })).code;
    await writeFile(join(staging, f), min);
    const integrity = `sha384-${createHash('sha384').update(min, 'utf8').digest('base64')}`;
    page = page.replace(new RegExp(`(href="\\./${f.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`), (_, head) => `${head}${integrity}"`);
    if (!page.includes(integrity)) throw new Error(`post-build: no integrity attribute for ${f} in index.html`);
  }
}
const pageMeta = page.match(CSP_META);
if (!pageMeta) throw new Error('post-build: index.html has no Content-Security-Policy <meta>');
const pagePolicy = parsePolicy(pageMeta[1]);
const scriptSrc = (pagePolicy.get('script-src') ?? []).filter((s) => !s.startsWith("'sha256-") && s !== "'unsafe-inline'");
// `trunk serve` (a debug build) fills in its live-reload script's address as it serves the page, so
// no hash computed here can match it: debug builds allow inline scripts. Release builds never do.
pagePolicy.set('script-src', release
  ? [...scriptSrc, ...new Set(inline(page, 'script').map(sha256))]
  : [...scriptSrc, "'unsafe-inline'"]);
page = setPolicy(page, printPolicy(pagePolicy));
await writeFile(pagePath, page);
if (release) {
  page = await prerender(page);
  await writeFile(pagePath, page);
}

const files = (await walk(staging)).map((p) => relative(staging, p).split('\\').join('/')).filter((f) => f !== 'sw.js' && f !== OFFLINE).sort();

if (!release) {
  await writeFile(join(staging, 'sw.js'), [
    '// Debug build: no caching. Unregisters itself so development always sees fresh files.',
    "self.addEventListener('install', () => self.skipWaiting());",
    "self.addEventListener('activate', (e) => e.waitUntil(self.registration.unregister()));",
    '',
  ].join('\n'));
  process.exit(0);
}

const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(staging, f)));
const version = hash.digest('hex').slice(0, 16);
const assets = ['./', ...files];
await writeFile(join(staging, 'sw.js'), `// Generated by scripts/post-build.mjs: precaches this build's files.
const VERSION = ${JSON.stringify(version)};
const CACHE = 'plansim-' + VERSION;
const ASSETS = ${JSON.stringify(assets, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

// A new version takes over at once and drops the caches of older ones.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('plansim-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Pages: network first, so a new version arrives; the cached page offline.
    event.respondWith(fetch(req).catch(() =>
      caches.match(req, { ignoreSearch: true }).then((r) => r || caches.match(new URL('index.html', self.registration.scope)))));
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(req).then((r) => r || fetch(req)));
});
`);

// The single self-contained file.
const html = page;
const css = files.find((f) => f.endsWith('.css'));
const js = files.find((f) => /^plansim-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
if (!css || !js || !wasm) throw new Error(`post-build: missing css/js/wasm in ${files.join(', ')}`);
// issue 10: in the single file, the bindings lose their doc comments and indentation, and the
// stylesheet its comments and indentation (only where no line holds a template literal's end).
const compact = (text) => text.split('\n').some((l) => (l.match(/`/g) ?? []).length % 2) ? text
  : text.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, '').replace(/^[ \t]*\/\/.*\n/gm, '').replace(/^[ \t]+/gm, '');
const cssText = minifyCss(await readFile(join(staging, css), 'utf8'));
// The bindings minified by terser (scripts/setup installs it beside wasm-opt): 58 KB -> 27 KB. Names
// the wasm imports by are object keys, which terser keeps; without it, the compacted text, and a warning.
const terser = tool('terser');
if (!terser) console.warn('post-build: terser is missing (run scripts/setup): the single file keeps its bindings unminified, about 25 KB larger');
// (The page's bindings were minified above, in the staging dir: the single file takes them as they are.)
const jsSource = await readFile(join(staging, js), 'utf8');
const jsText = terser ? jsSource : compact(jsSource);
// issue 10: the wasm goes in gzipped (zopfli, below), about 40% of its raw size, and the browser inflates it
// with DecompressionStream (Chrome 80, Safari 16.4, Firefox 113). It is written in base 85 (5 characters
// for 4 bytes: a quarter more, where base64 adds a third) with an alphabet of printable ASCII without
// '"', '\\' and '<', so that it sits in a JS string inside <script> as it is.
const B85 = [...Array(92)].map((_, i) => String.fromCharCode(0x23 + i)).filter((c) => c !== '<' && c !== '\\').slice(0, 85).join('');
function base85(bytes) {
  const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
  bytes.copy(padded);
  let out = '';
  for (let i = 0; i < padded.length; i += 4) {
    let v = padded.readUInt32BE(i);
    const d = new Array(5);
    for (let k = 4; k >= 0; k--) { d[k] = B85[v % 85]; v = Math.floor(v / 85); }
    out += d.join('');
  }
  return out;
}
// zopfli's gzip (scripts/setup installs it beside wasm-opt) is about 5% smaller than zlib's level 9
// (25 KB of this wasm, 31 KB of the file); without it, zlib's, and a warning.
const zopfli = tool('@gfx/zopfli');
if (!zopfli) console.warn('post-build: @gfx/zopfli is missing (run scripts/setup): the single file uses zlib level 9, about 31 KB larger');
const wasmBytes = await readFile(join(staging, wasm));
const wasmGz = zopfli ? Buffer.from(await zopfli.gzipAsync(wasmBytes, { numiterations: 15 })) : gzipSync(wasmBytes, { level: 9 });
const wasm85 = base85(wasmGz);
// The bindings' init function: `export default NAME;` (wasm-bindgen's --target web).
const initName = jsText.match(/export default (\w+);/)?.[1] ?? jsText.match(/export\s*\{[^}]*\b(\w+) as default\b/)?.[1];
if (!initName) throw new Error(`post-build: no default export in ${js}`);
if (/<!--|<script/i.test(jsText)) throw new Error(`post-build: ${js} holds markup that would end an inline script`);
let single = html
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${cssText}\n</style>`)
  .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">
// Everything inline, so this file works from a USB stick (file://) with no server, and its policy
// allows this script by its hash: the bindings are part of it, not a blob: module.
${jsText.replace(/<\/script/gi, '<\\/script')}
const __plansim_gz = ((s, n) => {
  const a = ${JSON.stringify(B85)}, t = new Uint8Array(128), out = new Uint8Array(s.length / 5 * 4), dv = new DataView(out.buffer);
  for (let i = 0; i < 85; i++) t[a.charCodeAt(i)] = i;
  for (let i = 0, j = 0; i < s.length; i += 5, j += 4) {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + t[s.charCodeAt(i + k)];
    dv.setUint32(j, v);
  }
  return out.subarray(0, n);
})(${JSON.stringify(wasm85)}, ${wasmGz.length});
const __plansim_wasm = await new Response(new Blob([__plansim_gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
await ${initName}({ module_or_path: __plansim_wasm });
</script>`)
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<script>[^<]*serviceWorker[\s\S]*?<\/script>/, '');
if (/serviceWorker/.test(single)) throw new Error('post-build: the single file still registers a service worker (index.html\'s script changed?)');
// Its policy: the page's with nothing to load ('self' goes: from file:// it is no origin at all), and
// its inline scripts and style allowed by hash.
const singlePolicy = new Map();
for (const [name, sources] of pagePolicy) {
  // The single file loads no script or style from anywhere: only its inline parts, by hash. (The page
  // lists http: and https: beside 'self' because WebKit matches 'self' against nothing in a sandboxed,
  // opaque-origin frame, where the embed's own script, stylesheet and wasm would then be refused.)
  const fromFile = name === 'script-src' || name === 'style-src';
  const kept = sources.filter((s) => s !== "'self'" && !s.startsWith("'sha256-") && !(fromFile && /^https?:$/.test(s)));
  if (name === 'script-src') kept.push(...new Set(inline(single, 'script').map(sha256)));
  if (name === 'style-src') kept.push(...new Set(inline(single, 'style').map(sha256)));
  if (kept.length) singlePolicy.set(name, kept);
}
if (!singlePolicy.has('style-src')) throw new Error('post-build: the page policy has no style-src');
const head = setPolicy(single, printPolicy(singlePolicy));
const out = join(process.cwd(), 'dist-single');
await mkdir(out, { recursive: true });
await writeFile(join(out, 'plansim.html'), head);
// The same file inside the bundle, so a teacher can download it from the page.
await writeFile(join(staging, OFFLINE), head);
console.log(`post-build: sw.js (${assets.length} assets, version ${version}); dist-single/plansim.html (${head.length} bytes)`);
