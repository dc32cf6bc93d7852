// Offline after one visit: with the backend stopped, a reload shows the data kept by the
// service worker under a "data as of … WIB" notice; a view never visited says it cannot reach
// the server, with a retry, never an endless spinner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';

test('a reload with the backend stopped shows the kept data and when it was fetched', async () => {
  const server = await startServer();
  const api = await server.api('/destinations?from=2025&to=2025');
  assert.ok(api.countries.length > 0, '2025 has destinations');
  const chromium = await launchBrowser();
  const { page, problems, close } = await newPage(chromium.browser);
  try {
    await page.goto(`${server.url}/map?lang=en&from=2025&to=2025`);
    await page.waitForSelector('svg.world-map [data-iso][data-value]');
    // The first visit installs the worker; the second goes through it and keeps the answers.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 }).catch(() => {});
    await page.reload();
    await page.waitForSelector('svg.world-map [data-iso][data-value]');
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is under the service worker');
    const online = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('svg.world-map [data-iso][data-value]')].map((p) => [p.dataset.iso, p.dataset.value])));
    assert.deepEqual(online, Object.fromEntries(api.countries.map((c) => [c.country, String(c.value)])), 'the API\'s figures');
    assert.equal(await page.locator('[data-notice=offline]').count(), 0, 'no notice while online');

    await server.stop();
    await page.reload();
    await page.waitForSelector('[data-notice=offline]');
    const notice = await page.textContent('[data-notice=offline]');
    assert.match(notice, /data kept as of \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/);
    // The notice can come with the first kept answer (the reference tables), a moment before
    // the map's own figures are drawn.
    await page.waitForSelector('svg.world-map [data-iso][data-value]');
    const offline = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('svg.world-map [data-iso][data-value]')].map((p) => [p.dataset.iso, p.dataset.value])));
    assert.deepEqual(offline, online, 'the same figures as before');

    // A view whose data was never fetched: a clear message and a retry.
    await page.goto(`${server.url}/facility/lapas-medan?lang=en`);
    await page.waitForSelector('[data-state=error] [data-action=retry]');
    assert.match(await page.textContent('[data-state=error]'), /cannot be reached/);
    const unexpected = problems.filter((p) => !/Failed to load resource: (net::ERR_CONNECTION_REFUSED|the server responded with a status of 503) .*\/api\/v1\//.test(p));
    assert.deepEqual(unexpected, []);
  } finally {
    await close();
    await chromium.close();
    await server.stop().catch(() => {});
  }
});
