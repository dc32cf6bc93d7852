// The first view: the HTML of each main page carries its heading and the sentence of its
// figures (what a phone on a slow network reads while the app's code comes); with scripts off
// it is what a person sees; once the app has drawn, it is gone, exactly one heading is left,
// and the app's sentence is the one the server wrote. An address the app would answer
// otherwise (an unknown facility, a filter it cannot read) has none, and the copy of the page
// the service worker keeps for offline use has none either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage, waitForAsync } from './harness.mjs';

const karya = useKarya();

// Each page, the hook of the app's sentence, and the selector that says it has drawn.
const PAGES = [
  ['/map', '[data-summary=map]', 'svg.world-map path[data-iso]'],
  ['/map?lang=en&from=2025&to=2025', '[data-summary=map]', 'svg.world-map path[data-iso]'],
  ['/facilities', '[data-summary=ranking]', 'svg.indonesia-map .facility-point'],
  ['/facility/lapas-cirebon?lang=en', '[data-summary=production]', '[data-chart^=production] svg'],
];

const html = async (path) => (await fetch(`${karya.server.url}${path}`)).text();
const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot);/g, (e) => entities[e]);
const servedSentence = (page) => {
  const m = page.match(/<div class="first-view">[\s\S]*?<p class="map-summary">([^<]*)<\/p>/);
  return m && unescape(m[1]);
};

for (const [path, summary, drawn] of PAGES) {
  test(`${path}: the server's sentence is the app's, and the first view is gone once drawn`, async () => {
    const served = servedSentence(await html(path));
    assert.ok(served && served.length > 20, `${path} is served with its sentence: ${served}`);
    await checkPage(karya, async (page) => {
      await page.goto(`${karya.server.url}${path}`);
      await page.waitForSelector(drawn);
      assert.equal((await page.textContent(summary)).trim(), served);
      assert.equal(await page.locator('.first-view').count(), 0, 'the first view is removed');
      assert.equal(await page.locator('h1:visible').count(), 1, 'one heading');
    });
  });
}

test('with scripts off, each main page still shows its heading and figures in words', async () => {
  const context = await karya.chromium.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(`${karya.server.url}/?lang=en`);
    assert.match(await page.locator('.first-view .notice-illustrative').innerText(), /Illustrative data/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(`${karya.server.url}/map?lang=en`);
    assert.match(await page.locator('.first-view h1').innerText(), /Where WBP products are exported/);
    assert.match(await page.locator('.first-view .map-summary').innerText(), /^WBP products went to \d+ countr/);
    await page.goto(`${karya.server.url}/briefing`);
    assert.ok(await page.locator('.first-view .briefing-bar .hint').isVisible());
    assert.equal(await page.locator('.first-view .site-header').count(), 0, 'the briefing is bare');
    // The site's links work without the app.
    await page.goto(`${karya.server.url}/map`);
    await page.click('.first-view .site-nav a[href="/facilities"]');
    assert.match(await page.locator('.first-view h1').innerText(), /UPT/);
  } finally {
    await context.close();
  }
});

test('an address the app answers otherwise gets no first view, and a name is escaped', async () => {
  for (const path of ['/facility/no-such-place', '/map?from=not-a-year', '/map?measure=nonsense', '/entry', '/no-such-page']) {
    assert.ok(!(await html(path)).includes('class="first-view"'), `${path} has no first view`);
  }
  assert.ok((await html('/map?embed=portal&title=0')).includes('<div class="first-view"><main'), 'an embed is bare');
  assert.ok(!(await html('/map?embed=portal&title=0')).includes('<h1>'), 'an embed without title has none');
});

test('the page the service worker keeps for offline use has no first view', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('svg.world-map path[data-iso]');
    const kept = await waitForAsync(page, async () => {
      const shell = await caches.match('/index.html');
      return shell && shell.text();
    });
    assert.ok(kept.includes('<body>'), 'the kept page is the app');
    assert.ok(!kept.includes('class="first-view"'), 'without the first view of /map');
  });
});
