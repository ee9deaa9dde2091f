// Serves a built bundle on loopback and drives Debian's Chromium with playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.csv': 'text/csv; charset=utf-8',
};

/** The test fixtures (other plans, reported values), served under /fixtures/. */
export const fixtures = join(root, 'tests', 'fixtures');

/** Serves `dir` on 127.0.0.1 at a free port, and tests/fixtures under
 * /fixtures/; resolves to { url, close }. */
export async function serve(dir = join(root, 'dist')) {
  const server = createServer(async (req, res) => {
    let path;
    try { path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)); } catch { res.writeHead(400).end(); return; }
    const [base, rel] = path.startsWith('/fixtures/') ? [fixtures, path.slice('/fixtures'.length)] : [dir, path];
    let file = join(base, rel);
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // CORS lets a sandboxed (opaque-origin) iframe load the module and the wasm.
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

/** Launches headless Chromium with the flags this workplace needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The data-value of `role` inside the indicator `id`. */
export async function value(page, id, role) {
  return page.getAttribute(`[data-indicator="${id}"] [data-role="${role}"]`, 'data-value');
}

/** Waits until the page has rendered the summary. */
export async function ready(page) {
  // (a first visit is first shown the prerendered first screen, inert until the app replaces it)
  await page.waitForSelector('#app:not([data-prerender]) [data-role="summary"]', { timeout: 30000 });
  // issue 10: the parts below the first screen are built just after it.
  await page.waitForFunction(() => !document.querySelector('[data-pending]'), null, { timeout: 30000 });
}

/** Waits until `role` inside indicator `id` has data-value `want`, then returns it. */
export async function until(page, id, role, want) {
  const sel = `[data-indicator="${id}"] [data-role="${role}"]`;
  try {
    await page.waitForFunction(([s, w]) => document.querySelector(s)?.dataset.value === w, [sel, want], { timeout: 5000 });
  } catch {
    // Fall through: the assertion below reports what the page shows.
  }
  return value(page, id, role);
}
