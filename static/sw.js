/* Karya's service worker: the app works offline after one visit.
 * - Install: the app's shell (index.html and the files it names) is stored before the worker
 *   takes over, and it takes control of the open page at once (skipWaiting, clients.claim).
 * - What the page fetched before the worker controlled it: the page posts those addresses
 *   (`{type: 'keep', urls}`, see src/offline.rs) and the worker fetches and stores each one
 *   it does not hold yet, so the first visit is enough to work offline.
 * - Pages: network first; offline, the app's index.html as last seen, without the first view
 *   the server wrote for that one page. Only an HTML answer is stored as the app: opening
 *   /karya-embed.js or a map's JSON in a tab never replaces it.
 * - Each page's code is a wasm chunk its loader (`karya-split-<hash>.js`, named in index.html)
 *   fetches when the page is first opened. When the page it controls posts its `keep` list, the
 *   worker also stores every chunk the loader names, so every page opens offline after one
 *   visit. Neither install nor activation waits for them: the page's own requests would.
 * - A pack (`pack_<page>-<hash>.pack`, scripts/pack-chunks.mjs) holds one page's chunks end to
 *   end, for a first visit: it is not kept as such, and a page this worker controls does not
 *   ask for it (the loader reads the kept chunks instead). A pack in the page's `keep` list is
 *   cut into its chunks, kept at once: the page it was fetched for opens offline without
 *   waiting for the other pages' chunks, and they are not fetched twice.
 * - App files with hashed names: cache first, they never change; other files (the maps):
 *   network first, the kept copy offline.
 * - An editor's requests (with an Authorization header) go straight to the network: an answer
 *   about who is signed in is never kept, nor served offline to someone else.
 * - API answers: network first, each answer kept with the time it was fetched; offline, the
 *   kept answer is returned marked `x-karya-from-cache` and `x-karya-fetched-at`, so the app
 *   can say "data as of …". With nothing kept, a JSON error the app shows as "cannot be reached".
 * - A store that cannot take more (a quota error) loses that copy, nothing else: the answer
 *   from the network is still given, never read as "offline".
 * - FORMAT names the shape of the API's answers: a release that changes it bumps it, and the
 *   new worker drops every answer (and file) an older one kept.
 */
const FORMAT = 2;
const APP = `karya-app-v${FORMAT}`;
const DATA = `karya-data-v${FORMAT}`;
// Answers and files kept at most: the oldest go first, so the store stays small on a phone.
// Files: room for every page chunk of a build (about 150 small files) and the shell's.
const MAX_ANSWERS = 300;
const MAX_FILES = 500;
const SHELL = '/index.html';
// A page's chunks end to end: never kept, the chunks are.
const PACK = /\.pack$/;
// Editor-only addresses: never kept, even without a token.
const PRIVATE = /^\/api\/v\d+\/(session|audit)/;

async function keep(cacheName, request, response, max) {
  try {
    const cache = await caches.open(cacheName);
    await cache.put(request, response);
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(old);
  } catch (e) {
    // Quota exceeded or storage unavailable: this copy is not kept; the answer still stands.
  }
}

async function kept(cacheName, request) {
  try {
    return await (await caches.open(cacheName)).match(request);
  } catch (e) {
    return undefined;
  }
}

const isHtml = (response) => (response.headers.get('content-type') || '').includes('text/html');

// index.html and every file it names (scripts, styles, the wasm, the icon).
async function storeShell() {
  try {
    const response = await fetch(SHELL, { cache: 'no-cache' });
    if (!response.ok || !isHtml(response)) return;
    const html = await response.clone().text();
    await keep(APP, SHELL, response, MAX_FILES);
    const files = new Set();
    for (const m of html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["'](\/[^"'?#]+\.[a-z0-9]+)["']/gi)) files.add(m[1]);
    await Promise.all([...files].map((path) => storeFile(path)));
  } catch (e) {
    // Offline while installing: the pages visited later fill the store.
  }
}

const CHUNK_LOADER = /^\/karya-split-[0-9a-f]+\.js$/;

async function storeFile(path) {
  if (await kept(APP, path)) return;
  try {
    const response = await fetch(path);
    if (response.ok) await keep(APP, path, response, MAX_FILES);
  } catch (e) { /* not kept this time */ }
}

