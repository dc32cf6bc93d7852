// The overview, end to end: real server, real database, release build, headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, newPage, waitForOverview } from './harness.mjs';
import { dataset, quantityIn } from './expected.mjs';

const KPIS = ['destination_countries', 'shipments', 'facilities', 'products_exporting', 'products_pipeline'];
const karya = useKarya();

// Opens `path`, runs `check`, and fails on any page or console error not `allowed`.
async function visit(path, check, { allowed = [], serviceWorkers = 'allow' } = {}) {
  const { page, problems, close } = await newPage(karya.chromium.browser, { serviceWorkers });
  try {
    await page.goto(karya.server.url + path);
    await check(page);
    const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], 'no page or console errors');
  } finally {
    await close();
  }
}

// The number as the browser's own Intl writes it: an oracle independent of Karya's formatter.
const intl = (n, lang) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 1 });

async function assertKpisMatch(page, summary, lang) {
  for (const kpi of KPIS) {
    const card = page.locator(`[data-kpi=${kpi}]`);
    assert.equal(await card.getAttribute('data-value'), String(summary[kpi]), `${kpi} data-value`);
    assert.equal((await card.locator('.kpi-value').textContent()).trim(), intl(summary[kpi], lang), `${kpi} text`);
  }
  // Every call has releases, so quantities to show: an empty list would check nothing.
  assert.ok(summary.shipments > 0 && summary.quantities.length > 0, 'the summary has quantities');
  assert.equal(await page.locator('[data-kpi=quantities]').count(), summary.quantities.length);
  for (const q of summary.quantities) {
    const card = page.locator(`[data-kpi=quantities][data-product=${q.product_id}]`);
    assert.equal(Number(await card.getAttribute('data-value')), q.quantity, q.product_id);
    assert.equal(await card.getAttribute('data-unit'), q.unit, q.product_id);
    assert.equal((await card.locator('.kpi-value').textContent()).trim(), quantityIn(q.quantity, q.unit, lang),
      `${q.product_id} formatted in its unit`);
  }
}

test('the overview shows the API figures in Indonesian by default', async () => {
  const summary = await karya.server.api('/summary');
  assert.equal(summary.shipments, dataset.shipments.length, 'every release of the sample');
  assert.equal(summary.quantities.length, new Set(dataset.shipments.map((s) => s.product_id)).size,
    'a quantity for every product exported in the sample');
  await visit('/', async (page) => {
    await waitForOverview(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    await assertKpisMatch(page, summary, 'id');
    assert.match(await page.locator('nav').textContent(), /Ringkasan/);
    assert.match(await page.locator('[data-kpi=shipments]').textContent(), /Data ilustrasi/);
  });
});

test('the overview shows the same figures in English with ?lang=en', async () => {
  const summary = await karya.server.api('/summary');
  await visit('/?lang=en', async (page) => {
    await waitForOverview(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await assertKpisMatch(page, summary, 'en');
    assert.match(await page.locator('[data-kpi=destination_countries]').textContent(), /Destination countries/);
    assert.match(await page.locator('[data-kpi=shipments]').textContent(), /Illustrative data/);
  });
});

test('the language switch changes the words and keeps the figures', async () => {
  const summary = await karya.server.api('/summary');
  await visit('/', async (page) => {
    await waitForOverview(page);
    await page.click('[data-action=switch-language]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(page.url(), /lang=en/);
    await assertKpisMatch(page, summary, 'en');
  });
});

test('the reported release of F7 is shown with its source and without an invented date', async () => {
  await visit('/', async (page) => {
    await waitForOverview(page);
    const row = page.locator('[data-table=reported-releases] tbody tr');
    assert.equal(await row.count(), 1);
    const text = await row.textContent();
    for (const expected of ['Lapas Cirebon', 'Spanyol', '750 buah', 'tanggal tidak disebutkan sumber', 'Dilaporkan', 'Pantau']) {
      assert.ok(text.includes(expected), `"${expected}" in "${text}"`);
    }
    assert.match(await page.locator('[data-statement=f08-delapan-negara]').textContent(), /delapan negara/);
  });
});

test('a filter in the address narrows the figures exactly as the API does', async () => {
  const summary = await karya.server.api('/summary?from=2025&country=KR');
  assert.ok(summary.shipments > 0 && summary.shipments < (await karya.server.api('/summary')).shipments);
  await visit('/?from=2025&country=KR', async (page) => {
    await waitForOverview(page);
    await assertKpisMatch(page, summary, 'id');
    const rows = await page.locator('[data-table=latest-releases] tbody tr').count();
    assert.equal(rows, Math.min(8, summary.shipments));
  });
});

test('a malformed filter in the address falls back to all data and says so', async () => {
  const summary = await karya.server.api('/summary');
  await visit('/?from=kemarin', async (page) => {
    await waitForOverview(page);
    assert.ok(await page.locator('[data-notice=filter-fallback]').isVisible());
    await assertKpisMatch(page, summary, 'id');
  });
});

test('an unreachable backend shows what happened and a retry that recovers', async () => {
  const summary = await karya.server.api('/summary');
  await visit('/', async (page) => {
    // The network refuses every API call, as when the server is down.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.waitForSelector('[data-state=error]');
    const panel = await page.locator('[data-state=error]').textContent();
    assert.match(panel, /tidak dapat dihubungi/);
    assert.doesNotMatch(panel, /JsValue|TypeError/);
    await page.unroute('**/api/v1/**');
    await page.click('[data-action=retry]');
    await page.waitForSelector('[data-kpi=shipments]');
    await assertKpisMatch(page, summary, 'id');
    // No service worker: page.route does not see the requests a worker makes, and one that
    // took control during the first load would answer around the refusal.
  }, { allowed: [/Failed to load resource: net::ERR_CONNECTION_REFUSED .*\/api\/v1\//], serviceWorkers: 'block' });
});

test('an answer of the server that says no is shown in the reader\'s language with its reason', async () => {
  await visit('/?lang=en&product=no-such-product', async (page) => {
    await waitForOverview(page);
    const panel = await page.locator('[data-state=error]').textContent();
    assert.match(panel, /refused this request/);
    assert.match(panel, /no product with the code "no-such-product"/);
    assert.ok(await page.locator('[data-action=retry]').isVisible());
  }, { allowed: [/Failed to load resource: the server responded with a status of 400 .*\/api\/v1\/(summary|shipments)\?/] });
});

test('client routes load directly and unknown ones say so', async () => {
  await visit('/facility/lapas-cirebon?lang=en', async (page) => {
    await page.waitForSelector('[data-page=facility] [data-summary=production]');
    assert.match(await page.locator('h1').textContent(), /Lapas Cirebon/);
  });
  await visit('/map', async (page) => {
    await page.waitForSelector('[data-page=map]');
  });
  await visit('/no/such/page', async (page) => {
    await page.waitForSelector('[data-page=not-found]');
    assert.match(await page.locator('h1').textContent(), /tidak ditemukan/);
  });
});

test('a phone-sized screen shows every figure without horizontal scrolling of the page', async () => {
  const { page, problems, close } = await newPage(karya.chromium.browser, { viewport: { width: 320, height: 640 } });
  try {
    await page.goto(karya.server.url + '/');
    await waitForOverview(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
