// Embed mode end to end: a test "portal" on another loopback port holds Karya in an iframe
// under a strict CSP (no inline script), with Karya's resizing script. The frame reports its
// height in all four message formats and the portal's frame follows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startServer, launchBrowser, checkPage } from './harness.mjs';

const karya = {};
let portal;
let portalUrl;

// The portal's page and its one script of its own, which records what Karya's frame says.
function portalPage(src, evil, spacer) {
  const above = spacer ? '<div style="height:3000px">above the fold</div>' : '';
  const stranger = evil ? '<iframe data-karya-embed id="stranger" src="/stranger.html" title="not Karya" height="123" style="width:100%;border:0"></iframe>' : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Portal Kemenimipas (uji)</title>
<script src="/recorder.js"></script></head><body><h1>Portal</h1>${above}
<iframe data-karya-embed src="${karya.server.url}${src}" title="Karya: peta ekspor" height="300" style="width:100%;border:0"></iframe>${stranger}
<script src="${karya.server.url}/karya-embed.js"></script></body></html>`;
}
// A frame of another origin than Karya's that posts height messages in all four formats, for
// itself and, naming it, for Karya's frame.
const STRANGER = `var h = 4321;
function post() {
  var to = window.parent;
  to.postMessage({ 'datawrapper-height': { 'peta-ekspor': h, stranger: h } }, '*');
  to.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  to.postMessage(JSON.stringify({ src: location.href, context: 'iframe.resize', height: h }), '*');
  to.postMessage('pymxPYMxchart-1xPYMxheightxPYMx' + h, '*');
}
post(); setInterval(post, 100);`;
const RECORDER = `window.__messages = [];
window.addEventListener('message', function (e) { window.__messages.push({ origin: e.origin, data: e.data }); });`;

before(async () => {
  let src = '/';
  portal = createServer((req, res) => {
    if (req.url.startsWith('/recorder.js') || req.url.startsWith('/stranger.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(req.url.startsWith('/recorder.js') ? RECORDER : STRANGER);
    }
    if (req.url.startsWith('/stranger.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><body><p>stranger</p><script src="/stranger.js"></script></body></html>');
    }
    const query = new URL(req.url, 'http://x').searchParams;
    src = decodeURIComponent(query.get('src') || '/');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // A strict portal: scripts only from itself and from Karya, none inline.
      'content-security-policy': `script-src 'self' ${karya.server.url}; frame-src 'self' ${karya.server.url}`,
    });
    res.end(portalPage(src, query.get('stranger') === '1', query.get('spacer') === '1'));
  });
  await new Promise((ok) => portal.listen(0, '127.0.0.1', ok));
  portalUrl = `http://127.0.0.1:${portal.address().port}`;
  karya.server = await startServer({ args: ['--frame-ancestor', portalUrl] });
  karya.chromium = await launchBrowser();
});
after(async () => {
  await karya.chromium?.close();
  await karya.server?.stop();
  portal?.close();
});

