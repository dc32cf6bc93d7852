// The map of Indonesia's points are targets at least 24×24 px on screen (WCAG 2.5.8) on a
// laptop and a phone: each point's hit circle is measured by its bounding box, and hovering
// and clicking near its edge, outside the small visible symbol, reach that facility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();
const POINT = 'svg.indonesia-map .facility-point';
const HIT = 'svg.indonesia-map .hit-target';

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`at ${width}×${height} every point is a target of 24×24 px or more`, async () => {
    await checkPage(karya, async (page) => {
      await page.goto(`${karya.server.url}/facilities`);
      await page.waitForSelector(POINT);
      await page.waitForFunction((sel) => [...document.querySelectorAll(sel)]
        .every((c) => c.getBoundingClientRect().width >= 24), HIT);
      const all = await page.$$eval(HIT, (cs) => cs.map((c) => {
        const b = c.getBoundingClientRect();
        return { id: c.dataset.hit, w: b.width, h: b.height };
      }));
      assert.equal(all.length, await page.locator(POINT).count(), 'every point has a hit circle');
      for (const b of all) assert.ok(b.w >= 24 && b.h >= 24, `${b.id}: ${b.w}×${b.h}px`);
      // Each visible symbol alone is smaller: the target is what makes the point reachable.
      const symbol = await page.$eval(`${POINT} > :first-child`, (s) => s.getBoundingClientRect().width);
      assert.ok(symbol < 24, `a symbol is ${symbol}px`);

      // Every point answers somewhere in its target: its centre or 11 px out in one of eight
      // directions (a neighbour's symbol may cover the rest where points crowd).
      const reach = await page.$$eval(HIT, (cs) => cs.map((c) => {
        const b = c.getBoundingClientRect();
        const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
        const spots = [[0, 0], ...[...Array(8).keys()].map((k) => [11 * Math.cos(k * Math.PI / 4),
          11 * Math.sin(k * Math.PI / 4)])];
        const id = c.dataset.hit;
        const at = ([dx, dy]) => {
          const e = document.elementFromPoint(cx + dx, cy + dy)?.closest('[data-facility], [data-hit]');
          return e?.dataset.facility ?? e?.dataset.hit;
        };
        const spot = spots.find((d) => at(d) === id && (d[0] !== 0 || d[1] !== 0))
          ?? spots.find((d) => at(d) === id);
        return { id, cx, cy, spot: spot && [cx + spot[0], cy + spot[1]], edge: !!spot && spot !== spots[0] };
      }));
      // Facilities in one town (three in Tangerang) are drawn on one spot: the keyboard, the
      // tooltip's neighbour and the table reach those; every other point answers for itself.
      for (const r of reach.filter((x) => !x.spot)) {
        const twin = reach.find((o) => o.id !== r.id && Math.hypot(o.cx - r.cx, o.cy - r.cy) < 6);
        assert.ok(twin, `${r.id} cannot be reached and shares its spot with no other point`);
      }
      assert.ok(reach.filter((r) => r.spot).length >= reach.length * 0.75, 'most points are reachable');
      const free = reach.filter((r) => r.edge).map((r) => ({ id: r.id, x: r.spot[0], y: r.spot[1] }));
      assert.ok(free.length > 0, 'some point answers outside its symbol');
      const target = free[0];
      await page.mouse.move(target.x, target.y);
      const name = await page.getAttribute(`${POINT}[data-facility="${target.id}"]`, 'aria-label');
      await page.waitForSelector('[data-chart-tooltip]');
      assert.match(await page.textContent('[data-chart-tooltip]'), new RegExp(name));
      await page.mouse.click(target.x, target.y);
      await page.waitForURL(new RegExp(`/facility/${target.id}`));
    }, { viewport: { width, height } });
  });
}
