// Briefing mode end to end: presenter keys move, blank and restore slides; a deck is shared
// as an address, with each slide's own filter; the map slide animates over the years.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();

const current = (page) => page.evaluate(() => {
  const on = [...document.querySelectorAll('[data-slide][aria-current=step]')];
  return on.length === 1 ? Number(on[0].dataset.slide) : on.map((s) => s.dataset.slide).join(',');
});

async function press(page, key, expected) {
  await page.keyboard.press(key);
  await page.waitForFunction((n) => document.querySelectorAll('[data-slide][aria-current=step]').length === 1
    && Number(document.querySelector('[data-slide][aria-current=step]').dataset.slide) === n, expected);
  assert.equal(new URL(page.url()).searchParams.get('slide'), String(expected + 1), `${key}: the address follows`);
  assert.ok(await page.isVisible(`[data-slide="${expected}"]`), `${key}: slide ${expected} shown`);
}

test('presenter keys and clicker keys move through the deck, and b or . blanks and restores', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/briefing?lang=en`);
    await page.waitForSelector('[data-slide="0"] [data-kpi=shipments]');
    assert.equal(await current(page), 0);
    assert.equal(await page.locator('.site-header').count(), 0, 'no site header on a projector');
    assert.equal(await page.locator('[data-slide]').count(), 5);
    await press(page, 'ArrowRight', 1);
    assert.ok(!(await page.isVisible('[data-slide="0"]')), 'the previous slide is hidden');
    await press(page, 'PageDown', 2);
    await press(page, 'PageUp', 1);
    await press(page, ' ', 2);
    await press(page, 'ArrowDown', 3);
    await press(page, 'ArrowUp', 2);
    await press(page, 'End', 4);
    await press(page, 'ArrowRight', 4);
    await press(page, 'Home', 0);
    await press(page, 'ArrowLeft', 0);
    for (const key of ['b', '.']) {
      await page.keyboard.press(key);
      await page.waitForSelector('[data-blank]');
      await page.keyboard.press(key);
      await page.waitForSelector('[data-blank]', { state: 'detached' });
    }
    // Full screen, or the CSS fallback where the browser refuses; the same key undoes it.
    const full = () => page.evaluate(() => Boolean(document.fullscreenElement) || Boolean(document.querySelector('.fullscreen-fallback')));
    await page.keyboard.press('f');
    await page.waitForFunction(() => Boolean(document.fullscreenElement) || Boolean(document.querySelector('.fullscreen-fallback')));
    await page.keyboard.press('f');
    await page.waitForFunction(() => !document.fullscreenElement && !document.querySelector('.fullscreen-fallback'));
    assert.equal(await full(), false);
  });
});

test('a shared deck keeps its slides, their filters and the captions in both languages', async () => {
  const summary = await karya.server.api('/summary?from=2025&to=2025');
  await checkPage(karya, async (page) => {
    const deck = encodeURIComponent('latest;kpi:from=2025,to=2025;map:from=2023,to=2026');
    await page.goto(`${karya.server.url}/briefing?deck=${deck}&slide=2&captions=both`);
    await page.waitForSelector('[data-slide="1"][aria-current=step] [data-kpi=shipments]');
    assert.equal(await page.getAttribute('[data-slide="1"]', 'data-kind'), 'kpi');
    assert.equal(Number(await page.getAttribute('[data-slide="1"] [data-kpi=shipments]', 'data-value')), summary.shipments);
    const caption = await page.textContent('[data-slide="1"] .slide-title');
    assert.match(caption, /Ekspor produk WBP dalam angka · WBP product exports in figures · 2025/);
    // The latest release, with its source, on the first slide.
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-slide="0"][aria-current=step] [data-release] [data-provenance]');
    // The map slide steps through the years by itself.
    await page.keyboard.press('End');
    await page.waitForSelector('[data-slide="2"] svg.world-map path[data-iso]');
    await page.waitForFunction(() => document.querySelector('[data-slide="2"] .slide-year')?.dataset.year, null, { timeout: 8000 });
    const first = await page.getAttribute('[data-slide="2"] .slide-year', 'data-year');
    await page.waitForFunction((y) => document.querySelector('[data-slide="2"] .slide-year').dataset.year !== y, first, { timeout: 8000 });
    // Escape leaves the briefing for the overview.
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => new URL(u).pathname === '/');
  });
});
