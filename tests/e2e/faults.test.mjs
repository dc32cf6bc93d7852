// The app under faults: every main page, in both languages, with its API made to fail in the
// browser (page.route). Every case ends in a readable panel in the page's language with one
// retry (a busy server's panel retries by itself after the wait it asked for), never a page
// error — including after the time limit has passed, when abandoned requests used to fire
// their timers into dropped closures. The client's time limit is shortened for the test
// (`window.karyaTimeLimitSeconds`) so a hanging server costs seconds, not 15 s per case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, newPage } from './harness.mjs';

const karya = useKarya();
const LIMIT = 3; // seconds: the client's time limit in these tests
const API = '**/api/v1/**';

const PAGES = [
  { name: 'overview', path: '/', ready: '[data-kpi=shipments]' },
  { name: 'map', path: '/map?from=2025&to=2025', ready: 'svg.world-map [data-iso][data-value]' },
  { name: 'facility', path: '/facility/lapas-cirebon', ready: '[data-summary=production]' },
];

const WORDS = {
  unreachable: { id: /tidak dapat dihubungi. Periksa koneksi/, en: /cannot be reached. Check your connection/ },
  'timed-out': { id: /tidak menjawab/, en: /did not answer in time/ },
  failed: { id: /mengalami gangguan. Coba lagi nanti/, en: /ran into a problem. Try again later/ },
  busy: { id: /sedang sibuk/, en: /is busy/ },
  unreadable: { id: /tidak dapat dibaca/, en: /cannot be read/ },
};
// Never on any panel: a refusal for what is not one, a status code, markup, internals.
const NEVER = /menolak|refused|HTTP \d|<html|Service Temporarily|JsValue|TypeError|\{"error"/;

const json = (status, body, headers = {}) => ({
  status, contentType: 'application/json', headers: { 'content-language': 'en', ...headers }, body: JSON.stringify(body),
});
const INTERNAL = { error: { code: 'internal', message: 'Karya could not answer this request because of a server problem; it has been logged.' } };
const failedLoad = (what) => new RegExp(`Failed to load resource: ${what}.*/api/v1/`);

// Each fault: how the API answers, what the panel says, what the console may report, and how
// many clicks bring the data back once the fault is gone (0: the panel retries by itself).
const FAULTS = [
  { name: 'unreachable (API and maps)', error: 'unreachable', clicks: 1, geo: true,
    answer: (route) => route.abort('connectionrefused'),
    allowed: [/Failed to load resource: net::ERR_CONNECTION_REFUSED.*\/(api\/v1|geo)\//] },
  { name: 'no answer within the limit', error: 'timed-out', clicks: 1, hang: true, allowed: [] },
  { name: '500 with the server\'s English words', error: 'failed', clicks: 1,
    answer: (route) => route.fulfill(json(500, INTERNAL)), allowed: [failedLoad('the server responded with a status of 500')],
    check: (panel, lang) => (lang === 'en' ? assert.match(panel, /could not answer this request/) : assert.doesNotMatch(panel, /could not answer|The server said|Pesan server/)) },
  { name: 'a proxy\'s HTML 503', error: 'busy', clicks: 1,
    answer: (route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' }),
    allowed: [failedLoad('the server responded with a status of 503')] },
  { name: '503 with Retry-After: 2', error: 'busy', clicks: 0, once: true,
    answer: (route) => route.fulfill(json(503, { error: { code: 'busy', message: 'busy' } }, { 'retry-after': '2' })),
    allowed: [failedLoad('the server responded with a status of 503')] },
  { name: '429 with Retry-After as a date', error: 'busy', clicks: 0, once: true,
    answer: (route) => route.fulfill(json(429, { error: { code: 'too_many_requests', message: 'slow down' } }, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })),
    allowed: [failedLoad('the server responded with a status of 429')] },
  { name: 'an answer that cannot be read', error: 'unreadable', clicks: 1,
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"products": [' }), allowed: [] },
  { name: 'one of the parallel requests fails, the others are slow', error: 'failed', clicks: 1,
    answer: async (route) => {
      if (new URL(route.request().url()).pathname.endsWith('/countries')) return route.fulfill(json(500, INTERNAL));
      await new Promise((r) => setTimeout(r, 600));
      return route.continue().catch(() => {});
    },
    allowed: [failedLoad('the server responded with a status of 500')] },
];

async function runCase(pageDef, fault, lang) {
  const { page, problems, close } = await newPage(karya.chromium.browser, { serviceWorkers: 'block' });
  const hanging = [];
  try {
    await page.addInitScript((limit) => { window.karyaTimeLimitSeconds = limit; }, LIMIT);
    let faulty = true;
    const handler = async (route) => {
      if (!faulty) return route.continue().catch(() => {});
      if (fault.hang) return new Promise((r) => hanging.push(() => route.abort().catch(() => {}).then(r)));
      return fault.answer(route);
    };
    await page.route(API, handler);
    if (fault.geo) await page.route('**/geo/**', handler);
    const sep = pageDef.path.includes('?') ? '&' : '?';
    await page.goto(`${karya.server.url}${pageDef.path}${sep}lang=${lang}`);
    const panel = page.locator('[data-state=error]');
    await panel.waitFor({ timeout: (LIMIT + 10) * 1000 });
    assert.equal(await panel.getAttribute('data-error'), fault.error);
    const text = await panel.textContent();
    assert.match(text, WORDS[fault.error][lang]);
    assert.doesNotMatch(text, NEVER);
    fault.check?.(text, lang);
    assert.equal(await page.locator('[data-state=error] [data-action=retry]').count(), 1, 'one retry');
    if (fault.once) {
      // The wait Retry-After asked for, counted down, then a retry without a click.
      assert.match(await page.locator('[data-retry-in]').first().textContent(), lang === 'id' ? /dalam \d+ detik/ : /in \d+ seconds?/);
      faulty = false;
    } else {
      // Past the time limit with the page left as it is: abandoned requests fire nothing.
      await page.waitForTimeout((LIMIT + 0.5) * 1000);
      faulty = false;
      hanging.splice(0).forEach((release) => release());
      await page.click('[data-state=error] [data-action=retry]');
    }
    await page.waitForSelector(pageDef.ready, { timeout: 15_000 });
    assert.equal(await panel.count(), 0, 'no panel left once the data is in');
    const unexpected = problems.filter((p) => !fault.allowed.some((re) => re.test(p)));
    assert.deepEqual(unexpected, []);
  } finally {
    hanging.splice(0).forEach((release) => release());
    await close();
  }
}

for (const pageDef of PAGES) {
  for (const lang of ['id', 'en']) {
    test(`${pageDef.name} (${lang}) under every fault ends in words and one retry`, { concurrency: 2 }, async (t) => {
      await Promise.all(FAULTS.map((fault) => t.test(fault.name, () => runCase(pageDef, fault, lang))));
    });
  }
}

test('leaving a page while it loads leaves nothing running behind it', async (t) => {
  for (const pageDef of PAGES) {
    await t.test(pageDef.name, async () => {
      const { page, problems, close } = await newPage(karya.chromium.browser, { serviceWorkers: 'block' });
      try {
        await page.addInitScript((limit) => { window.karyaTimeLimitSeconds = limit; }, LIMIT);
        let slow = true;
        await page.route(API, async (route) => {
          if (slow && !new URL(route.request().url()).pathname.match(/\/(products|facilities|countries|supply-links)$/)) {
            await new Promise((r) => setTimeout(r, 1500));
          }
          return route.continue().catch(() => {});
        });
        await page.goto(`${karya.server.url}${pageDef.path}`);
        await page.waitForTimeout(300);
        await page.click('nav.site-nav a[href^="/facilities"]');
        slow = false;
        await page.waitForSelector('svg.indonesia-map [data-facility]', { timeout: 15_000 });
        await page.waitForTimeout((LIMIT + 0.5) * 1000);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
});
