// The picture first: on each main page, at laptop, large-screen and phone sizes, the main visual
// starts high in the first screen and fills most of it (measured by its bounding box); the
// filters fold into one line on phones; nothing shifts when the answer arrives (layout-shift
// entries of a PerformanceObserver); a portal's frame shows the view with one row of controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();

// Each page, what says it has drawn, and its main visual.
const PAGES = [
  ['/map', 'svg.world-map path[data-iso]', '.map-frame'],
  ['/facilities', 'svg.indonesia-map .facility-point', 'svg.indonesia-map'],
  ['/facility/lapas-cirebon', '[data-chart^=production] svg', '[data-chart^=production] svg'],
];
const WIDE = [[1366, 768], [1920, 1080]];
const PHONES = [[390, 844], [320, 568]];

async function visualBox(page, path, ready, visual) {
  await page.goto(`${karya.server.url}${path}`);
  await page.waitForSelector(ready);
  return page.locator(visual).first().boundingBox();
}

for (const [width, height] of WIDE) {
  test(`at ${width}×${height} the visual starts in the top 30 % and fills half the screen`, async () => {
    for (const [path, ready, visual] of PAGES) {
      await checkPage(karya, async (page) => {
        const box = await visualBox(page, path, ready, visual);
        assert.ok(box.y <= 0.3 * height, `${path}: the visual starts at ${box.y}px`);
        assert.ok(box.height >= 0.5 * height, `${path}: the visual is ${box.height}px tall`);
        assert.ok(box.y + box.height <= height, `${path}: the visual ends at ${box.y + box.height}px`);
        assert.ok(box.width >= 0.75 * width, `${path}: the visual is ${box.width}px wide`);
      }, { viewport: { width, height } });
    }
  });
}

for (const [width, height] of PHONES) {
  test(`at ${width}×${height} the visual is in the first screen, the filters one line`, async () => {
    for (const [path, ready, visual] of PAGES) {
      await checkPage(karya, async (page) => {
        const box = await visualBox(page, path, ready, visual);
        assert.ok(box.y + box.height <= height, `${path}: the visual ends at ${box.y + box.height}px`);
        assert.ok(box.width >= 0.85 * width, `${path}: the visual is ${box.width}px wide`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
        const toggle = page.locator('[data-action=edit-filters]');
        const line = await toggle.boundingBox();
        assert.ok(line.height <= 48, `${path}: the filter line is ${line.height}px tall`);
        assert.match(await toggle.textContent(), /^Semua tahun · Semua produk · Ubah filter$/);
        assert.equal(await page.locator('[data-filter-bar] [data-control=year]').isVisible(), false);
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        assert.ok(await page.locator('[data-filter-bar] [data-control=year]').isVisible(), 'the controls open');
      }, { viewport: { width, height } });
    }
  });
}

test('a chosen year and product read in the phone\'s filter line', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map?from=2025&to=2025&lang=en`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    assert.equal(await page.textContent('[data-action=edit-filters]'), '2025 · All products · Change filters');
  }, { viewport: { width: 390, height: 844 } });
});

// Layout-shift entries not caused by input, summed over the load.
async function layoutShift(page, path, ready) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${karya.server.url}${path}`);
  await page.waitForSelector(ready);
  await page.waitForTimeout(1000);
  return page.evaluate(() => window.__shift);
}

test('nothing shifts when the answers arrive (layout shift ≤ 0.1 on each main page)', async () => {
  const pages = [['/', '[data-kpi=shipments]'], ...PAGES.map(([p, r]) => [p, r]), ['/briefing', '.slide']];
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    for (const [path, ready] of pages) {
      await checkPage(karya, async (page) => {
        const shift = await layoutShift(page, path, ready);
        assert.ok(shift <= 0.1, `${path} at ${viewport.width}px: layout shift ${shift.toFixed(3)}`);
      }, { viewport });
    }
  }
});

for (const [width, height] of [[600, 400], [800, 600]]) {
  test(`embedded at ${width}×${height} the map fills the frame under one row of controls`, async () => {
    await checkPage(karya, async (page) => {
      await page.goto(`${karya.server.url}/map?embed=x&lang=en`);
      await page.waitForSelector('svg.world-map path[data-iso]');
      const map = await page.locator('.map-frame').boundingBox();
      assert.ok(map.width >= 0.9 * width, `the map is ${map.width}px wide`);
      assert.ok(map.y + map.height <= height, `the map ends at ${map.y + map.height}px`);
      assert.ok(map.height >= 0.6 * height || map.width * map.height >= 0.6 * width * height,
        `the map is ${map.width}×${map.height}`);
      const title = await page.locator('h1').boundingBox();
      assert.ok(title.height <= 32, `the title is ${title.height}px tall: one line`);
      const bar = await page.locator('[data-filter-bar]').boundingBox();
      assert.ok(bar.height <= 48, `the controls are ${bar.height}px tall: one row`);
    }, { viewport: { width, height } });
  });
}

test('embedded with controls=0 no control is shown', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map?embed=x&controls=0`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    assert.equal(await page.locator('[data-filter-bar]').isVisible(), false);
    const map = await page.locator('.map-frame').boundingBox();
    assert.ok(map.y <= 48, `the map starts at ${map.y}px`);
  }, { viewport: { width: 600, height: 400 } });
});

test('the map of Indonesia is framed on the facilities, its labels never overlap, and the whole is one click', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/facilities`);
    await page.waitForSelector('svg.indonesia-map .facility-point');
    const state = () => page.evaluate(() => {
      const view = document.querySelector('svg.indonesia-map svg.map-view');
      const vb = view.viewBox.baseVal;
      const labels = [...view.querySelectorAll('.link-label')].map((t) => t.getBoundingClientRect());
      const overlaps = labels.flatMap((a, i) => labels.slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
      const frame = view.getBoundingClientRect();
      const outside = [...view.querySelectorAll('.facility-point')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom;
      }).length;
      return { width: vb.width, whole: Number(view.getAttribute('width')), labels: labels.length, overlaps, outside };
    });
    const framed = await state();
    assert.ok(framed.width < framed.whole, `framed on the points: ${framed.width} of ${framed.whole}`);
    assert.equal(framed.outside, 0, 'every facility is inside the frame');
    assert.ok(framed.labels > 0, 'some labels are written');
    assert.equal(framed.overlaps, 0, 'no label covers another');
    await page.click('[data-action=map-extent]');
    assert.equal(await page.getAttribute('[data-action=map-extent]', 'aria-pressed'), 'true');
    const whole = await state();
    assert.equal(whole.width, whole.whole, 'the whole archipelago');
    assert.equal(whole.overlaps, 0, 'no label covers another on the whole map either');
    // Every link still carries its material, written or in its tooltip.
    const named = await page.evaluate(() => [...document.querySelectorAll('svg.indonesia-map [data-link]')]
      .every((l) => l.textContent.trim() === l.dataset.material));
    assert.ok(named);
  }, { viewport: { width: 1366, height: 768 } });
});
