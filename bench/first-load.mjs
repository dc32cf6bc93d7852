// What a first visit transfers, as Chromium's network log counts it: each page opened in a
// fresh profile (no cache, no service worker), bytes received on the wire (compressed as the
// server sent them), split into the app's code (HTML, JS, wasm, CSS) and its data (API answers
// and map geometry). Beside it the peer figure: react + react-dom + d3, brotli -q 11, from
// their npm packages, measured in the same run.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';

const MODULES = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules');
const KIB = 1024;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// The peer stack a dashboard like Karya would otherwise ship: the browser builds, minified.
function peerBytes() {
  const files = ['react/cjs/react.production.js', 'react-dom/cjs/react-dom-client.production.js', 'd3/dist/d3.min.js'];
  return files.reduce((sum, f) => sum + brotli(readFileSync(join(MODULES, f))), 0);
}

const isCode = (type, url) => ['Document', 'Script', 'Stylesheet'].includes(type) || /\.(wasm|pack)(\?|$)/.test(url);

// Every response of one page load, until the page is drawn and the network has been idle.
async function transfers(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map();
  cdp.on('Network.responseReceived', (e) => seen.set(e.requestId, { url: e.response.url, type: e.type, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => { const r = seen.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await page.goto(url);
  // Drawn: the page's main holds something and nothing is loading any more.
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main && main.textContent.trim() && !document.querySelector('[data-state="loading"]');
  }, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...seen.values()];
}

const PAGES = ['/', '/map', '/facilities', '/briefing', '/map?embed=1', '/data', '/entry'];

export async function firstLoad() {
  const server = await startServer({ bin: process.env.KARYA_BIN || 'target/server/karya' });
  const chromium = await launchBrowser();
  try {
    const peer = peerBytes();
    const [facilities, products, countries] = await Promise.all(['/facilities', '/products', '/destinations']
      .map((path) => server.api(path)));
    const country = countries.countries[0].country;
    const pages = [...PAGES, `/facility/${facilities[0].id}`, `/product/${products[0].id}`, `/country/${country}`];
    console.log('\nFirst visit, fresh profile: bytes received (Chromium network log, encodedDataLength)');
    console.log(`${'page'.padEnd(34)} ${'code'.padStart(9)} ${'data'.padStart(9)} ${'total'.padStart(9)}   files`);
    let home = 0;
    for (const path of pages) {
      const got = await transfers(chromium.browser, server.url + path);
      const code = got.filter((r) => isCode(r.type, r.url)).reduce((s, r) => s + r.bytes, 0);
      const all = got.reduce((s, r) => s + r.bytes, 0);
      if (path === '/') home = code;
      const wasm = got.filter((r) => /\.(wasm|pack)/.test(r.url)).map((r) => `${r.url.split('/').pop().slice(0, 24)} ${r.bytes}`);
      console.log(`${path.padEnd(34)} ${String(code).padStart(9)} ${String(all - code).padStart(9)} ${String(all).padStart(9)}   ${wasm.join(', ')}`);
    }
    console.log(`\nreact + react-dom + d3 (npm, brotli -q 11): ${peer} bytes`);
    console.log(`first load of / (code): ${home} bytes = ${(home / KIB).toFixed(1)} KiB (goal <= 120 KiB), ${(home / peer).toFixed(2)}x the peer (goal <= 0.75x)`);
  } finally {
    await chromium.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await firstLoad();
}
