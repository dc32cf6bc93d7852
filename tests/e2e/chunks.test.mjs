// Each page's code is a wasm chunk fetched when the page is first opened (src/pages/chunks.rs,
// scripts/post-build.sh). A first visit fetches the shell and that page's chunks only, as one
// pack (scripts/pack-chunks.mjs); a chunk the server refuses is the readable error with a retry
// that works, and a refused pack falls back to the chunks; every page's code is kept by the
// service worker after one visit, so pages never opened online still open offline; and moving
// between pages in one tab fetches each page's code once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, waitForAsync, packs } from './harness.mjs';

const PAGES = [
  { path: '/map?lang=en', chunk: 'split_map_page', ready: 'svg.world-map [data-iso]' },
  { path: '/facilities?lang=en', chunk: 'split_facilities_page', ready: 'svg.indonesia-map [data-facility]' },
  { path: '/facility/lapas-cirebon?lang=en', chunk: 'split_facility_page', ready: '[data-summary=production]' },
  { path: '/briefing?lang=en', chunk: 'split_briefing_page', ready: '.slide-title' },
  { path: '/entry?lang=en', chunk: 'split_entry_page', ready: 'main h1' },
];

// The app's code the page fetched: wasm files and packs, in the order asked for.
const wasmFetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm') || p.endsWith('.pack')));
// A file's name without its build hash: `/chunk_12`, `/pack_map_page`, `/karya-app`.
const stem = (path) => path.replace(/-[0-9a-f]+(_bg)?\.(wasm|pack)$/, '');

test('a first visit fetches the shell and its own page code as one pack, not the others', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  try {
    for (const { path, chunk, ready } of [{ path: '/?lang=en', chunk: 'split_overview_page', ready: '[data-kpi]' }, ...PAGES]) {
      const { page, problems, close } = await newPage(chromium.browser, { serviceWorkers: 'block' });
      try {
        await page.goto(`${server.url}${path}`);
        await page.waitForSelector(ready);
        const code = (await wasmFetched(page)).map(stem);
        const pack = `/${chunk.replace(/^split_/, 'pack_')}`;
        // The shell, then the page's pack: no chunk fetched on its own, no other page's code.
        assert.deepEqual(code.filter((p) => p !== '/karya-app'), [pack], path);
        assert.ok((await packs(page))[chunk.replace(/^split_/, '')].chunks.map(stem).includes(`/${chunk}`), `${pack} holds ${chunk}`);
        assert.deepEqual(problems, [], path);
      } finally {
        await close();
      }
    }
  } finally {
    await chromium.close();
    await server.stop();
  }
});

test('a page chunk the server refuses shows the readable error, and retry loads the page', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser, { serviceWorkers: 'block' });
  try {
    let refused = 0;
    // The pack first, then the chunk it falls back to.
    const refuse = (route) => {
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
    };
    await page.route('**/pack_map_page-*.pack', refuse);
    await page.route('**/split_map_page-*.wasm', refuse);
    await page.goto(`${server.url}/map?lang=en`);
    await page.waitForSelector('[data-chunk-error=map] [data-error=unreachable] [data-action=retry]');
    assert.equal(refused, 2, 'the pack and then the chunk were asked for');
    assert.equal(await page.locator('svg.world-map').count(), 0);
    await page.unroute('**/pack_map_page-*.pack');
    await page.unroute('**/split_map_page-*.wasm');
    await page.click('[data-chunk-error=map] [data-action=retry]');
    await page.waitForSelector('svg.world-map [data-iso]');
    assert.equal(await page.locator('[data-chunk-error]').count(), 0);
    // Only the refused chunk may be reported; no panic, no other error.
    assert.deepEqual(problems.filter((p) => !/split_map_page|pack_map_page|status of 503|failed to load split module|HTTP status code is not ok/i.test(p)), []);
  } finally {
    await close();
    await chromium.close();
    await server.stop();
  }
});

test('a pack the server refuses falls back to the page chunks, and the page draws', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser, { serviceWorkers: 'block' });
  try {
    let refused = 0;
    await page.route('**/pack_facilities_page-*.pack', (route) => {
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
    });
    await page.goto(`${server.url}/facilities?lang=en`);
    await page.waitForSelector('svg.indonesia-map [data-facility]');
    assert.equal(refused, 1);
    assert.equal(await page.locator('[data-chunk-error]').count(), 0);
    const code = (await wasmFetched(page)).map(stem);
    const parts = (await packs(page)).facilities_page.chunks.map(stem);
    // Every part of the pack came on its own instead.
    assert.deepEqual(parts.filter((p) => !code.includes(p)), []);
    assert.deepEqual(problems.filter((p) => !/pack_facilities_page|status of 503/i.test(p)), []);
  } finally {
    await close();
    await chromium.close();
    await server.stop();
  }
});