// Every page chunk the kept loader names (`new URL("./chunk_7-<hash>.wasm", import.meta.url)`).
async function storeChunks() {
  try {
    const cache = await caches.open(APP);
    for (const request of await cache.keys()) {
      if (!CHUNK_LOADER.test(new URL(request.url).pathname)) continue;
      const loader = await (await cache.match(request)).text();
      const chunks = new Set();
      for (const m of loader.matchAll(/["']\.\/([\w-]+\.wasm)["']/g)) chunks.add(`/${m[1]}`);
      await Promise.all([...chunks].map((path) => storeFile(path)));
    }
  } catch (e) { /* offline or no store: the pages opened later fill it */ }
}

// The chunks of a pack (`/pack_<page>-<hash>.pack`), each kept under its own name: the pack's
// parts and lengths are in its loader's `PACKS` (scripts/pack-chunks.mjs).
async function storePackParts(path) {
  try {
    const hash = /-([0-9a-f]+)\.pack$/.exec(path)[1];
    const loaderPath = `/karya-split-${hash}.js`;
    const loader = await ((await kept(APP, loaderPath)) ?? (await fetch(loaderPath))).text();
    const packs = JSON.parse(/^const PACKS = (.*);$/m.exec(loader)[1]);
    const [, names, lengths] = Object.values(packs).find(([file]) => file === `.${path}`);
    const response = await fetch(path);
    if (!response.ok) return;
    const bytes = await response.arrayBuffer();
    let at = 0;
    await Promise.all(names.split(' ').map(async (name, i) => {
      const part = bytes.slice(at, (at += lengths[i]));
      const chunk = `/${name}-${hash}.wasm`;
      if (await kept(APP, chunk)) return;
      const headers = { 'content-type': 'application/wasm' };
      await keep(APP, chunk, new Response(part, { headers }), MAX_FILES);
    }));
  } catch (e) { /* offline, or another loader: storeChunks keeps the chunks one by one */ }
}

async function storeAnswer(url) {
  if (await kept(DATA, url)) return;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (response.ok) await keepAnswer(new Request(url), response);
  } catch (e) { /* not kept this time */ }
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(storeShell());
});

self.addEventListener('activate', (event) => event.waitUntil((async () => {
  // Stores of an older format: their answers may no longer read as this app expects.
  for (const name of await caches.keys()) {
    if (name.startsWith('karya-') && name !== APP && name !== DATA) await caches.delete(name);
  }
  await self.clients.claim();
})()));

// The page's list of what it fetched before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(Promise.all([storeChunks(), ...data.urls.slice(0, MAX_ANSWERS).map((u) => {
    let url;
    try { url = new URL(u, self.location.origin); } catch (e) { return null; }
    if (url.origin !== self.location.origin || PRIVATE.test(url.pathname)) return null;
    if (url.pathname.startsWith('/api/')) return storeAnswer(url.href);
    if (url.pathname === '/sw.js') return null;
    if (PACK.test(url.pathname)) return storePackParts(url.pathname);
    return storeFile(url.pathname);
  })]));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (request.headers.has('authorization')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PACK.test(url.pathname)) return;
  if (url.pathname.startsWith('/api/')) {
    if (PRIVATE.test(url.pathname)) return;
    event.respondWith(apiAnswer(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else {
    event.respondWith(appFile(request));
  }
});

async function page(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const shell = await kept(APP, SHELL);
    if (shell) return shell;
    throw e;
  }
  // Only the app's own page is the app: a JSON or script file opened in a tab is not.
  if (response.ok && isHtml(response)) await keep(APP, SHELL, await asShell(response.clone()), MAX_FILES);
  return response;
}

// A page as the app's shell for every address: without the first view the server wrote for
// this one (between its comments, see crates/core/src/first_view.rs), which would show this
// page's heading and figures on any other page opened offline.
const FIRST_VIEW = /<!--karya-first-view-->[\s\S]*?<!--\/karya-first-view-->/;
async function asShell(response) {
  const html = (await response.text()).replace(FIRST_VIEW, '');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

// Trunk's names carry a content hash (`karya-app-3f2a…9c1d_bg.wasm`): such a file never changes.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

async function appFile(request) {
  if (HASHED.test(new URL(request.url).pathname)) {
    const copy = await kept(APP, request);
    if (copy) return copy;
  }
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const copy = await kept(APP, request);
    if (copy) return copy;
    throw e;
  }
  if (response.ok) await keep(APP, request, response.clone(), MAX_FILES);
  return response;
}

async function keepAnswer(request, response) {
  const headers = new Headers(response.headers);
  headers.set('x-karya-fetched-at', new Date().toISOString());
  const body = await response.clone().blob();
  await keep(DATA, request, new Response(body, { status: response.status, headers }), MAX_ANSWERS);
}

async function apiAnswer(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const copy = await kept(DATA, request);
    if (copy) {
      const headers = new Headers(copy.headers);
      headers.set('x-karya-from-cache', '1');
      return new Response(await copy.blob(), { status: copy.status, headers });
    }
    return new Response(JSON.stringify({ error: { code: 'offline', message: 'offline and nothing kept for this view' } }), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  }
  // Kept apart from giving the answer: a store that fails never turns an answer into "offline".
  if (response.ok) {
    try { await keepAnswer(request, response); } catch (e) { /* not kept */ }
  }
  return response;
}
