// Product and destination profiles and the header search, end to end: each profile's figures
// against the API's for the same filter (per unit), and the search reached by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage, startServer, launchBrowser, newPage } from './harness.mjs';
import { dataset } from './expected.mjs';

const karya = useKarya();
const withPage = (check, options) => checkPage(karya, check, options);

async function openProfile(page, path) {
  await page.goto(`${karya.server.url}${path}`);
  await page.waitForSelector('[data-summary=product], [data-summary=country], [data-state^=unknown]', { timeout: 20_000 });
}

const exported = dataset.products.find((p) => p.status === 'exporting'
  && dataset.shipments.some((s) => s.product_id === p.id));

test('a product profile shows the API\'s destinations, ranking and production for that product', async () => {
  const id = exported.id;
  const [dest, ranking, production] = await Promise.all([
    karya.server.api(`/destinations?product=${id}&measure=quantity`),
    karya.server.api(`/ranking?product=${id}&rank=quantity`),
    karya.server.api(`/production?product=${id}&granularity=year`),
  ]);
  assert.ok(dest.total > 0, 'the sample exports this product');
  await withPage(async (page) => {
    await openProfile(page, `/product/${id}`);
    await page.waitForSelector('[data-destinations-total]');
    const shown = await page.evaluate(() => {
      const box = document.querySelector('[data-destinations-total]');
      return { total: Number(box.dataset.destinationsTotal), unit: box.dataset.unit };
    });
    assert.deepEqual(shown, { total: dest.total, unit: exported.unit });
    const rows = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-table=destinations] tbody tr')]
      .map((r) => [r.dataset.iso, Number(r.dataset.value)])));
    assert.deepEqual(rows, Object.fromEntries(dest.countries.map((c) => [c.country, c.value])));
    const ranked = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-table=product-ranking] tbody tr')]
      .map((r) => [r.dataset.facility, Number(r.dataset.value)])));
    assert.deepEqual(ranked, Object.fromEntries(ranking.rows.filter((r) => r.value > 0).map((r) => [r.facility_id, r.value])));
    const made = production.series.reduce((sum, s) => sum + s.total, 0);
    if (made > 0) {
      const total = await page.getAttribute(`[data-chart=product-production-${exported.unit}]`, 'data-total');
      assert.ok(Math.abs(Number(total) - made) < 1e-6, `production ${total} = ${made}`);
    }
    assert.equal(await page.getAttribute('[data-facts=product] [data-unit]', 'data-unit'), exported.unit);
    assert.match(await page.textContent('h1'), new RegExp(exported.name_id.slice(0, 8).replace(/[()]/g, '.')));
    const sentence = await page.textContent('[data-summary=product]');
    assert.match(sentence, /diekspor ke \d+ negara/);
    const releases = await page.locator('[data-list=releases] [data-shipment]').count();
    assert.equal(releases, Math.min(50, dataset.shipments.filter((s) => s.product_id === id).length));
    await page.goto(`${karya.server.url}/product/${id}?lang=en`);
    await page.waitForSelector('[data-summary=product]');
    assert.match(await page.textContent('[data-summary=product]'), /went to \d+ countr/);
    assert.match(await page.textContent('h1'), new RegExp(exported.name_en.slice(0, 8).replace(/[()]/g, '.')));
  });
});

test('vannamei shrimp is not exported yet: its stage and Lapas Nusakambangan are named (F10)', async () => {
  await withPage(async (page) => {
    await openProfile(page, '/product/vannamei-shrimp?lang=en');
    await page.waitForSelector('[data-state=not-exported]');
    assert.equal(await page.getAttribute('[data-state=not-exported]', 'data-stage'), 'planned');
    const named = await page.evaluate(() => [...document.querySelectorAll('[data-list=named-facilities] [data-facility]')]
      .map((e) => e.dataset.facility));
    assert.ok(named.includes('lapas-nusakambangan'), named.join());
    assert.match(await page.textContent('[data-summary=product]'), /has not been exported yet \(stage: planned\)/);
    assert.equal(await page.locator('[data-list=releases] [data-shipment]').count(), 0);
  });
});

