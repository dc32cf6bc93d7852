// A first visit on a phone with a bad network: the time from navigation until the app has
// replaced the server's first view with the page drawn from its own code and data, on a
// throttled network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's "slow
// 4G") with the CPU 4× slower, in a fresh profile each run (no cache, no service worker).
// On localhost over HTTP/1.1, as `make run` serves it: six connections at a time, so the
// number of files counts as well as their bytes.
//   node bench/slow-load.mjs [path …]
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';
import { stats, printRow, printHeader, THROTTLE } from './common.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const paths = process.argv.slice(2);
const PAGES = paths.length ? paths : ['/', '/map', '/facilities', '/briefing'];

// Checked each frame from the page's start: the first view gone, and nothing loading.
function watchDrawn() {
  const drawn = () => !document.querySelector('body > .first-view') && document.querySelector('main')?.textContent.trim()
    && !document.querySelector('[data-state="loading"]');
  const check = () => (drawn() ? (window.karyaBenchDrawn = performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
}

async function firstVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  let requests = 0;
  cdp.on('Network.requestWillBeSent', () => { requests += 1; });
  await page.addInitScript(watchDrawn);
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => window.karyaBenchDrawn, null, { timeout: 120_000 });
  const drawn = await page.evaluate(() => window.karyaBenchDrawn);
  await context.close();
  return { drawn, requests };
}

const server = await startServer({ bin: process.env.KARYA_BIN || 'target/server/karya' });
const chromium = await launchBrowser();
try {
  printHeader(`First visit on slow 4G, CPU ${THROTTLE}× slower: navigation → page drawn by the app (ms)`);
  for (const path of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstVisit(chromium.browser, server.url + path));
    printRow(`${path} (${runs[0].requests} requests)`, stats(runs.map((r) => r.drawn)), '—');
  }
} finally {
  await chromium.close();
  await server.stop();
}
