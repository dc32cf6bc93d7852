// Dark mode for the whole site: it follows the system's theme until the reader chooses one with
// the header's switch, and the choice is remembered across visits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();
const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the site follows a dark system theme, and the switch is remembered', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'auto');
    assert.equal(await background(page), 'rgb(20, 25, 31)', 'dark paper from the system');
    assert.equal(await page.getAttribute('[data-action=switch-theme]', 'aria-pressed'), 'true');
    // The tab labels are the theme's ink, not the browser's black.
    const tab = await page.evaluate(() => getComputedStyle(document.querySelector('[data-tab=map]')).color);
    assert.equal(tab, 'rgb(232, 237, 242)');
    await page.click('[data-action=switch-theme]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    await page.reload();
    await page.waitForSelector('svg.world-map path[data-iso]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'remembered');
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    await page.click('[data-action=switch-theme]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('[data-action=switch-theme]', 'aria-pressed'), 'true');
  }, { colorScheme: 'dark' });
});

test('a light system gives the light theme, and the maps take the theme\'s sea', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/facilities`);
    await page.waitForSelector('svg.indonesia-map .facility-point');
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    await page.click('[data-action=switch-theme]');
    const sea = await page.evaluate(() => getComputedStyle(document.querySelector('svg.indonesia-map .sea')).fill);
    assert.equal(sea, 'rgb(14, 20, 26)');
  }, { colorScheme: 'light' });
});
