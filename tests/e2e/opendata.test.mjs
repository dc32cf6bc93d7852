// Open data end to end: every CSV the server offers is the file `karya export` writes, the ZIP
// holds them all with a datapackage.json that `frictionless validate` accepts, its files import
// into an empty database and export again the same, and the /data page lists what the API says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useKarya, checkPage } from './harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.KARYA_BIN || join(ROOT, 'target/debug/karya');
// Installed by scripts/install-tools.sh test (a pinned frictionless in a venv).
const FRICTIONLESS = process.env.KARYA_FRICTIONLESS || join(ROOT, '.tools/venv/bin/frictionless');
const TABLES = ['sources', 'exchange_rates', 'countries', 'facilities', 'products', 'shipments', 'production', 'supply_links', 'statements'];

const karya = useKarya();
let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'karya-open-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...options });
const files = (folder) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));

async function download(file) {
  const res = await fetch(`${karya.server.url}/api/v1/data/${file}`);
  assert.equal(res.status, 200, file);
  const asOf = res.headers.get('x-karya-as-of');
  assert.match(asOf ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, `${file} carries the time of the data`);
  assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${file}"`));
  return { body: Buffer.from(await res.arrayBuffer()), asOf };
}

test('each CSV download is the file karya export writes, and the ZIP re-imports to the same export', async () => {
  const exported = join(dir, 'export');
  let r = run(BIN, ['export', '--db', karya.server.db, exported]);
  assert.equal(r.status, 0, r.stderr);
  const expected = files(exported);
  assert.deepEqual(Object.keys(expected), TABLES.map((t) => `${t}.csv`).sort());
  for (const t of TABLES) {
    const { body } = await download(`${t}.csv`);
    assert.equal(body.toString('utf8'), expected[`${t}.csv`], `${t}.csv equals the export`);
  }
  const { body, asOf } = await download('karya-data.zip');
  const unzipped = join(dir, 'zip');
  writeFileSync(join(dir, 'karya-data.zip'), body);
  r = run('python3', ['-m', 'zipfile', '-e', join(dir, 'karya-data.zip'), unzipped]);
  assert.equal(r.status, 0, r.stderr);
  const inZip = files(unzipped);
  const pkg = JSON.parse(inZip['datapackage.json']);
  assert.equal(pkg.created, asOf, 'the package says when the database was read');
  delete inZip['datapackage.json'];
  assert.deepEqual(inZip, expected, 'the ZIP holds every table as exported');

  // frictionless: types, required fields, primary and foreign keys of every file.
  r = run(FRICTIONLESS, ['validate', '--json', 'datapackage.json'], { cwd: unzipped });
  const report = JSON.parse(r.stdout || '{}');
  assert.equal(report.valid, true, `frictionless validate: ${r.stdout.slice(0, 3000)}${r.stderr}`);
  assert.equal(report.tasks.length, TABLES.length);

  unlinkSync(join(unzipped, 'datapackage.json'));
  const empty = join(dir, 'empty.sqlite3');
  r = run(BIN, ['import', '--db', empty, unzipped]);
  assert.equal(r.status, 0, r.stderr);
  r = run(BIN, ['export', '--db', empty, join(dir, 'again')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(files(join(dir, 'again')), expected, 'imported into an empty database, it exports the same');
});

test('frictionless refuses a package whose file breaks its schema (the check can fail)', async () => {
  const broken = join(dir, 'broken');
  run('mkdir', ['-p', broken]);
  const { body } = await download('datapackage.json');
  writeFileSync(join(broken, 'datapackage.json'), body);
  for (const t of TABLES) writeFileSync(join(broken, `${t}.csv`), (await download(`${t}.csv`)).body);
  const shipments = readFileSync(join(broken, 'shipments.csv'), 'utf8').split('\n');
  shipments[1] = shipments[1].replace(/,(piece|kilogram|set|square_metre),/, ',barrel,');
  writeFileSync(join(broken, 'shipments.csv'), shipments.join('\n'));
  const r = run(FRICTIONLESS, ['validate', '--json', 'datapackage.json'], { cwd: broken });
  assert.equal(JSON.parse(r.stdout).valid, false);
});

test('an unknown open-data file is a 404 that names the files there are', async () => {
  const res = await fetch(`${karya.server.url}/api/v1/data/passwords.csv`);
  assert.equal(res.status, 404);
  assert.match((await res.json()).error.message, /shipments\.csv.*datapackage\.json.*karya-data\.zip/);
});

test('the data page offers every file, the sources with their citations and the API in words', async () => {
  const [citations, openapi] = await Promise.all([karya.server.api('/data/citations'), karya.server.api('/openapi.json')]);
  assert.ok(citations.length > 0 && citations.some((c) => c.records > 0));
  await checkPage(karya, async (page) => {
    await page.goto(`${karya.server.url}/data?lang=en`);
    await page.waitForSelector('[data-table=citations] tbody tr');
    const links = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-download]')]
      .map((a) => [a.dataset.download, new URL(a.href).pathname])));
    assert.deepEqual(links, Object.fromEntries([...TABLES.map((t) => [t, `/api/v1/data/${t}.csv`]),
      ['zip', '/api/v1/data/karya-data.zip'], ['datapackage', '/api/v1/data/datapackage.json']]));
    const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-table=citations] tbody tr')]
      .map((r) => [r.dataset.source, Number(r.dataset.records)])));
    assert.deepEqual(shown, Object.fromEntries(citations.map((c) => [c.source.id, c.records])));
    const ops = await page.evaluate(() => [...document.querySelectorAll('[data-list=api] [data-operation]')].map((o) => o.dataset.operation));
    const expected = Object.entries(openapi.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual(ops.sort(), expected.sort());
    for (const mark of ['reported', 'illustrative', 'provisional']) {
      assert.equal(await page.locator(`[data-meanings] [data-meaning=${mark}]`).count(), 1, mark);
    }
    assert.match(await page.textContent('h1'), /Download data/);
  });
});
