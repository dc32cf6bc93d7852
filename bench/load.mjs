// The API under a crowd and under faults, on the synthetic dataset, loopback:
//   - a flood of the aggregate endpoints with varied filters (wrk, 32 connections) beside the
//     same server's cheapest JSON answer (/health, one small query) measured in the same run,
//     and again started right after a write (every answer worked out anew);
//   - mixed reads and writes for a bounded time and count, the server stopped (SIGTERM) and
//     started again in the middle; printed: requests, errors by status, p50/p99, and whether
//     every acknowledged write is in the database afterwards (it must be).
// Run by `make bench`. BENCH_BIN picks another server binary; BENCH_FLOOD_SECONDS and
// BENCH_FAULT_SECONDS shorten the runs.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.BENCH_BIN || join(ROOT, 'target/server/karya');
const SYNTHETIC = process.env.BENCH_SYNTHETIC || join(ROOT, 'target/server/karya-synthetic');
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS || 60);
const FAULT_SECONDS = Number(process.env.BENCH_FAULT_SECONDS || 120);
const FAULT_WORKERS = 16;
const FAULT_MAX_REQUESTS = 200_000;

const dir = mkdtempSync(join(tmpdir(), 'karya-load-'));
const db = join(dir, 'karya.sqlite3');
const dataset = join(dir, 'synthetic.json');
execFileSync(SYNTHETIC, [dataset], { stdio: 'inherit' });

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});
const url = `http://127.0.0.1:${port}`;

