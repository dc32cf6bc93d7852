// axe-core (npm, pinned) on every page and state a reader meets: loading, error, data, tooltip
// open, panel open, table tab, embeds light and dark, a 320 px phone. Its source is evaluated
// over the DevTools protocol, which the app's Content-Security-Policy does not govern, so the
// page is checked under its real policy. Any violation of WCAG 2.0/2.1/2.2 A and AA fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useKarya, checkPage, hoverCountry } from './harness.mjs';

const karya = useKarya();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The violations on the page as it stands, one line each with its first nodes.
async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, TAGS);
  return found;
}

async function expectClean(page, what) {
  const found = await violations(page);
  assert.deepEqual(found, [], `${what}:\n${found.join('\n')}`);
}

const VIEWS = [
  ['overview', '/', '[data-kpi=shipments]'],
  ['map', '/map', 'svg.world-map path[data-iso]'],
  ['map table tab', '/map?tab=table', '[data-tab=table][aria-selected=true]'],
  ['map panel open', '/map?focus=ES', '.country-panel'],
  ['facilities', '/facilities', 'svg.indonesia-map .facility-point'],
  ['facility', '/facility/lapas-cirebon', '[data-chart^=production] svg'],
  ['briefing', '/briefing', '[data-slide="0"] [data-kpi]'],
  ['briefing map', '/briefing?slide=2', '[data-slide="1"] path[data-iso]'],
  ['entry', '/entry', '[data-page=entry]'],
  ['not found', '/no-such-page', 'h1'],
  ['embed light', '/map?embed=x&theme=light', 'svg.world-map path[data-iso]'],
  ['embed dark', '/facilities?embed=x&theme=dark', 'svg.indonesia-map .facility-point'],
];

for (const [what, path, ready] of VIEWS) {
  test(`no axe violations: ${what}`, async () => {
    await checkPage(karya, async (page) => {
      await page.goto(`${karya.server.url}${path}`);
      await page.waitForSelector(ready);
      await expectClean(page, what);
    });
  });
}

test('no axe violations: dark theme, and a 320 px phone with the filters open', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    await expectClean(page, 'map, dark');
  }, { colorScheme: 'dark' });
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/facilities`);
    await page.waitForSelector('svg.indonesia-map .facility-point');
    await page.click('[data-action=edit-filters]');
    await expectClean(page, 'facilities at 320 px');
  }, { viewport: { width: 320, height: 640 } });
});

test('no axe violations: the map\'s tooltip open', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map?lang=en`);
    await page.waitForSelector('svg.world-map path[data-iso=ES]');
    await hoverCountry(page, 'ES');
    await page.waitForSelector('.map-tooltip');
    await expectClean(page, 'map tooltip');
  });
});

test('no axe violations while loading and after an error', async () => {
  await checkPage(karya, async (page) => {
    await page.route('**/api/v1/destinations**', () => {}); // never answered: the page keeps loading
    await page.goto(`${karya.server.url}/map`);
    // The app is built and waits; what shows meanwhile is the server's first view.
    await page.waitForSelector('.loading', { state: 'attached' });
    await page.waitForSelector('.first-view .map-summary');
    await expectClean(page, 'map loading');
  });
  await checkPage(karya, async (page) => {
    await page.route('**/api/v1/destinations**', (r) => r.fulfill({ status: 500, body: '{"error":"down"}' }));
    await page.goto(`${karya.server.url}/map`);
    await page.waitForSelector('[data-state=error]');
    await expectClean(page, 'map error');
    // No service worker: page.route does not see the requests a worker makes.
  }, { allowed: [/500/, /Failed to load/], serviceWorkers: 'block' });
});
