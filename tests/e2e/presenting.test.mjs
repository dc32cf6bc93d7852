// The briefing on a projector: at each projector size the 16:9 stage fills the screen
// (letterboxed) with no scrolling, the map slide's map takes most of the stage, titles stay on
// one line, the presenter's bar fades while presenting, and the presenter's window (`p`)
// follows the audience's window and drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();
const SIZES = [[1920, 1080], [1280, 720], [1024, 768], [1366, 768]];

async function openSlide(page, n) {
  await page.goto(`${karya.server.url}/briefing?slide=${n}`);
  await page.waitForSelector(`[data-slide="${n - 1}"]:not([hidden])`);
}

// The stage's box, the page's scroll, and the shown slide's title and picture.
function measure(page) {
  return page.evaluate(() => {
    const box = (el) => el && el.getBoundingClientRect();
    const slide = document.querySelector('[data-stage=""] .slide:not([hidden])');
    const title = slide.querySelector('.slide-title');
    return {
      stage: box(document.querySelector('[data-stage=""]')),
      scroll: [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight],
      title: { height: box(title).height, size: parseFloat(getComputedStyle(title).fontSize), over: title.scrollWidth - title.clientWidth },
      map: box(slide.querySelector('.map-frame')),
    };
  });
}

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} the stage fills the screen with no scroll, titles on one line`, async () => {
    await checkPage(karya, async (page) => {
      for (const n of [1, 2, 3, 4, 5]) {
        await openSlide(page, n);
        if (n === 2) await page.waitForSelector('[data-slide="1"] .map-frame path[data-iso]');
        const m = await measure(page);
        assert.ok(Math.abs(m.stage.width / m.stage.height - 16 / 9) < 0.01, `slide ${n}: the stage is 16:9`);
        assert.ok(Math.abs(m.stage.width - width) < 1 || Math.abs(m.stage.height - height) < 1,
          `slide ${n}: the stage ${m.stage.width}×${m.stage.height} fills one side of the screen`);
        assert.ok(m.stage.x >= 0 && m.stage.y >= 0 && m.stage.bottom <= height + 0.5, 'the stage is on the screen');
        assert.deepEqual(m.scroll.map((s) => s <= 0), [true, true], `slide ${n}: the page scrolls by ${m.scroll}`);
        assert.ok(m.title.height < 1.6 * m.title.size, `slide ${n}: the title is ${m.title.height}px tall: one line`);
        assert.ok(m.title.over <= 0, `slide ${n}: the title is cut by ${m.title.over}px`);
        if (n === 2) {
          assert.ok(m.map.height >= 0.8 * m.stage.height, `the map is ${m.map.height} of ${m.stage.height}px`);
        }
      }
    }, { viewport: { width, height } });
  });
}

test('the presenter\'s bar fades while presenting and comes back on a mouse move', async () => {
  await checkPage(karya, async (page) => {
    await openSlide(page, 1);
    const opacity = () => page.evaluate(() => getComputedStyle(document.querySelector('.briefing-bar')).opacity);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.briefing-bar')).opacity === '0');
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 210);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.briefing-bar')).opacity === '1');
    assert.equal(await opacity(), '1');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.briefing-bar')).opacity === '0',
      null, { timeout: 6000 });
  }, { viewport: { width: 1280, height: 720 } });
});

test('p opens the presenter\'s window, which follows the audience and drives it', async () => {
  await checkPage(karya, async (page) => {
    await openSlide(page, 1);
    const [presenter] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('p')]);
    await presenter.waitForSelector('[data-presenter] [data-note]');
    const current = (p) => p.getAttribute('[data-stage=""] .slide[aria-current=step]', 'data-slide');
    const note = () => presenter.textContent('[data-note]');
    assert.equal(await current(presenter), '0');
    assert.match(await note(), /Angka utama/);
    assert.ok(await presenter.isVisible('[data-stage=next] [data-slide="1"]'), 'the next slide is beside it');
    assert.match(await presenter.textContent('[data-elapsed]'), /^\d+:\d\d$/);
    // The audience steps: the presenter follows.
    await page.keyboard.press('ArrowRight');
    await presenter.waitForFunction(() =>
      document.querySelector('[data-stage=""] .slide[aria-current=step]')?.dataset.slide === '1');
    assert.match(await note(), /Peta berjalan/);
    // The presenter steps: the audience follows.
    await presenter.keyboard.press('ArrowRight');
    await page.waitForFunction(() =>
      document.querySelector('[data-stage=""] .slide[aria-current=step]')?.dataset.slide === '2');
    assert.equal(await current(page), '2');
    await presenter.close();
  }, { viewport: { width: 1280, height: 720 } });
});
