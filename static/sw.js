/* Karya's service worker: the app works offline after one visit.
 * - Pages: network first; offline, the app's index.html as last seen.
 * - App files with hashed names: cache first, they never change; other files (the maps):
 *   network first, the kept copy offline.
 * - An editor's requests (with an Authorization header) go straight to the network: an answer
 *   about who is signed in is never kept, nor served offline to someone else.
 * - API answers: network first, each answer kept with the time it was fetched; offline, the
 *   kept answer is returned marked `x-karya-from-cache` and `x-karya-fetched-at`, so the app
 *   can say "data as of …". With nothing kept, a JSON error the app shows as "cannot be reached".
 */
const APP = 'karya-app-v1';
const DATA = 'karya-data-v1';
// Answers and files kept at most: the oldest go first, so the store stays small on a phone.
const MAX_ANSWERS = 300;
const MAX_FILES = 60;

async function keep(cache, request, response, max) {
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(old);
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (request.headers.has('authorization')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(apiAnswer(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else {
    event.respondWith(appFile(request));
  }
});

async function page(request) {
  const cache = await caches.open(APP);
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cache, '/index.html', response.clone(), MAX_FILES);
    return response;
  } catch (e) {
    const kept = await cache.match('/index.html');
    if (kept) return kept;
    throw e;
  }
}

// Trunk's names carry a content hash (`karya-app-3f2a…9c1d_bg.wasm`): such a file never changes.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

async function appFile(request) {
  const cache = await caches.open(APP);
  if (HASHED.test(new URL(request.url).pathname)) {
    const kept = await cache.match(request);
    if (kept) return kept;
  }
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cache, request, response.clone(), MAX_FILES);
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw e;
  }
}

async function apiAnswer(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('x-karya-fetched-at', new Date().toISOString());
      const body = await response.clone().blob();
      await keep(cache, request, new Response(body, { status: response.status, headers }), MAX_ANSWERS);
    }
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) {
      const headers = new Headers(kept.headers);
      headers.set('x-karya-from-cache', '1');
      return new Response(await kept.blob(), { status: kept.status, headers });
    }
    return new Response(JSON.stringify({ error: { code: 'offline', message: 'offline and nothing kept for this view' } }), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  }
}
