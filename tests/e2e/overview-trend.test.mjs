// The overview's production trend (F11): in the first screen at 1366×768 beside the figures,
// its columns equal what `/api/v1/production` (no facility: every facility summed) answers for
// the product shown, and the choice of product redraws it in that product's own unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();
const COLUMN = '[data-overview-trend] .column';

async function columns(page) {
  return page.$$eval(COLUMN, (cs) => cs.map((c) => [c.dataset.period, Number(c.dataset.value)]));
}

async function apiSeries() {
  const res = await fetch(`${karya.server.url}/api/v1/production?granularity=quarter`);
  assert.equal(res.status, 200);
  return (await res.json()).series;
}

test('the trend is in the first screen at 1366×768 and its figures are the API\'s', async () => {
  const series = await apiSeries();
  assert.ok(series.length >= 2, 'the sample has production of several products');
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/`);
    await page.waitForSelector(COLUMN);
    const box = await page.locator('[data-overview-trend] svg').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 768, `the trend spans ${box.y}–${box.y + box.height}px`);
    assert.ok(box.height >= 120, `the trend is ${box.height}px tall`);
    const kpis = await page.locator('.overview-first .kpi-grid').boundingBox();
    assert.ok(box.x >= kpis.x + kpis.width, 'the trend sits beside the key figures');

    const options = await page.$$eval('[data-control=trend-product] option', (os) => os.length);
    assert.equal(options, series.filter((s) => s.points.some((p) => p.quantity > 0)).length);
    for (let i = 0; i < Math.min(options, 3); i += 1) {
      await page.selectOption('[data-control=trend-product]', String(i));
      const block = page.locator('[data-overview-trend] [data-trend-product]');
      const product = await block.getAttribute('data-trend-product');
      await page.waitForFunction(
        (p) => document.querySelector('[data-overview-trend] [data-trend-product]')?.dataset.trendProduct === p,
        product,
      );
      const mine = series.filter((s) => s.product_id === product);
      assert.equal(mine.length, 1, `${product} is counted in one unit`);
      assert.equal(await block.getAttribute('data-unit'), mine[0].unit);
      const expected = mine[0].points.filter((p) => p.quantity > 0).map((p) => [p.period, p.quantity]);
      const shown = (await columns(page)).filter(([, v]) => v > 0);
      assert.deepEqual(shown, expected, `${product}'s columns`);
      assert.equal(Number(await block.getAttribute('data-total')), mine[0].total);
    }
  }, { viewport: { width: 1366, height: 768 } });
});