test('a destination profile shows what the API says the country received, product by product', async () => {
  const dest = await karya.server.api('/destinations?country=ES');
  const es = dest.countries.find((c) => c.country === 'ES');
  assert.ok(es && es.shipments > 0, 'the sample sends releases to Spain');
  await withPage(async (page) => {
    await openProfile(page, '/country/ES');
    await page.waitForSelector('[data-table=receipts]');
    const received = await page.evaluate(() => [...document.querySelectorAll('[data-table=receipts] tbody tr')]
      .map((r) => ({ product_id: r.dataset.product, unit: r.dataset.unit, quantity: Number(r.dataset.quantity) })));
    const byKey = (a, b) => a.product_id.localeCompare(b.product_id) || a.unit.localeCompare(b.unit);
    assert.deepEqual(received.sort(byKey), es.quantities.map((q) => ({ product_id: q.product_id, unit: q.unit, quantity: q.quantity })).sort(byKey));
    const perYear = await page.evaluate(() => [...document.querySelectorAll('[data-table=per-year] tbody tr')]
      .reduce((sum, r) => sum + Number(r.dataset.value), 0));
    assert.equal(perYear, es.shipments, 'releases per year add up to the API\'s count');
    const flows = await page.evaluate(() => [...document.querySelectorAll('[data-list=flows] [data-flow]')]
      .reduce((sum, r) => sum + Number(r.dataset.value), 0));
    assert.equal(flows, es.shipments, 'flows from facilities add up to the same count');
    assert.match(await page.textContent('[data-summary=country]'), /^Spanyol menerima/);
    await page.click('[data-table=receipts] [data-profile-link=product]');
    await page.waitForSelector('[data-page=product] [data-summary=product]');
  });
});

test('a country without releases says so', async () => {
  const none = dataset.countries.find((c) => !dataset.shipments.some((s) => s.country === c.alpha2)) ?? { alpha2: 'NZ' };
  await withPage(async (page) => {
    await openProfile(page, `/country/${none.alpha2}?lang=en`);
    await page.waitForSelector('[data-state=no-releases]');
    assert.match(await page.textContent('[data-summary=country]'), /No export releases of WBP products to/);
    await openProfile(page, '/country/123');
    await page.waitForSelector('[data-state=unknown-country]');
  });
});

async function searchFor(page, text, steps = 1) {
  const box = page.locator('#site-search-input');
  await box.focus();
  await box.fill('');
  await page.keyboard.type(text);
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.ok(active, 'the active option is announced');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const chosen = await page.evaluate((id) => ({ kind: document.getElementById(id).dataset.kind,
    id: document.getElementById(id).dataset.id, selected: document.getElementById(id).getAttribute('aria-selected') }), active);
  assert.equal(chosen.selected, 'true');
  await page.keyboard.press('Enter');
  return chosen;
}

for (const lang of ['id', 'en']) {
  test(`search by keyboard reaches a country, a product and a facility (${lang})`, async () => {
    await withPage(async (page) => {
      const suffix = lang === 'en' ? '?lang=en' : '';
      await page.goto(`${karya.server.url}/${suffix}`);
      await page.waitForSelector('#site-search-input');
      await page.waitForFunction(() => document.querySelector('[data-kpi=shipments]'));
      const country = await searchFor(page, lang === 'en' ? 'spain' : 'Spanyol');
      assert.deepEqual([country.kind, country.id], ['country', 'ES']);
      await page.waitForSelector('[data-page=country][data-country-page=ES]');
      assert.equal(new URL(page.url()).search, suffix);
      const product = await searchFor(page, lang === 'en' ? 'SHRIMP' : 'udang');
      assert.deepEqual([product.kind, product.id], ['product', 'vannamei-shrimp']);
      await page.waitForSelector('[data-page=product][data-product-page=vannamei-shrimp]');
      const facility = await searchFor(page, 'cirébon');
      assert.deepEqual([facility.kind, facility.id], ['facility', 'lapas-cirebon']);
      await page.waitForSelector('[data-page=facility][data-facility-page=lapas-cirebon]');
      // Grouped: facilities first, then products, then countries; Escape closes the list.
      const box = page.locator('#site-search-input');
      await box.focus();
      await page.keyboard.type('es');
      const kinds = await page.evaluate(() => [...document.querySelectorAll('#site-search-list [role=option]')].map((o) => o.dataset.kind));
      const order = ['facility', 'product', 'country'];
      assert.deepEqual(kinds, [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      assert.ok(kinds.includes('country'));
      await page.keyboard.press('Escape');
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
    });
  });
}

test('profiles print like the other views: figures, releases and sources, no header, search or controls', async () => {
  await withPage(async (page) => {
    for (const [path, ready] of [[`/product/${exported.id}?lang=en`, '[data-destinations-total]'],
      ['/country/ES?lang=en', '[data-table=receipts] tbody tr']]) {
      await openProfile(page, path);
      await page.waitForSelector(ready);
      await page.waitForSelector('[data-list=releases] li');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.isVisible('.site-header'), false, path);
      assert.equal(await page.isVisible('[data-search]'), false, `${path}: no search box on paper`);
      for (const shown of ['[data-summary]', ready, '[data-list=releases]', '[data-sources]']) {
        assert.equal(await page.isVisible(shown), true, `${path}: ${shown} prints`);
      }
      const controls = await page.$$eval('main button, main select, main input, [data-action]',
        (all) => all.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(controls, [], `${path}: no control on paper`);
      const tables = await page.$$eval('table', (all) => all.map((t) => getComputedStyle(t).breakInside));
      assert.ok(tables.length > 0 && tables.every((b) => b === 'avoid'), `${path}: ${tables}`);
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
