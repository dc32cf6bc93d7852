// Data management end to end, with the real `karya` binary: the sample exported as CSV imports
// into an empty database and exports again identically; a file of bad rows is refused with
// every error listed and nothing written; the running server refuses writes without a token
// or with a revoked one, and a write with a token comes back with its audit entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { dataset } from './expected.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.KARYA_BIN || join(ROOT, 'target/debug/karya');
let dir;

const karya = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });

function serve(db) {
  const child = spawn(BIN, ['serve', '--addr', '127.0.0.1:0', '--db', db, '--dist', join(dir, 'no-app')], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KARYA_LOG: 'warn' },
  });
  return new Promise((ok, fail) => {
    child.on('exit', (code) => fail(new Error(`karya exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/running at (http:\/\/\S+?)\/?$/);
      if (m) ok({ url: m[1], stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) });
    });
  });
}

function files(folder) {
  return Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

before(() => { dir = mkdtempSync(join(tmpdir(), 'karya-data-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('the sample exported as CSV imports into an empty database and exports again identically', async () => {
  const sample = join(dir, 'sample.sqlite3');
  const server = await serve(sample); // a first start loads the sample
  await server.stop();
  let r = karya('export', '--db', sample, join(dir, 'first'));
  assert.equal(r.status, 0, r.stderr);
  r = karya('import', '--db', join(dir, 'empty.sqlite3'), join(dir, 'first'));
  assert.equal(r.status, 0, r.stderr);
  const n = dataset.shipments.length; // every release of the sample, as the first start loaded it
  assert.ok(n > 0);
  assert.match(r.stdout, new RegExp(`shipments\\s+${n} inserted\\s+0 updated\\s+0 unchanged`));
  r = karya('export', '--db', join(dir, 'empty.sqlite3'), join(dir, 'second'));
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = [files(join(dir, 'first')), files(join(dir, 'second'))];
  assert.equal(Object.keys(a).length, 9, 'one file per table');
  assert.deepEqual(b, a);
  r = karya('import', '--db', join(dir, 'empty.sqlite3'), join(dir, 'first'));
  assert.match(r.stdout, new RegExp(`shipments\\s+0 inserted\\s+0 updated\\s+${n} unchanged`));
});

test('a file with bad rows is refused with every error listed and nothing written', () => {
  const db = join(dir, 'bad.sqlite3');
  assert.equal(karya('import', '--db', db, join(dir, 'first')).status, 0);
  const before = karya('export', '--db', db, join(dir, 'before'));
  assert.equal(before.status, 0);
  const header = 'id,date,facility_id,product_id,country,quantity,unit,value_idr,value_usd,provisional,provenance,source_id,source_fact,source_quote';
  writeFileSync(join(dir, 'shipments.csv'), [header,
    'ok-1,2025-01-02,lapas-cirebon,coco-shade,ES,10,piece,,,no,illustrative,,,',
    'x-2,2025-01-02,lapas-atlantis,coco-shade,ES,10,piece,,,no,illustrative,,,',
    'x-3,2025-13-02,lapas-cirebon,coco-shade,ZZ,10,piece,,,no,illustrative,,,',
    'x-4,2025-01-02,lapas-cirebon,coco-shade,ES,"1,500",piece,,,no,illustrative,,,',
    'x-5,2025-01-02,lapas-cirebon,coco-shade,ES,10,kilogram,,,no,reported,nowhere,,',
  ].join('\n') + '\n');
  for (const args of [['--check'], []]) {
    const r = karya('import', '--db', db, ...args, join(dir, 'shipments.csv'));
    assert.equal(r.status, 1);
    for (const place of ['row 3, column facility_id', 'row 4, column date', 'row 4, column country',
      'row 5, column quantity', 'row 6, column unit', 'row 6, column source_id']) {
      assert.ok(r.stderr.includes(`shipments.csv, ${place}:`), `${place} missing in:\n${r.stderr}`);
    }
    assert.match(r.stderr, /the import is refused: 6 problems above; nothing was written/);
  }
  karya('export', '--db', db, join(dir, 'after'));
  assert.deepEqual(files(join(dir, 'after')), files(join(dir, 'before')));
});

test('the running server refuses writes without a valid token and audits the one it accepts', async () => {
  const db = join(dir, 'live.sqlite3');
  const server = await serve(db);
  try {
    const token = karya('token', 'create', 'siti', '--db', db).stdout.trim();
    assert.match(token, /^karya_[0-9a-f]{16}_[0-9a-f]{64}$/);
    const count = async () => (await (await fetch(`${server.url}/api/v1/shipments?limit=1`)).json()).total;
    const post = (auth) => fetch(`${server.url}/api/v1/shipments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ date: '2025-02-03', facility_id: 'lapas-cirebon', product_id: 'coco-shade', country: 'ES',
        quantity: 30, unit: 'piece', provisional: false, source: { id: '', outlet: 'Antara', url: 'https://example.org/a' } }),
    });
    const n = await count();
    assert.equal((await post(null)).status, 401);
    const created = await post(token);
    assert.equal(created.status, 201);
    const release = await created.json();
    assert.equal(await count(), n + 1);
    const log = await (await fetch(`${server.url}/api/v1/audit?record_type=shipments&record_key=${release.id}`,
      { headers: { authorization: `Bearer ${token}` } })).json();
    assert.deepEqual(log.map((e) => [e.action, e.actor, e.after.quantity]), [['create', 'siti', 30]]);
    assert.equal(karya('token', 'revoke', 'siti', '--db', db).status, 0);
    assert.equal((await post(token)).status, 401);
    assert.equal(await count(), n + 1);
  } finally {
    await server.stop();
  }
});
