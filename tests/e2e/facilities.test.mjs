// Facility output, end to end: the map of Indonesia, the ranking, the pipeline and one
// facility's page, against what the API says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';
import { dataset, indonesiaMap, intl, quantityIn, countEn, ROLE_EN, KIND_EN, blkEn } from './expected.mjs';

const karya = useKarya();
const withPage = (check, options) => checkPage(karya, check, options);

async function openFacilities(page, query = '') {
  await page.goto(`${karya.server.url}/facilities${query}`);
  await page.waitForSelector('svg.indonesia-map [data-facility]');
  await page.waitForSelector('[data-table=ranking] tbody tr');
}

async function openFacility(page, id, query = '') {
  await page.goto(`${karya.server.url}/facility/${id}${query}`);
  await page.waitForSelector('[data-summary=production]');
}

// The page's own limits: bars for the first MAX_BARS facilities of the ranking, and the first
// TABLE_ROWS rows of the table until "Show all" (src/pages/facilities.rs).
const MAX_BARS = 15;
const TABLE_ROWS = 25;

// The cells of one CSV line (RFC 4180 quoting).
const csvCells = (line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)]
  .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]));

const attrs = (page, selector, key) => page.evaluate(([selector, key]) => Object.fromEntries(
  [...document.querySelectorAll(selector)].map((e) => [e.dataset[key], e.dataset.value === undefined ? null : Number(e.dataset.value)])),
[selector, key]);

test('the map of Indonesia shows every facility with its zoning role, and the sample\'s supply links', async () => {
  const [facilities, links] = await Promise.all([karya.server.api('/facilities'), karya.server.api('/supply-links')]);
  assert.equal(facilities.length, dataset.facilities.length, 'every facility of the sample');
  assert.equal(links.length, dataset.supply_links.length, 'every supply link of the sample');
  assert.ok(facilities.length > 0 && links.length > 0);
  await withPage(async (page) => {
    await openFacilities(page);
    const roles = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('svg.indonesia-map [data-facility]')].map((p) => [p.dataset.facility, p.dataset.role])));
    assert.deepEqual(roles, Object.fromEntries(facilities.map((f) => [f.id, f.role])));
    assert.deepEqual([...new Set(Object.values(roles))].sort(), ['both', 'producer', 'supplier'],
      'producers, suppliers and both are all there');
    for (const role of ['producer', 'supplier', 'both']) {
      assert.equal(await page.locator(`svg.indonesia-map [data-legend-role=${role}]`).count(), 1, `legend for ${role}`);
    }
    const drawn = await page.evaluate(() => [...document.querySelectorAll('svg.indonesia-map [data-link]')]
      .map((l) => [l.dataset.link, l.dataset.supplier, l.dataset.producer, l.textContent.trim()]));
    assert.deepEqual(drawn.map((l) => l[0]).sort(), links.map((l) => l.id).sort());
    for (const link of links) {
      const [, supplier, producer, label] = drawn.find((d) => d[0] === link.id);
      assert.equal(supplier, link.supplier_id);
      assert.equal(producer, link.producer_id);
      assert.equal(label, link.material_id, 'labelled with the material, in Indonesian');
    }
    assert.equal(await page.locator('svg.indonesia-map path.province').count(), indonesiaMap.provinces.length,
      'every province outline of data/geo/indonesia.json');
    assert.match(await page.textContent('svg.indonesia-map .chart-source'), /2012/, 'says the outlines predate today\'s provinces');
  });
});

