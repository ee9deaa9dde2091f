// Serves a built bundle on loopback and drives WebKitGTK's MiniBrowser (the engine of Safari and of
// every iOS browser, WeChat's included) through WebKitWebDriver, with selenium-webdriver as client.
// Run under an X server: `tests/webkit/run` wraps the suite in `xvfb-run`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key } from 'selenium-webdriver';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Collects every script error from the first line of the page on: uncaught errors, failed loads of
 * scripts and other resources, unhandled promise rejections and console.error (where a Rust panic
 * lands). WebKitWebDriver has neither the log endpoint nor BiDi, so the page records them itself.
 */
export const ERROR_HOOK = `<script>(function () {
  var errors = window.__plansimErrors = [];
  addEventListener('error', function (e) {
    var t = e.target;
    errors.push(t && t !== window && (t.src || t.href) ? 'failed to load ' + (t.src || t.href) :
      'error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
  }, true);
  addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  var ce = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return ce.apply(console, arguments);
  };
})();</script>`;

/** Puts ERROR_HOOK first in the head of an HTML document. */
export function withErrorHook(html) {
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) throw new Error('no <head> to put the error hook in');
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + ERROR_HOOK + html.slice(end);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port, as tests/e2e/harness.mjs does (with CORS, so that a
 * sandboxed iframe may load the module and the wasm), and puts ERROR_HOOK into every HTML page.
 * `pages` maps a path to an HTML text served instead (`dir` may then be null). Resolves to { url, close }.
 */
export async function serve(dir = join(root, 'dist'), pages = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path in pages) {
      res.writeHead(200, { 'content-type': types['.html'] }).end(withErrorHook(pages[path]));
      return;
    }
    if (!dir) { res.writeHead(404).end('not found'); return; }
    let file = join(dir, path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (extname(file) === '.html') body = withErrorHook(body.toString('utf8'));
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's MiniBrowser (package libwebkit2gtk-4.1-0), or $MINIBROWSER. */
export function miniBrowser() {
  const candidates = [process.env.MINIBROWSER,
    ...['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'i386-linux-gnu', 'riscv64-linux-gnu']
      .flatMap((a) => [`/usr/lib/${a}/webkit2gtk-4.1/MiniBrowser`, `/usr/lib/${a}/webkitgtk-6.0/MiniBrowser`])];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('no MiniBrowser: apt-get install webkit2gtk-driver, or set MINIBROWSER');
  return found;
}

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * The engine under test: WebKit, or Gecko when PLANSIM_ENGINE=gecko (an opt-in for a machine that has
 * firefox-esr and geckodriver; scripts/test runs WebKit only).
 */
export const gecko = process.env.PLANSIM_ENGINE === 'gecko';

/** Starts WebKitWebDriver (or geckodriver) on a free loopback port; resolves to { url, stop }. */
export async function startDriver() {
  const port = await freePort();
  const [cmd, args] = gecko
    ? [process.env.GECKODRIVER ?? 'geckodriver', [`--port=${port}`, '--host=127.0.0.1', '--log=warn']]
    : [process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver', [`--port=${port}`, '--host=local']];
  const proc = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${cmd} exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if ((await res.json()).value?.ready) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`${cmd} did not start`); }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { url, stop: () => { proc.kill(); } };
}

/**
 * Opens a MiniBrowser window whose viewport is `width`×`height` CSS pixels. Each session is a fresh,
 * ephemeral profile: nothing (localStorage, service workers) carries over from another session.
 */
export async function session(driver, { width = 1280, height = 900 } = {}) {
  const d = await new Builder().usingServer(driver.url).withCapabilities(gecko ? {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: ['-headless'] },
  } : {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
  }).build();
  await d.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
  await viewport(d, width, height);
  return d;
}

/**
 * Shows `url` in a `width`×`height` iframe on a page of its own (the top-left corner of the window)
 * and switches the session into it. The MiniBrowser window cannot be narrower than about 450 px
 * (its title bar), so a phone's viewport is an iframe's. Resolves to the host server's close().
 */
export async function framed(d, url, width, height) {
  const host = await serve(null, {
    '/': `<!doctype html><html><head><title>${width}×${height}</title></head><body style="margin:0">
      <iframe id="f" src="${url}" width="${width}" height="${height}" style="border:0;display:block"></iframe></body></html>`,
  });
  await d.get(host.url);
  await d.switchTo().frame(await d.findElement(By.css('#f')));
  return host.close;
}

/** Resizes the window so that the page gets `width`×`height` (the window adds a title bar). */
export async function viewport(d, width, height) {
  await d.manage().window().setRect({ width, height });
  const [iw, ih] = await d.executeScript('return [innerWidth, innerHeight]');
  if (iw !== width || ih !== height) {
    await d.manage().window().setRect({ width: 2 * width - iw, height: 2 * height - ih });
  }
}

/** Waits until `fn` (a script body returning a value) is truthy in the page; returns its value. */
export async function waitFor(d, script, args = [], timeout = 10000, what = script) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await d.executeScript(script, ...args);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits until the page has rendered the summary. */
export function ready(d) {
  // issue 10: the parts below the first screen are built just after it.
  return waitFor(d, 'return document.querySelector(\'[data-role="summary"]\') !== null && !document.querySelector(\'[data-pending]\')', [], 30000, 'the summary and every part of the page');
}

const sel = (id, role) => `[data-indicator="${id}"] [data-role="${role}"]`;

/** The data-value of `role` inside the indicator `id`. */
export function value(d, id, role) {
  return d.executeScript('const e = document.querySelector(arguments[0]); return e ? e.dataset.value : null;', sel(id, role));
}

/** Waits up to 5 s until `role` inside indicator `id` has data-value `want`, then returns what it has. */
export async function until(d, id, role, want) {
  try {
    await waitFor(d, 'return document.querySelector(arguments[0])?.dataset.value === arguments[1]', [sel(id, role), want], 5000);
  } catch {
    // Fall through: the assertion reports what the page shows.
  }
  return value(d, id, role);
}

/** The script errors the page's hook has collected (null if the hook is missing). */
export function errors(d) {
  return d.executeScript('return window.__plansimErrors ?? null');
}

/**
 * Types `text` into the input `css` over its value and leaves it with Tab, as a reader would. (With
 * WebKitWebDriver, Element Clear leaves a number field as it was and Element Send Keys appends; the
 * Actions API types as a keyboard does.)
 */
export async function type(d, css, text) {
  const el = await d.findElement(By.css(css));
  await el.click();
  await d.actions().keyDown(Key.CONTROL).sendKeys('a').keyUp(Key.CONTROL).sendKeys(text, Key.TAB).perform();
}

export { By, Key };
