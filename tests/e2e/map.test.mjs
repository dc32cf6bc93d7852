// The world map, end to end: what a person sees against what the API says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage, hoverCountry, clickCountry } from './harness.mjs';
import { dataset, worldMap, intl, usdEn, dateEn, quantityEn, countEn } from './expected.mjs';

const karya = useKarya();

const withPage = (check, options) => checkPage(karya, check, options);

async function openMap(page, query = '') {
  await page.goto(`${karya.server.url}/map${query}`);
  await page.waitForSelector('svg.world-map path[data-iso]');
  await page.waitForSelector('[data-summary=map]');
}

// The figures the choropleth encodes, by country, as the page carries them.
const mapValues = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('svg.world-map [data-iso][data-value]')].map((p) => [p.dataset.iso, Number(p.dataset.value)])));

// Waits until the map shades the countries of an API answer; the answer must have some, or
// waiting for none would pass on an empty map.
async function waitForMapOf(page, expected) {
  assert.ok(expected.countries.length > 0, 'the API answer has destinations to draw');
  await page.waitForFunction((n) => document.querySelectorAll('svg.world-map [data-iso][data-value]').length === n,
    expected.countries.length);
}

test('every country shape carries data-iso, and those with exports the value the API gives', async () => {
  const api = await karya.server.api('/destinations');
  await withPage(async (page) => {
    await openMap(page);
    await waitForMapOf(page, api);
    assert.equal(api.countries.length, new Set(dataset.shipments.map((s) => s.country)).size,
      'every destination of the sample');
    const shapes = await page.locator('svg.world-map path.country').count();
    assert.equal(shapes, worldMap.countries.length, 'every country shape of data/geo/world.json');
    assert.equal(await page.locator('svg.world-map path.country:not([data-iso])').count(), 0);
    const values = await mapValues(page);
    assert.deepEqual(values, Object.fromEntries(api.countries.map((c) => [c.country, c.value])));
  });
});

test('the map total equals the API total and the table total, for several filters', async () => {
  for (const q of ['', '?from=2025&to=2025', '?product=coco-shade&measure=quantity', '?measure=value', '?facility=lapas-medan']) {
    const apiQuery = q.replace('?', '');
    const api = await karya.server.api(`/destinations?${apiQuery}`);
    const summary = await karya.server.api(`/summary?${apiQuery.replace(/&?measure=\w+/, '')}`);
    if (!q.includes('measure')) assert.equal(api.total, summary.shipments, `${q}: API map total = summary`);
    await withPage(async (page) => {
      await openMap(page, q);
      await waitForMapOf(page, api);
      const values = Object.values(await mapValues(page));
      const mapTotal = values.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(mapTotal - api.total) < 1e-6, `${q}: map ${mapTotal} vs API ${api.total}`);
      assert.equal(await page.locator('[data-not-on-map]').count(), 0, 'every destination has a shape');
      await page.click('[data-tab=table]');
      const total = Number(await page.getAttribute('[data-table=destinations] tfoot tr', 'data-total'));
      assert.ok(Math.abs(total - api.total) < 1e-6, `${q}: table ${total} vs API ${api.total}`);
      const rows = await page.locator('[data-table=destinations] tbody tr').count();
      assert.equal(rows, api.countries.length);
    });
  }
});

test('filters go to the address, and a reload or back gives the same view', async () => {
  await withPage(async (page) => {
    await openMap(page);
    await page.selectOption('[data-control=product]', 'coco-shade');
    await page.waitForURL(/product=coco-shade/);
    await page.check('[data-control=measure-quantity]');
    await page.waitForURL(/measure=quantity/);
    await page.locator('[data-control=year]').fill('2025');
    await page.waitForURL(/from=2025&to=2025/);
    const api = await karya.server.api('/destinations?from=2025&to=2025&product=coco-shade&measure=quantity');
    await waitForMapOf(page, api);
    const before = { values: await mapValues(page), summary: await page.textContent('[data-summary=map]'), url: page.url() };
    assert.deepEqual(before.values, Object.fromEntries(api.countries.map((c) => [c.country, c.value])));
    const top = api.countries[0];
    assert.ok(before.summary.startsWith(`Produk WBP diekspor ke ${api.countries.length} negara dalam ${api.shipments} pelepasan`),
      before.summary);
    assert.ok(before.summary.includes(`(${intl(top.value, 'id')} buah)`), `${top.country} in pieces: ${before.summary}`);

    await page.reload();
    await openMap(page, new URL(before.url).search);
    await waitForMapOf(page, api);
    assert.deepEqual(await mapValues(page), before.values);
    assert.equal(await page.textContent('[data-summary=map]'), before.summary);
    assert.equal(await page.inputValue('[data-control=product]'), 'coco-shade');

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('from=2025'));
    const all = await karya.server.api('/destinations?product=coco-shade&measure=quantity');
    await waitForMapOf(page, all);
    assert.deepEqual(await mapValues(page), Object.fromEntries(all.countries.map((c) => [c.country, c.value])));
  });
});

test('clicking a country lists its shipments, each with its provenance', async () => {
  const list = await karya.server.api('/shipments?country=ES&limit=500');
  await withPage(async (page) => {
    await openMap(page);
    await clickCountry(page, 'ES');
    await page.waitForSelector('[data-panel=ES] li');
    assert.match(page.url(), /focus=ES/);
    const items = page.locator('[data-panel=ES] li');
    assert.equal(await items.count(), list.total);
    assert.equal(await page.locator('[data-panel=ES] li [data-provenance]').count(), list.total);
    assert.match(await page.textContent('[data-panel=ES]'), /Pantau/, 'the reported release cites its source');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-panel]'));
    assert.doesNotMatch(page.url(), /focus=/);
  });
});