test('after one visit to the overview, every page opens offline (its code was kept)', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser);
  try {
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('[data-kpi]');
    // The worker holds every chunk its loader names.
    await waitForAsync(page, async () => {
      if (!navigator.serviceWorker?.controller) return false;
      const loader = [...document.querySelectorAll('link[rel=modulepreload]')]
        .map((l) => new URL(l.href).pathname).find((p) => p.startsWith('/karya-split-'));
      if (!loader) throw new Error('index.html names no chunk loader: is dist/ a split build (make app)?');
      const names = [...(await (await fetch(loader)).text()).matchAll(/"\.\/([\w-]+\.wasm)"/g)].map((m) => `/${m[1]}`);
      const app = await caches.open((await caches.keys()).find((n) => n.startsWith('karya-app-')));
      for (const n of names) if (!(await app.match(n))) return false;
      return names.length > 0;
    }, null, { timeout: 60_000, polling: 500 });
    // The worker may still be writing what the page asked it to keep; let it finish.
    await page.waitForTimeout(3000);
    await server.stop();
    for (const { path, chunk } of PAGES) {
      await page.goto(`${server.url}${path}`);
      // The page's own code ran: its section is there (its data may be missing offline).
      const name = chunk.replace(/^split_|_page$/g, '');
      await page.waitForSelector(`main [data-page=${name}], [data-chunk-error]`, { timeout: 20_000 });
      assert.equal(await page.locator('[data-chunk-error]').count(), 0, `${path}: ${chunk} was not kept ${problems}`);
    }
  } finally {
    await close();
    await chromium.close();
    await server.stop().catch(() => {});
  }
});

test('the worker keeps the chunks of the pack a first visit fetched, without fetching them again', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser);
  try {
    // Every chunk refused on its own (the worker's requests too): only the pack can fill the store.
    let refused = 0;
    await page.context().route(/\/(chunk_\d+|split_\w+)-[0-9a-f]+\.wasm$/, (route) => {
      refused += 1;
      return route.abort();
    });
    await page.goto(`${server.url}/facility/lapas-cirebon?lang=en`);
    await page.waitForSelector('[data-summary=production]');
    const { file, chunks } = (await packs(page)).facility_page;
    assert.ok((await wasmFetched(page)).includes(file), `the first visit fetched ${file}`);
    await waitForAsync(page, async (paths) => {
      const app = (await caches.keys()).find((n) => n.startsWith('karya-app-'));
      if (!app) return false;
      const store = await caches.open(app);
      for (const path of paths) if (!(await store.match(path))) return false;
      return true;
    }, chunks, { timeout: 30_000, polling: 500 });
    assert.ok(refused > 0, 'the worker asked for chunks on their own too');
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await chromium.close();
    await server.stop();
  }
});

test('moving between pages in one tab draws each page with its code fetched once', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser, { serviceWorkers: 'block' });
  try {
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('[data-kpi]');
    for (const [link, ready] of [['Export map', 'svg.world-map [data-iso]'], ['Facilities', 'svg.indonesia-map [data-facility]'],
      ['Overview', '[data-kpi]'], ['Export map', 'svg.world-map [data-iso]']]) {
      await page.click(`nav.site-nav a:text-is("${link}")`);
      await page.waitForSelector(ready);
    }
    const code = (await wasmFetched(page)).map(stem);
    assert.deepEqual([...code].sort(), [...new Set(code)].sort(), 'no file fetched twice');
    // The overview's code came as its pack; the other two pages' code on its own, without
    // fetching again what that pack held.
    assert.deepEqual(code.filter((p) => p.includes('/pack_') || p.includes('/split_')),
      ['/pack_overview_page', '/split_map_page', '/split_facilities_page']);
    const inPack = (await packs(page)).overview_page.chunks.map(stem);
    assert.deepEqual(code.filter((p) => inPack.includes(p)), []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await chromium.close();
    await server.stop();
  }
});
