// oEmbed end to end: a view's page names the provider in its <head>, the provider answers a map
// address with a snippet whose iframe shows that very view, and refuses foreign and bad URLs as
// the oEmbed spec says; KARYA_PUBLIC_URL sets the origin behind a proxy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage, startServer } from './harness.mjs';

const karya = useKarya();

async function discovered(path) {
  const html = await (await fetch(`${karya.server.url}${path}`)).text();
  const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
  return link && link[1].replaceAll('&amp;', '&');
}

test('every view names its oEmbed address; other pages do not', async () => {
  for (const path of ['/', '/map?lang=en', '/facilities', '/facility/lapas-cirebon', '/product/coco-shade', '/country/ES']) {
    const href = await discovered(path);
    assert.ok(href, `${path} has a discovery link`);
    const asked = new URL(href).searchParams.get('url');
    assert.equal(asked, `${karya.server.url}${path}`);
  }
  assert.equal(await discovered('/entry'), null);
});

test('an oEmbed request for a map address returns a snippet whose iframe shows that view', async () => {
  const href = await discovered('/map?lang=en&product=coco-shade&measure=quantity');
  const res = await fetch(`${href}&maxwidth=640&maxheight=480`);
  assert.equal(res.status, 200);
  const answer = await res.json();
  assert.equal(answer.type, 'rich');
  assert.equal(answer.version, '1.0');
  assert.deepEqual([answer.width, answer.height], [640, 480]);
  assert.match(answer.html, /<iframe src="[^"]+" title="[^"]+" data-karya-embed/);
  assert.match(answer.html, new RegExp(`<script src="${karya.server.url}/karya-embed.js" async></script>`));
  await checkPage(karya, async (page) => {
    // A portal page on the site's own origin (frame-ancestors 'self'), holding only the snippet.
    await page.goto(`${karya.server.url}/api/v1/health`);
    await page.setContent(`<!doctype html><title>Portal</title><main>${answer.html}</main>`);
    const frame = await (await page.waitForSelector('iframe[data-karya-embed]')).contentFrame();
    await frame.waitForSelector('[data-page=map] svg.world-map', { timeout: 20_000 });
    const src = new URL(frame.url());
    assert.equal(src.pathname, '/map');
    assert.deepEqual([src.searchParams.get('lang'), src.searchParams.get('product'), src.searchParams.get('embed')],
      ['en', 'coco-shade', 'karya']);
    assert.equal(await frame.locator('.site-header').count(), 0, 'embedded: no site header');
    assert.equal(await frame.locator('input[name=measure][value=quantity]:checked').count(), 1, 'the view of the address');
  }, { allowed: [/favicon\.ico/] }); // the stand-in portal page (a JSON address) has no icon
});

test('a foreign URL is 404, a bad one 400, another format 501', async () => {
  const ask = (url, extra = '') => fetch(`${karya.server.url}/api/v1/oembed?url=${encodeURIComponent(url)}${extra}`);
  assert.equal((await ask('https://evil.example/map')).status, 404);
  assert.equal((await ask(`${karya.server.url}/entry`)).status, 404);
  assert.equal((await ask('not a url')).status, 400);
  assert.equal((await fetch(`${karya.server.url}/api/v1/oembed`)).status, 400);
  assert.equal((await ask(`${karya.server.url}/map`, '&maxwidth=wide')).status, 400);
  assert.equal((await ask(`${karya.server.url}/map`, '&format=xml')).status, 501);
});

test('KARYA_PUBLIC_URL names the public origin behind a proxy', async () => {
  const before = process.env.KARYA_PUBLIC_URL;
  process.env.KARYA_PUBLIC_URL = 'https://karya.example.go.id/';
  const server = await startServer();
  try {
    const ask = (url) => fetch(`${server.url}/api/v1/oembed?url=${encodeURIComponent(url)}`);
    const res = await ask('https://karya.example.go.id/country/ES?lang=en');
    assert.equal(res.status, 200);
    assert.match((await res.json()).html, /src="https:\/\/karya\.example\.go\.id\/country\/ES\?lang=en&amp;embed=karya"/);
    assert.equal((await ask(`${server.url}/map`)).status, 404, 'the loopback address is not the public one');
    const html = await (await fetch(`${server.url}/map`)).text();
    assert.match(html, /href="https:\/\/karya\.example\.go\.id\/api\/v1\/oembed\?url=https%3A%2F%2Fkarya\.example\.go\.id%2Fmap/);
  } finally {
    await server.stop();
    if (before === undefined) delete process.env.KARYA_PUBLIC_URL; else process.env.KARYA_PUBLIC_URL = before;
  }
});
