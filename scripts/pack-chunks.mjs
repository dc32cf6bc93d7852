// Packs each page's wasm chunks into one file, and teaches the chunk loader to use it for the
// first page a visit opens. Run by scripts/post-build.sh: node scripts/pack-chunks.mjs DIR LOADER
//
// wasm-split-cli cuts the app into a chunk per set of pages sharing code: about 140 chunks, 60
// to 90 of them for any one page. Fetched one by one, a first visit starts each request in the
// task that mounts the app (bench/long-tasks.mjs shows that task), waits for them six at a time
// over HTTP/1.1 (bench/slow-load.mjs counts them), and they compress worse apart than together
// (bench/first-load.mjs measures the bytes). So a first visit fetches one pack: the page's chunks and its own split module, end
// to end, and the loader hands each chunk its slice of it. Moving to another page fetches only
// the chunks it does not have yet, one by one as before (a pack would repeat what is loaded).
// The service worker keeps the chunks, not the packs: a page it controls reads them from its
// store, and a pack that cannot be fetched falls back to them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, loaderName] = process.argv.slice(2);
if (!dir || !loaderName) throw new Error('usage: node scripts/pack-chunks.mjs DIR LOADER');
const loaderPath = join(dir, loaderName);
let loader = readFileSync(loaderPath, 'utf8');
const fail = (what) => {
  throw new Error(`pack-chunks: ${loaderName} ${what}; has wasm-split-cli's loader changed?`);
};

// Each chunk's loader variable and file: `const __chunk_10 = makeLoad(() => {
//     const src = fetch(new URL("./chunk_10-<hash>.wasm", import.meta.url));`
const files = new Map();
for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("(\.\/[\w-]+\.wasm)"/g)) {
  files.set(m[1], m[2]);
}
if (!files.size) fail('names no chunk');

// Each page's loader: its own module and the chunks it needs, in the order they are asked for.
const PAGE = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("(\.\/[\w-]+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
const packs = {};
loader = loader.replace(PAGE, (statement, page, own, deps) => {
  const parts = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => files.get(d) ?? fail(`names no file for ${d}`));
  parts.push(own);
  const hash = own.match(/-([0-9a-f]+)\.wasm$/)?.[1] ?? fail(`names ${own} without a hash`);
  const file = `./pack_${page}-${hash}.pack`;
  const bytes = parts.map((p) => readFileSync(join(dir, p)));
  writeFileSync(join(dir, file), Buffer.concat(bytes));
  // Compact, as the loader is parsed on every visit: the parts' names without "./" and hash.
  packs[page] = [file, parts.map((p) => p.slice(2, -`-${hash}.wasm`.length)).join(' '), bytes.map((b) => b.length)];
  return statement.replace('wrapAsyncCb(makeLoad(', `wrapAsyncCb(firstPage(${JSON.stringify(page)}, makeLoad(`)
    .replace(/\]\)\);$/, '])));');
});
if (!Object.keys(packs).length) fail('has no page loader');

// Every chunk is fetched through `fetchChunk` and compiled by `instantiateChunk`; its file name
// stays a literal "./….wasm", which the service worker reads to keep every chunk.
const modules = files.size + Object.keys(packs).length;
const rewrite = (pattern, by, what) => {
  const found = loader.match(pattern)?.length ?? 0;
  if (found !== modules) fail(`${what} ${found} times, not once per chunk and page (${modules})`);
  loader = loader.replace(pattern, by);
};
rewrite(/fetch\(new URL\("(\.\/[\w-]+\.wasm)", import\.meta\.url\)\)/g, 'fetchChunk("$1")', 'fetches a file');
rewrite(/WebAssembly\.instantiateStreaming\(src, imports\)/g, 'instantiateChunk(src, imports)', 'instantiates');

loader += `
// Added by scripts/pack-chunks.mjs: the first page a visit opens fetches its chunks as one pack.
// Per page: the pack's file, the names of the chunks in it, and their lengths, end to end.
const PACKS = ${JSON.stringify(packs)};
let pack = null;
let packChosen = false;
// Wraps a page's loader: the first page asked for fetches its pack, unless the service worker
// controls the page: it keeps every chunk, so they are read from its store, even offline.
function firstPage(page, load) {
  return () => {
    if (!packChosen && !navigator.serviceWorker?.controller) {
      packChosen = true;
      const [file, names, lengths] = PACKS[page];
      const parts = new Map();
      let at = 0;
      names.split(' ').forEach((name, i) => parts.set(name, [at, (at += lengths[i])]));
      const bytes = fetch(new URL(file, import.meta.url))
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`\${file}: HTTP \${r.status}\`))));
      bytes.catch(() => {});
      pack = { parts, bytes };
      // Every part is asked for by this one load: once it is settled, the pack's half megabyte
      // need not stay in memory (a retry fetches the chunks themselves).
      return load().finally(() => { pack = null; });
    }
    return load();
  };
}
// A chunk: its slice of the pack, or the file's response when it is not in the pack or the
// pack could not be fetched (offline, the service worker holds the files).
function fetchChunk(file) {
  const url = new URL(file, import.meta.url);
  const at = pack?.parts.get(file.slice(2).replace(/-[0-9a-f]+\.wasm$/, ''));
  if (!at) return fetch(url);
  return pack.bytes.then((buffer) => new Uint8Array(buffer, at[0], at[1] - at[0]), () => fetch(url));
}
// A slice of the pack is compiled from its bytes, off the main thread: streaming compilation
// of a pack's 30 to 90 modules, all there at once, decoded them in one 50 ms task on it.
async function instantiateChunk(src, imports) {
  const chunk = await src;
  return chunk instanceof Uint8Array
    ? WebAssembly.instantiate(chunk, imports)
    : WebAssembly.instantiateStreaming(chunk, imports);
}
`;
writeFileSync(loaderPath, loader);
const sizes = Object.entries(packs).map(([page, [, , lengths]]) => `${page.replace(/_page$/, '')} ${lengths.length}`);
console.log(`pack-chunks: one pack per page (chunks in it): ${sizes.join(', ')}`);