test('ranking rows and map points carry the API\'s figures, and the total matches the shipment count', async () => {
  const q = 'from=2025&to=2025';
  const [ranking, list] = await Promise.all([karya.server.api(`/ranking?${q}&rank=releases`), karya.server.api(`/shipments?${q}`)]);
  assert.equal(ranking.total, list.total);
  assert.equal(ranking.rows.length, dataset.facilities.length, 'the ranking has every facility');
  assert.ok(ranking.rows.some((r) => r.value > 0) && list.total > 0, '2025 has releases');
  await withPage(async (page) => {
    await openFacilities(page, `?${q}`);
    const expected = Object.fromEntries(ranking.rows.map((r) => [r.facility_id, r.value]));
    assert.deepEqual(await attrs(page, '[data-table=ranking] tbody tr', 'facility'), expected);
    assert.deepEqual(await attrs(page, 'svg.indonesia-map [data-facility]', 'facility'), expected);
    // Bars for the first facilities of the ranking, in its order, with its figures.
    const bars = await page.$$eval('svg.bar-chart [data-bar]', (gs) => gs.map((g) => ({
      id: g.dataset.bar, value: Number(g.dataset.value), width: Number(g.querySelector('rect').getAttribute('width')),
    })));
    const top = ranking.rows.slice(0, MAX_BARS);
    assert.deepEqual(bars.map((b) => [b.id, b.value]), top.map((r) => [r.facility_id, r.value]));
    // Lengths proportional to the figures: each bar is its share of the longest, within half
    // a unit of the drawing (less than a pixel).
    const longest = bars[0];
    assert.ok(longest.value > 0 && longest.width > 0);
    for (const b of bars) {
      const width = longest.width * b.value / longest.value;
      assert.ok(Math.abs(b.width - width) <= 0.5, `bar ${b.id}: ${b.width} wide for ${b.value}, expected ${width}`);
    }
    assert.equal(Number(await page.getAttribute('[data-table=ranking] tfoot tr', 'data-total')), list.total);
    // By quantity once a product is chosen: the production endpoint's total, in one unit.
    await page.selectOption('select[data-control=product]', 'rattan-basket');
    await page.waitForURL(/product=rattan-basket/);
    await page.waitForFunction(() => document.querySelector('[data-control=rank-quantity]').checked);
    const production = await karya.server.api(`/production?${q}&product=rattan-basket`);
    assert.equal(production.series.length, 1, 'one product, one series');
    await page.waitForFunction((t) => Number(document.querySelector('[data-table=ranking] tfoot tr')?.dataset.total) === t,
      production.series[0].total);
  });
});