test('the keyboard reaches destinations, opens the panel and closes it', async () => {
  const api = await karya.server.api('/destinations');
  await withPage(async (page) => {
    await openMap(page);
    await waitForMapOf(page, api);
    let iso = null;
    for (let i = 0; i < 40 && !iso; i++) {
      await page.keyboard.press('Tab');
      iso = await page.evaluate(() => document.activeElement?.closest?.('svg.world-map') ? document.activeElement.dataset.iso : null);
    }
    assert.ok(iso, 'Tab reaches a destination on the map');
    assert.ok(api.countries.some((c) => c.country === iso), `${iso} is a destination`);
    await page.waitForSelector(`[data-tooltip=${iso}]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-panel=${iso}] li`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-panel]'));
  });
});

test('hovering a destination shows its name and figures in the current language', async () => {
  const [api, country, products] = await Promise.all([karya.server.api('/destinations'), karya.server.api('/countries/AU'),
    karya.server.api('/products')]);
  const au = api.countries.find((c) => c.country === 'AU');
  assert.ok(au && au.quantities.length > 0, 'Australia is a destination of the sample');
  // The tooltip's lines, from the API: name, figure, releases, quantities, value, latest.
  const expected = [
    country.name_en,
    countEn(au.value, 'release', 'releases'),
    `Releases: ${intl(au.shipments, 'en')}`,
    ...au.quantities.map((q) => `${quantityEn(q.quantity, q.unit)} · ${products.find((p) => p.id === q.product_id).name_en}`),
    ...(au.value_usd === null ? [] : [`Value: ${usdEn(au.value_usd)}`]),
    `Latest release: ${au.latest ? dateEn(au.latest) : 'date not stated by the source'}`,
  ];
  await withPage(async (page) => {
    await openMap(page, '?lang=en');
    await hoverCountry(page, 'AU');
    await page.waitForSelector('[data-tooltip=AU]');
    const tip = await page.$$eval('[data-tooltip=AU] > *', (es) => es.flatMap((e) => (e.tagName === 'UL'
      ? [...e.children].map((li) => li.textContent) : [e.textContent])));
    assert.deepEqual(tip, expected);
    assert.ok((await page.textContent('[data-summary=map]'))
      .startsWith(`WBP products went to ${api.countries.length} countries in ${api.shipments} releases`));
  });
});

test('a malformed view in the address falls back to the default and says so', async () => {
  const api = await karya.server.api('/destinations');
  await withPage(async (page) => {
    await openMap(page, '?measure=weight&from=kemarin');
    await page.waitForSelector('[data-notice=filter-fallback]');
    await waitForMapOf(page, api);
    assert.deepEqual(await mapValues(page), Object.fromEntries(api.countries.map((c) => [c.country, c.value])));
  });
});

test('zoom and pan work by buttons, one pointer and no drag needed', async () => {
  await withPage(async (page) => {
    await openMap(page);
    const transform = () => page.getAttribute('svg.world-map .zoom-layer', 'transform');
    const start = await transform();
    await page.click('[data-action=zoom-in]');
    await page.click('[data-action=pan-left]');
    assert.notEqual(await transform(), start);
    await page.click('[data-action=zoom-reset]');
    assert.equal(await transform(), start);
  });
});

test('the map fits a 320 px phone', async () => {
  await withPage(async (page) => {
    await openMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  }, { viewport: { width: 320, height: 640 } });
});

test('the SVG and PNG downloads carry the map with its title, legend and sources', async () => {
  await withPage(async (page) => {
    await openMap(page, '?lang=en&from=2025&to=2025');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download-svg]')]);
    const chunks = [];
    for await (const c of await svgDownload.createReadStream()) chunks.push(c);
    const svg = Buffer.concat(chunks).toString('utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /Where WBP products are exported · 2025/);
    assert.match(svg, /No exports/, 'the legend is inside');
    assert.match(svg, /Natural Earth/, 'the sources are inside');
    assert.match(svg, /data-iso="ES"/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download-png]')]);
    const png = [];
    for await (const c of await pngDownload.createReadStream()) png.push(c);
    const bytes = Buffer.concat(png);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(bytes.readUInt32BE(16), 2000, 'PNG width');
  });
});

test('the CSV download holds the table\'s rows', async () => {
  const api = await karya.server.api('/destinations');
  await withPage(async (page) => {
    await page.goto(`${karya.server.url}/map?tab=table`);
    await page.waitForSelector('[data-table=destinations] tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download-csv]')]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    assert.ok(api.countries.length > 0 && api.total > 0, 'the API has destinations');
    assert.equal(lines.length, api.countries.length + 1);
    const releases = lines.slice(1).map((l) => Number(l.split(',')[2])).reduce((a, b) => a + b, 0);
    assert.equal(releases, api.total);
  });
});

test('play steps through the years and pause stops it', async () => {
  await withPage(async (page) => {
    await openMap(page);
    await page.click('[data-action=play]');
    await page.waitForURL(/from=(\d{4})&to=\1/);
    const first = new URL(page.url()).searchParams.get('from');
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('from') !== y, first, { timeout: 10_000 });
    await page.click('[data-action=play]');
    const stopped = new URL(page.url()).searchParams.get('from');
    await page.waitForTimeout(3500);
    assert.equal(new URL(page.url()).searchParams.get('from'), stopped, 'no step after pause');
    assert.equal(await page.getAttribute('[data-action=play]', 'aria-pressed'), 'false');
  });
});
