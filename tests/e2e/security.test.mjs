// The app under its Content-Security-Policy: every page and the downloads run with no
// violation reported, and the policy is the one the server sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();

test('every view runs under the policy with no violation reported', async () => {
  await checkPage(karya, async (page) => {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const first = await page.goto(`${karya.server.url}/`);
    const csp = first.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.equal(first.headers()['x-content-type-options'], 'nosniff');
    await page.waitForSelector('[data-kpi=shipments]');
    for (const [path, ready] of [['/map', 'svg.world-map path[data-iso]'], ['/facilities', 'svg.indonesia-map [data-facility]'],
      ['/briefing', '[data-slide][aria-current=step]'], ['/entry', '[name=token]'],
      ['/?embed=e1', '[data-kpi=shipments]'], ['/map?embed=e2&theme=dark', 'svg.world-map path[data-iso]'],
      ['/facilities?embed=e3&controls=0', 'svg.indonesia-map [data-facility]'],
      ['/briefing?embed=e4', '[data-slide][aria-current=step]'],
      ['/facility/lapas-cirebon?embed=e5', '[data-chart^=production] svg'],
      ['/facility/lapas-cirebon', '[data-chart^=production] svg']]) {
      await page.goto(`${karya.server.url}${path}`);
      await page.waitForSelector(ready);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
    }
    // The PNG download draws the SVG as an image from a blob: allowed by img-src.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart^=production] [data-action=download-png]')]);
    assert.match(download.suggestedFilename(), /\.png$/);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });
});