test('the table sorts by a column and a search narrows it, both kept in the address', async () => {
  const facilities = await karya.server.api('/facilities');
  const byName = facilities.map((f) => f.name).sort((a, b) => a.localeCompare(b));
  const tangerang = facilities.filter((f) => f.name.toLowerCase().includes('tangerang')).length;
  assert.ok(byName.length > 1 && tangerang > 0 && tangerang < byName.length, 'the sample has names to sort and to find');
  await withPage(async (page) => {
    const names = () => page.$$eval('[data-table=ranking] tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
    await openFacilities(page);
    await page.click('[data-sort=name]');
    await page.waitForURL(/sort=name/);
    assert.deepEqual(await names(), byName.slice(0, TABLE_ROWS), 'A to Z');
    await page.click('[data-sort=name]');
    await page.waitForURL(/sort=-name/);
    await page.waitForFunction((first) => document.querySelector('[data-table=ranking] tbody tr td:nth-child(2)')?.textContent === first,
      byName.at(-1));
    assert.deepEqual(await names(), [...byName].reverse().slice(0, TABLE_ROWS), 'Z to A');
    await page.fill('input[data-control=search]', 'tangerang');
    await page.waitForURL(/q=tangerang/);
    await page.waitForFunction((n) => document.querySelectorAll('[data-table=ranking] tbody tr').length === n, tangerang);
    await page.reload();
    await page.waitForSelector('[data-table=ranking] tbody tr');
    assert.equal(await page.locator('[data-table=ranking] tbody tr').count(), tangerang);
    assert.equal(await page.inputValue('input[data-control=search]'), 'tangerang');
    await page.fill('input[data-control=search]', 'no such facility');
    await page.waitForSelector('[data-empty=search]');
  });
});

test('the pipeline shows the F10 products with their statuses and the facilities involved', async () => {
  await withPage(async (page) => {
    await openFacilities(page, '?lang=en');
    for (const [product, status] of [['coco-shade', 'exporting'], ['eco-bag', 'in_development'],
      ['solar-panel', 'in_development'], ['vannamei-shrimp', 'planned']]) {
      const item = page.locator(`[data-pipeline] [data-product=${product}]`);
      assert.equal(await item.getAttribute('data-status'), status, product);
      assert.equal(await page.locator(`[data-stage=${status}] [data-product=${product}]`).count(), 1);
    }
    const shrimp = await page.textContent('[data-pipeline] [data-product=vannamei-shrimp]');
    assert.match(shrimp, /Vannamei shrimp/);
    assert.match(shrimp, /Lapas Nusakambangan/);
    assert.match(shrimp, /Not exported yet/);
    assert.match(await page.textContent('[data-stage=planned] h3'), /Planned/);
    assert.match(await page.textContent('[data-pipeline] [data-product=solar-panel]'), /No facility named yet/);
  });
});

test('the facility page\'s chart totals equal the API\'s, per unit and per period', async () => {
  const q = 'from=2025&to=2025';
  const [api, products] = await Promise.all([
    karya.server.api(`/production?facility=lapas-tangerang&${q}&granularity=quarter`), karya.server.api('/products')]);
  assert.ok(api.series.length > 0, 'lapas-tangerang produced in 2025');
  assert.ok(api.comparison.growth.length > 0, 'with a growth against 2024');
  await withPage(async (page) => {
    await openFacility(page, 'lapas-tangerang', `?${q}&grain=quarter`);
    await page.waitForSelector('[data-chart^=production] svg .column');
    const blocks = await page.evaluate(() => [...document.querySelectorAll('[data-chart^=production]')].map((b) => ({
      unit: b.dataset.unit,
      total: Number(b.dataset.total),
      columns: [...b.querySelectorAll('svg .column')].map((c) => [c.dataset.period, Number(c.dataset.value)]),
    })));
    const units = [...new Set(api.series.map((s) => s.unit))];
    assert.deepEqual(blocks.map((b) => b.unit).sort(), units.sort(), 'one chart per unit');
    for (const block of blocks) {
      const series = api.series.filter((s) => s.unit === block.unit);
      const apiTotal = series.reduce((a, s) => a + s.total, 0);
      assert.ok(Math.abs(block.total - apiTotal) < 1e-6, `${block.unit}: chart ${block.total} vs API ${apiTotal}`);
      const columnSum = block.columns.reduce((a, [, v]) => a + v, 0);
      assert.ok(Math.abs(columnSum - apiTotal) < 1e-6, `${block.unit}: columns add up to the total`);
      assert.deepEqual(block.columns.map(([p]) => p), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    }
    // Growth against the previous period, with both periods named: whole years by their number.
    const { current, previous, growth } = api.comparison;
    const year = (span) => {
      assert.ok(span.first.endsWith('-01') && span.last === `${span.first.slice(0, 4)}-12`, `${span.first}–${span.last} is a year`);
      return span.first.slice(0, 4);
    };
    const cells = (selector) => page.$$eval(selector, (cs) => cs.map((c) => c.textContent.trim()));
    assert.deepEqual(await cells('[data-table=growth] thead th'), ['Produk', year(current), year(previous), 'Perubahan']);
    assert.equal(await page.locator('[data-table=growth] tbody tr').count(), growth.length);
    for (const g of growth) {
      const row = `[data-table=growth] [data-growth=${g.product_id}]`;
      assert.equal(Number(await page.getAttribute(row, 'data-pct')), Number(g.pct.toFixed(1)));
      const words = g.pct > 0 ? `naik ${intl(g.pct, 'id')}%` : `turun ${intl(-g.pct, 'id')}%`;
      assert.deepEqual(await cells(`${row} > *`), [products.find((p) => p.id === g.product_id).name_id,
        quantityIn(g.current, g.unit, 'id'), quantityIn(g.previous, g.unit, 'id'), words]);
    }
  });
});

test('a facility with no production says so in words, and an unknown one is named as unknown', async () => {
  const out = (await karya.server.api('/supply-links')).filter((l) => l.supplier_id === 'lapas-indramayu');
  assert.ok(out.length > 0, 'lapas-indramayu supplies others');
  await withPage(async (page) => {
    await openFacility(page, 'lapas-indramayu', '?lang=en');
    await page.waitForSelector('[data-empty=production]');
    assert.equal(await page.locator('[data-chart^=production]').count(), 0, 'no empty axis');
    assert.match(await page.textContent('[data-summary=production]'), /recorded no production/);
    // A supplier: its supply links out are listed.
    assert.deepEqual(await page.$$eval('[data-direction=out]', (ls) => ls.map((l) => l.dataset.link).sort()),
      out.map((l) => l.id).sort());
    assert.equal(await page.locator('[data-direction=in]').count(), 0, 'a supplier only: no links in');
  });
  // The one request an unknown id makes is answered 404 (the browser logs it); nothing else.
  await withPage(async (page) => {
    await page.goto(`${karya.server.url}/facility/lapas-atlantis`);
    await page.waitForSelector('[data-state=unknown-facility]');
  }, { allowed: [/status of 404 .*\/api\/v1\/facilities\/lapas-atlantis/] });
});

test('a period without data says so in words instead of drawing empty charts', async () => {
  await withPage(async (page) => {
    await openFacilities(page, '?lang=en&from=2010&to=2010');
    await page.waitForSelector('[data-empty=period]');
    assert.equal(await page.locator('svg.bar-chart').count(), 0);
    assert.match(await page.textContent('[data-summary=ranking]'), /No facility has a figure/);
    await openFacility(page, 'lapas-cirebon', '?lang=en&from=2010&to=2010');
    await page.waitForSelector('[data-empty=production]');
    assert.equal(await page.locator('[data-chart^=production]').count(), 0);
  });
});

test('hovering and focusing a facility shows its tooltip; Enter opens its page', async () => {
  const [facilities, ranking] = await Promise.all([karya.server.api('/facilities'), karya.server.api('/ranking?rank=releases')]);
  // The tooltip's lines, from the API: name, kind and province, role, ranked figure, BLK.
  const lines = (id) => {
    const f = facilities.find((x) => x.id === id);
    const releases = ranking.rows.find((r) => r.facility_id === id).value;
    return [f.name, `${KIND_EN[f.kind]} · ${f.province}`, ROLE_EN[f.role], countEn(releases, 'release', 'releases'), blkEn(f.has_blk)];
  };
  const tip = (page) => page.$$eval('[data-chart-tooltip] > div', (ds) => ds.map((d) => d.textContent));
  await withPage(async (page) => {
    await openFacilities(page, '?lang=en');
    await page.hover('svg.indonesia-map [data-facility=lapas-cirebon]');
    await page.waitForSelector('[data-chart-tooltip]');
    assert.deepEqual(await tip(page), lines('lapas-cirebon'));
    await page.focus('svg.indonesia-map [data-facility=lapas-surabaya]');
    await page.waitForFunction((name) => document.querySelector('[data-chart-tooltip] > div')?.textContent === name,
      lines('lapas-surabaya')[0]);
    assert.deepEqual(await tip(page), lines('lapas-surabaya'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/facility\/lapas-surabaya/);
    await page.waitForSelector('[data-summary=production]');
  });
});

test('the selection survives moving between the world map and the facility pages', async () => {
  await withPage(async (page) => {
    await page.goto(`${karya.server.url}/map?from=2025&to=2025&product=coco-shade`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    await page.click('nav.site-nav a[href^="/facilities"]');
    await page.waitForURL(/\/facilities\?/);
    await page.waitForSelector('[data-table=ranking] tbody tr');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('from'), '2025');
    assert.equal(url.searchParams.get('product'), 'coco-shade');
    assert.equal(await page.inputValue('select[data-control=year]'), '2025');
    assert.equal(await page.inputValue('select[data-control=product]'), 'coco-shade');
    await page.click('[data-table=ranking] tbody tr[data-facility=lapas-cirebon] a');
    await page.waitForURL(/\/facility\/lapas-cirebon\?/);
    await page.waitForSelector('[data-summary=production]');
    assert.equal(await page.inputValue('select[data-control=year]'), '2025');
    const facilityUrl = new URL(page.url());
    assert.equal(facilityUrl.searchParams.get('product'), 'coco-shade');
    await page.click('[data-link=map]');
    await page.waitForURL(/\/map\?/);
    await page.waitForSelector('svg.world-map path[data-iso]');
    const mapUrl = new URL(page.url());
    assert.equal(mapUrl.searchParams.get('from'), '2025');
    assert.equal(mapUrl.searchParams.get('product'), 'coco-shade');
    assert.equal(mapUrl.searchParams.get('facility'), 'lapas-cirebon');
    assert.equal(await page.inputValue('select[data-control=facility]'), 'lapas-cirebon');
    await page.goBack();
    await page.waitForURL(/\/facility\/lapas-cirebon/);
  });
});

test('the facility views fit a 320 px phone', async () => {
  for (const path of ['/facilities', '/facility/lapas-cirebon']) {
    await withPage(async (page) => {
      await page.goto(`${karya.server.url}${path}`);
      await page.waitForSelector('[data-summary=ranking], [data-summary=production]');
      await page.waitForSelector('svg.indonesia-map, [data-chart^=production] svg');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    }, { viewport: { width: 320, height: 640 } });
  }
});

test('the ranking\'s CSV download holds every facility with the figures shown', async () => {
  const ranking = await karya.server.api('/ranking?rank=releases');
  await withPage(async (page) => {
    await openFacilities(page, '?lang=en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download-csv]')]);
    const csv = (await (await download.createReadStream()).toArray()).join('').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    assert.match(lines[0], /^id,facility,ranked_value,releases/);
    assert.equal(ranking.rows.length, dataset.facilities.length, 'the ranking has every facility');
    assert.equal(lines.length, ranking.rows.length + 1);
    // Every row in the ranking's order with its figure.
    assert.deepEqual(lines.slice(1).map((l) => { const c = csvCells(l); return [c[0], Number(c[2])]; }),
      ranking.rows.map((r) => [r.facility_id, r.value]));
  });
});
