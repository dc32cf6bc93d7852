// Offline after exactly one visit, and what the service worker keeps: each main page visited
// once online works with the server stopped, with its data "as of … WIB"; a navigation to a
// file never replaces the stored app; a storage-quota error online is not "offline"; an
// older format's store is dropped; an editor's requests never enter the store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, waitForAsync, packs } from './harness.mjs';

const MAIN = [
  { path: '/?lang=en', ready: '[data-kpi=shipments]' },
  { path: '/map?lang=en&from=2025&to=2025', ready: 'svg.world-map [data-iso][data-value]' },
  { path: '/facilities?lang=en', ready: 'svg.indonesia-map [data-facility]' },
  { path: '/facility/lapas-cirebon?lang=en', ready: '[data-summary=production]' },
];

// Waits until the worker controls the page and holds the app's shell, every API answer the
// page fetched and every chunk of the page's code it fetched as a pack (each under its own
// name, scripts/pack-chunks.mjs): what one visit must leave behind.
export async function waitUntilKept(page) {
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const packed = Object.values(await packs(page)).filter((p) => fetched.includes(p.file)).flatMap((p) => p.chunks);
  await waitForAsync(page, async (chunks) => {
    if (!navigator.serviceWorker?.controller) return false;
    const names = await caches.keys();
    const data = names.find((n) => n.startsWith('karya-data-'));
    const app = names.find((n) => n.startsWith('karya-app-'));
    if (!data || !app) return false;
    const [d, a] = await Promise.all([caches.open(data), caches.open(app)]);
    if (!(await a.match('/index.html'))) return false;
    const api = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => new URL(u).pathname.startsWith('/api/'));
    for (const u of api) if (!(await d.match(u))) return false;
    for (const chunk of chunks) if (!(await a.match(chunk))) return false;
    return api.length > 0;
  }, packed);
}

const offlineLoads = (p) => /Failed to load resource: net::ERR_CONNECTION_REFUSED|status of 503.*\/api\/v1\//.test(p);

test('each main page works offline after exactly one online visit', async () => {
  const server = await startServer();
  const chromium = await launchBrowser();
  const pages = [];
  try {
    for (const main of MAIN) {
      const opened = await newPage(chromium.browser);
      pages.push({ ...opened, main });
      await opened.page.goto(`${server.url}${main.path}`);
      await opened.page.waitForSelector(main.ready);
      await waitUntilKept(opened.page);
    }
    await server.stop();
    for (const { page, problems, main } of pages) {
      await page.reload();
      await page.waitForSelector(main.ready, { timeout: 20_000 });
      assert.match(await page.textContent('[data-notice=offline]'), /data kept as of \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/, main.path);
      assert.deepEqual(problems.filter((p) => !offlineLoads(p)), [], main.path);
    }
  } finally {
    for (const { close } of pages) await close();
    await chromium.close();
    await server.stop().catch(() => {});
  }
});

test('the worker keeps the app through file navigations, quota errors and new releases, and no editor\'s requests', async (t) => {
  const server = await startServer();
  const chromium = await launchBrowser();
  try {
    await t.test('a navigation to a non-HTML file never replaces the stored app', async () => {
      const { page, problems, close } = await newPage(chromium.browser);
      try {
        await page.goto(`${server.url}/map?lang=en`);
        await page.waitForSelector('svg.world-map [data-iso]');
        await waitUntilKept(page);
        for (const file of ['/karya-embed.js', '/geo/world.json']) {
          await page.goto(`${server.url}${file}`);
          const shell = await page.evaluate(async () => {
            const app = (await caches.keys()).find((n) => n.startsWith('karya-app-'));
            const kept = await (await caches.open(app)).match('/index.html');
            return { type: kept.headers.get('content-type'), text: await kept.text() };
          });
          assert.match(shell.type, /text\/html/, file);
          assert.match(shell.text, /karya-api-base/, file);
        }
        // A file shown in a tab asks for /favicon.ico, which Karya does not have.
        assert.deepEqual(problems.filter((p) => !/status of 404 .*\/favicon\.ico\)$/.test(p)), []);
      } finally {
        await close();
      }
    });

    await t.test('a storage-quota error while online is not read as offline', async () => {
      const { page, context, problems, close } = await newPage(chromium.browser);
      try {
        await page.goto(`${server.url}/map?lang=en&from=2025&to=2025`);
        await page.waitForSelector('svg.world-map [data-iso][data-value]');
        await waitUntilKept(page);
        const [worker] = context.serviceWorkers();
        assert.ok(worker, 'the worker is running');
        await worker.evaluate(() => {
          Cache.prototype.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        });
        await page.reload();
        await page.waitForSelector('svg.world-map [data-iso][data-value]');
        await page.waitForTimeout(500);
        assert.equal(await page.locator('[data-notice=offline]').count(), 0, 'fresh data, no offline notice');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });

    await t.test('a new release drops the answers an older format kept', async () => {
      const { page, problems, close } = await newPage(chromium.browser);
      try {
        await page.goto(`${server.url}/karya-embed.js`);
        await page.evaluate(async () => {
          const old = await caches.open('karya-data-v1');
          await old.put('/api/v1/summary', new Response('{"old": true}', { headers: { 'content-type': 'application/json' } }));
        });
        await page.goto(`${server.url}/?lang=en`);
        await page.waitForSelector('[data-kpi=shipments]');
        await waitUntilKept(page);
        assert.ok(!(await page.evaluate(() => caches.keys())).includes('karya-data-v1'), 'the old store is gone');
        // The file shown in a tab first asks for /favicon.ico, which Karya does not have.
        assert.deepEqual(problems.filter((p) => !/status of 404 .*\/favicon\.ico\)$/.test(p)), []);
      } finally {
        await close();
      }
    });

    await t.test('an editor\'s requests never enter the store', async () => {
      const { page, problems, close } = await newPage(chromium.browser);
      try {
        await page.goto(`${server.url}/map?lang=en`);
        await page.waitForSelector('svg.world-map [data-iso]');
        await waitUntilKept(page);
        const token = server.token('faults-editor');
        await page.goto(`${server.url}/entry?lang=en`);
        await page.fill('[name=token]', token);
        await page.click('[data-action=sign-in]');
        await page.waitForSelector('[data-signed-in]');
        await page.waitForTimeout(500);
        const keys = await page.evaluate(async () => {
          const all = [];
          for (const name of await caches.keys()) {
            for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
          }
          return all;
        });
        assert.ok(keys.length > 0, 'the worker keeps the public answers');
        assert.deepEqual(keys.filter((k) => /session|audit|token/.test(k)), []);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  } finally {
    await chromium.close();
    await server.stop().catch(() => {});
  }
});
