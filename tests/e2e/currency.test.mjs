// Values in one currency, end to end: an exchange-rate table imported like every other table
// converts a release's missing currency with the rate of its own date, and the page says which
// rate of which day; a release whose day has no rate keeps its dollar value unknown. The rates
// here are a test's own, cited to a test source: they are never shown as official figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useKarya, checkPage, clickCountry } from './harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.KARYA_BIN || join(ROOT, 'target/debug/karya');
const karya = useKarya();
let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'karya-rates-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

const RATES = 'date,idr_per_usd,source_id,source_fact,source_quote\n2026-09-15,16250,test-rates,,\n';

async function sameConversion(page, release) {
  const converted = page.locator(`${release} [data-converted]`);
  assert.equal(await converted.getAttribute('data-rate'), '16250', release);
  assert.equal(await converted.getAttribute('data-rate-date'), '2026-09-15', release);
  assert.match(await converted.textContent(), /dikonversi dengan kurs JISDOR 15 September 2026/, release);
  assert.equal(await page.getAttribute(`${release} [data-value-usd]`, 'data-value-usd'), '2000', release);
}

test('a converted value shows its rate and date; a day without a rate stays unknown', async () => {
  writeFileSync(join(dir, 'sources.csv'), 'id,outlet,title,author,url,document\ntest-rates,Test rates,JISDOR,,,an end-to-end test fixture\n');
  writeFileSync(join(dir, 'exchange_rates.csv'), RATES);
  writeFileSync(join(dir, 'shipments.csv'), [
    'id,date,facility_id,product_id,country,quantity,unit,value_idr,value_usd,provisional,provenance,source_id,source_fact,source_quote',
    'idr-with-rate,2026-09-15,lapas-cirebon,coco-shade,ES,10,piece,32500000,,no,illustrative,,,',
    'idr-without-rate,2026-09-16,lapas-cirebon,coco-shade,ES,10,piece,1000000,,no,illustrative,,,',
  ].join('\n') + '\n');
  let r = spawnSync(BIN, ['import', '--db', karya.server.db, dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rates = await karya.server.api('/exchange-rates');
  assert.deepEqual(rates.map((x) => [x.date, x.idr_per_usd, x.source.id]), [['2026-09-15', 16250, 'test-rates']]);
  r = spawnSync(BIN, ['export', '--db', karya.server.db, join(dir, 'out')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'out', 'exchange_rates.csv'), 'utf8'), RATES, 'exported as imported');

  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/country/ES`);
    await page.waitForSelector('[data-shipment=idr-with-rate]');
    const converted = page.locator('[data-shipment=idr-with-rate] [data-converted]');
    assert.equal(await converted.getAttribute('data-rate'), '16250');
    assert.equal(await converted.getAttribute('data-rate-date'), '2026-09-15');
    assert.match(await converted.textContent(), /dikonversi dengan kurs JISDOR 15 September 2026/);
    assert.equal(await page.getAttribute('[data-shipment=idr-with-rate] [data-value-usd]', 'data-value-usd'), '2000');
    assert.equal(await page.locator('[data-shipment=idr-without-rate] [data-converted]').count(), 0);
    assert.match(await page.textContent('[data-shipment=idr-without-rate]'), /US\$ tidak diketahui/);
    // The same value, rate and date wherever the release is listed: the overview's latest
    // releases and the map's country panel.
    const only2026 = 'from=2026&to=2026&product=coco-shade';
    await page.goto(`${karya.server.url}/?${only2026}&country=ES`);
    await page.waitForSelector('[data-table=latest-releases] [data-shipment=idr-with-rate] [data-converted]');
    await sameConversion(page, '[data-table=latest-releases] [data-shipment=idr-with-rate]');
    const unconverted = '[data-table=latest-releases] [data-shipment=idr-without-rate] [data-converted]';
    assert.equal(await page.locator(unconverted).count(), 0);
    await page.goto(`${karya.server.url}/map?${only2026}`);
    await page.waitForSelector('svg.world-map path[data-iso=ES]');
    await clickCountry(page, 'ES');
    await page.waitForSelector('[data-panel=ES] [data-shipment=idr-with-rate] [data-converted]');
    await sameConversion(page, '[data-panel=ES] [data-shipment=idr-with-rate]');
    assert.match(await page.textContent('[data-panel=ES] [data-shipment=idr-without-rate]'), /US\$ tidak diketahui/);
    await page.goto(`${karya.server.url}/country/ES?lang=en`);
    await page.waitForSelector('[data-shipment=idr-with-rate] [data-converted]');
    assert.match(await page.textContent('[data-shipment=idr-with-rate] [data-converted]'),
      /converted at the JISDOR rate of 15 September 2026/);
  });
});

test('a rate that is not a positive number is refused with its row and nothing written', () => {
  const bad = mkdtempSync(join(tmpdir(), 'karya-bad-rates-'));
  try {
    writeFileSync(join(bad, 'exchange_rates.csv'), 'date,idr_per_usd,source_id,source_fact,source_quote\n2026-09-17,-5,test-rates,,\n2026-13-01,16000,test-rates,,\n');
    const r = spawnSync(BIN, ['import', '--db', karya.server.db, bad], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /exchange_rates\.csv, row 3, column date/);
    assert.match(r.stderr, /idr_per_usd/);
  } finally {
    rmSync(bad, { recursive: true, force: true });
  }
});
