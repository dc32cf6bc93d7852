// Sharing: a copied link reproduces the view; printing gives the view without its controls,
// one briefing slide per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();

test('copy link puts the full view address on the clipboard, and it reproduces the view', async () => {
  const ranking = await karya.server.api('/ranking?from=2025&to=2025&rank=products');
  // The table's first rows (25, src/pages/facilities.rs) until "Show all".
  const shown = Math.min(25, ranking.rows.length);
  assert.ok(shown > 0, 'the ranking has rows');
  await checkPage(karya, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: karya.server.url });
    const address = `${karya.server.url}/facilities?lang=en&from=2025&to=2025&rank=products&sort=name`;
    await page.goto(address);
    await page.waitForSelector('[data-table=ranking] tbody tr');
    await page.click('[data-action=copy-link]');
    await page.waitForSelector('[data-copied]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, address);
    const rows = await page.$$eval('[data-table=ranking] tbody tr', (trs) => trs.map((t) => t.dataset.facility));
    assert.equal(rows.length, shown);
    await page.goto(copied);
    await page.waitForSelector('[data-table=ranking] tbody tr');
    assert.deepEqual(await page.$$eval('[data-table=ranking] tbody tr', (trs) => trs.map((t) => t.dataset.facility)), rows);
  });
});

test('printing shows the view and its sources without controls, a briefing one slide per page', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map?lang=en`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('.site-header'), false);
    assert.equal(await page.isVisible('form.map-controls'), false);
    assert.equal(await page.isVisible('svg.world-map'), true);
    assert.match(await page.textContent('svg.world-map'), /Natural Earth/, 'the map prints its sources');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${karya.server.url}/briefing?lang=en`);
    await page.waitForSelector('[data-slide="0"] [data-kpi]');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('[data-slide]', (slides) => slides.map((s) => [getComputedStyle(s).display, getComputedStyle(s).breakAfter]));
    assert.equal(breaks.length, 5);
    assert.ok(breaks.every(([display, after]) => display === 'block' && after === 'page'), JSON.stringify(breaks));
  });
});