test('an embedded map reports its height in all four formats and the portal follows it', async () => {
  await checkPage(karya, async (page) => {
    const src = '/map?embed=peta-ekspor&childId=chart-1&lang=en';
    await page.goto(`${portalUrl}/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('iframe[data-karya-embed]');
    await frame.locator('svg.world-map path[data-iso]').first().waitFor();
    assert.equal(await frame.locator('.site-header').count(), 0, 'no site header in the frame');
    assert.equal(await frame.locator('.site-footer').count(), 0, 'no site footer in the frame');
    // The portal's frame takes the height the page reports.
    await page.waitForFunction(() => Number(document.querySelector('iframe').getAttribute('height')) > 300);
    const inner = await page.frames().find((f) => f.url().includes('/map'))
      .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = Number(await page.getAttribute('iframe', 'height'));
    assert.equal(outer, inner);
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.length >= 4, `${messages.length} messages: one per format at least`);
    assert.deepEqual([...new Set(messages.map((m) => m.origin))], [new URL(karya.server.url).origin], 'all from Karya');
    const last = (pred) => messages.filter((m) => pred(m.data)).at(-1)?.data;
    assert.deepEqual(last((d) => d?.['datawrapper-height']), { 'datawrapper-height': { 'peta-ekspor': inner } });
    assert.deepEqual(last((d) => d?.sentinel === 'amp'), { sentinel: 'amp', type: 'embed-size', height: inner });
    const resize = JSON.parse(last((d) => typeof d === 'string' && d.includes('iframe.resize')));
    assert.equal(resize.context, 'iframe.resize');
    assert.equal(resize.height, inner);
    assert.match(resize.src, /\/map\?embed=peta-ekspor/);
    assert.equal(last((d) => typeof d === 'string' && d.startsWith('pymx')), `pymxPYMxchart-1xPYMxheightxPYMx${inner}`);
    // A change of content is reported again, and only a change.
    const before = messages.length;
    await frame.locator('[data-tab=table]').click();
    await page.waitForFunction((h) => Number(document.querySelector('iframe').getAttribute('height')) !== h, inner);
    const after = await page.evaluate(() => window.__messages.length);
    assert.ok(after > before);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__messages.length), after, 'no messages without a change');
  });
});

test('a frame loaded off screen takes its real height once it is scrolled into view', async () => {
  await checkPage(karya, async (page) => {
    const src = '/map?embed=peta-ekspor&lang=en';
    await page.goto(`${portalUrl}/?spacer=1&src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('iframe[data-karya-embed]');
    await frame.locator('svg.world-map path[data-iso]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    await page.evaluate(() => document.querySelector('iframe').scrollIntoView());
    const inner = () => page.frames().find((f) => f.url().includes('/map'))
      .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(() => Number(document.querySelector('iframe').getAttribute('height')) > 300);
    await page.waitForTimeout(1500);
    assert.equal(Number(await page.getAttribute('iframe', 'height')), await inner(), 'the frame is as tall as its page');
  });
});

test('a frame of another origin posting height messages in all four formats changes nothing', async () => {
  await checkPage(karya, async (page) => {
    const src = '/map?embed=peta-ekspor&childId=chart-1&lang=en';
    await page.goto(`${portalUrl}/?stranger=1&src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('iframe[src*="/map"]');
    await frame.locator('svg.world-map path[data-iso]').first().waitFor();
    await page.waitForFunction(() => Number(document.querySelector('iframe[src*="/map"]').getAttribute('height')) > 300);
    // The stranger has posted for a while by now, in every format.
    await page.waitForFunction(() => window.__messages.filter((m) => m.origin !== new URL(document.querySelector('iframe[src*="/map"]').src).origin).length >= 20);
    const inner = await page.frames().find((f) => f.url().includes('/map'))
      .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.equal(Number(await page.getAttribute('iframe[src*="/map"]', 'height')), inner, 'Karya\'s frame keeps its own height');
    assert.equal(await page.getAttribute('#stranger', 'height'), '123', 'the stranger\'s frame is not resized');
    assert.equal(await page.evaluate(() => document.querySelector('#stranger').style.height), '');
    assert.ok(!(await page.evaluate(() => [...document.querySelectorAll('iframe')].some((f) => f.getAttribute('height') === '4321'))));
  });
});

test('an embedded view stays embedded when its reader changes a filter', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/map?embed=peta&theme=dark&lang=en`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    const products = await page.locator('select[data-control=product] option').count();
    assert.ok(products > 1, 'the embedded map offers products to choose from');
    const product = await page.getAttribute('select[data-control=product] option:nth-child(2)', 'value');
    await page.selectOption('select[data-control=product]', product);
    await page.waitForURL((u) => new URL(u).searchParams.get('product') === product);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('embed'), 'peta');
    assert.equal(url.searchParams.get('theme'), 'dark');
    assert.equal(url.searchParams.get('lang'), 'en');
    assert.equal(await page.getAttribute('html', 'data-embed'), '');
    assert.equal(await page.locator('header.site-header').count(), 0, 'no site header around an embed');
  });
});

test('embed options hide the title and the controls, and the Embed dialog gives the snippet', async () => {
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/facilities?embed=x&title=0&controls=0&theme=dark&transparent=1`);
    await page.waitForSelector('svg.indonesia-map [data-facility]');
    assert.equal(await page.isVisible('h1'), false);
    assert.equal(await page.isVisible('form.map-controls'), false);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.goto(`${karya.server.url}/map?lang=en&from=2025&to=2025`);
    await page.waitForSelector('svg.world-map path[data-iso]');
    await page.click('[data-action=embed]');
    await page.check('[data-embed-option=hide-title]');
    const code = await page.inputValue('[data-embed-code]');
    assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/map\?lang=en&amp;from=2025&amp;to=2025&amp;embed=karya&amp;title=0"/);
    assert.match(code, /title="[^"]+"/);
    assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/karya-embed\.js" async><\/script>/);
    await page.keyboard.press('Escape');
  });
});
