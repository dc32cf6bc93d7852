// Writes a brotli (best level) and a gzip sibling of every text or wasm file the build made,
// once, so the server sends them as they are (ServeDir's precompressed files) instead of
// compressing each request on the fly at a low level. Usage: node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|pack|js|css|html|svg|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/precompress.mjs DIR');
for (const path of files(dir)) {
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  // A sibling that saves nothing is not worth a second copy.
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  const gz = gzipSync(bytes, { level: 9 });
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
}