// Starts the server on the fixed port (the same address before and after a restart).
async function start() {
  const child = spawn(BIN, ['serve', '--addr', `127.0.0.1:${port}`, '--db', db, '--dist', join(ROOT, 'dist'),
    '--dataset', dataset, '--writes-per-minute', '1000000'], { stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KARYA_LOG: 'warn' } });
  child.stderr.resume();
  await new Promise((ok, fail) => {
    child.on('exit', (code) => fail(new Error(`karya exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => { if (line.includes('running at')) ok(); });
  });
  return child;
}
const stop = (child) => new Promise((ok) => { child.on('exit', (code) => ok(code)); child.kill('SIGTERM'); });

let server = await start();
const token = spawnSync(BIN, ['token', 'create', 'bench', '--db', db], { encoding: 'utf8' }).stdout.trim();
const api = async (path) => (await fetch(`${url}/api/v1${path}`)).json();
const products = await api('/products');
const facilities = (await api('/facilities')).map((f) => f.id);
const countries = (await api('/countries')).map((c) => c.alpha2);

// The flood: every aggregate endpoint over ten years, products and facilities.
const paths = [];
for (let year = 2016; year <= 2025; year++) {
  const p = products[year % products.length].id;
  const f = facilities[(year * 37) % facilities.length];
  paths.push(`/api/v1/summary?from=${year}&to=${year}`, `/api/v1/summary?product=${p}`,
    `/api/v1/destinations?from=${year}&to=${year}`, `/api/v1/destinations?product=${p}&measure=quantity`,
    `/api/v1/ranking?from=${year}&to=${year}`, `/api/v1/ranking?product=${p}&rank=quantity`,
    `/api/v1/production?from=${year}&to=${year}`, `/api/v1/production?facility=${f}&granularity=year`,
    `/api/v1/pipeline`);
}
const script = join(dir, 'paths.lua');
writeFileSync(script, `paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end
`);

function wrk(path, lua) {
  const args = ['-t2', '-c32', `-d${FLOOD_SECONDS}s`, '--latency', ...(lua ? ['-s', lua] : []), `${url}${path}`];
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const ms = (label) => {
    const m = out.match(new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm'));
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
  };
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/);
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]), p50: ms(50), p99: ms(99),
    errors: errors ? Number(errors[1]) : 0 };
}
// The `i`-th release an editor writes: facility, product, country, day and quantity vary with i.
function postRelease(i, title) {
  const product = products[i % products.length];
  return fetch(`${url}/api/v1/shipments`, { method: 'POST', headers: {
    'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ date: `2025-0${1 + (i % 9)}-1${i % 10}`, facility_id: facilities[i % facilities.length],
    product_id: product.id, country: countries[i % countries.length], quantity: 1 + (i % 500),
    unit: product.unit, source: { id: '', outlet: 'Bench', title } }) });
}

const ceiling = wrk('/api/v1/health');
const flood = wrk('/api/v1/summary', script);
// The crowd right after an editor's write: the write moves the data's version, so every
// release is read again and every address worked out anew while the flood runs.
// Tried twice: the pooled connection from before the floods may have been closed as idle.
const writeBeforeFlood = () => postRelease(0, 'the write before a flood');
const written = await writeBeforeFlood().catch(writeBeforeFlood);
if (written.status !== 201) throw new Error(`the write before the flood: ${written.status}`);
const afterWrite = wrk('/api/v1/summary', script);

// Mixed reads and writes, with a restart in the middle.
const statuses = new Map();
const latencies = [];
const acknowledged = [];
let sent = 0;
let restarting = false;
const count = (key) => statuses.set(key, (statuses.get(key) || 0) + 1);
const deadline = Date.now() + FAULT_SECONDS * 1000;
async function worker(n) {
  let i = n;
  while (Date.now() < deadline && sent < FAULT_MAX_REQUESTS) {
    sent++;
    i++;
    const write = i % 5 === 0;
    const t0 = performance.now();
    try {
      let res;
      if (write) {
        res = await postRelease(i, 'load under faults');
      } else {
        res = await fetch(`${url}${paths[i % paths.length]}`);
      }
      const body = await res.json();
      count(res.status);
      if (write && res.status === 201) acknowledged.push(body.id);
    } catch {
      count(restarting ? 'refused (restart)' : 'refused');
      await new Promise((r) => setTimeout(r, 20));
    }
    latencies.push(performance.now() - t0);
  }
}
const restart = (async () => {
  await new Promise((r) => setTimeout(r, (FAULT_SECONDS * 1000) / 2));
  restarting = true;
  const code = await stop(server);
  server = await start();
  restarting = false;
  return code;
})();
await Promise.all([...Array(FAULT_WORKERS).keys()].map(worker));
const exitCode = await restart;

// Every acknowledged write must be there after the restart.
let missing = 0;
for (let k = 0; k < acknowledged.length; k += 16) {
  const found = await Promise.all(acknowledged.slice(k, k + 16).map((id) => fetch(`${url}/api/v1/shipments/${id}`)));
  missing += found.filter((r) => r.status !== 200).length;
}
await stop(server);
rmSync(dir, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
console.log(`\nAPI flood: wrk, 2 threads, 32 connections, ${FLOOD_SECONDS} s each, loopback`);
console.log(`${'endpoint'.padEnd(52)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} errors`);
for (const [name, r] of [['ceiling: /health (one small query)', ceiling],
  [`aggregates, ${paths.length} varied addresses`, flood],
  ['the same, started right after a write', afterWrite]]) {
  console.log(`${name.padEnd(52)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.errors}`);
}
console.log(`aggregates / ceiling: ${(flood.rps / ceiling.rps).toFixed(2)}×, after a write ${(afterWrite.rps / ceiling.rps).toFixed(2)}× (goal ≥ 0.3×, p99 ≤ 50 ms)`);
console.log(`\nLoad under faults: ${FAULT_WORKERS} clients, ${FAULT_SECONDS} s, 1 in 5 a write, restart (SIGTERM, exit ${exitCode}) at half time`);
console.log(`requests ${sent}; by status: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
console.log(`latency p50 ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms`);
console.log(`acknowledged writes ${acknowledged.length}, missing afterwards ${missing}`);
if (missing > 0) {
  console.error('karya: an acknowledged write was lost');
  process.exit(1);
}
