// Benchmarks of facility output on the synthetic dataset (500 facilities, ten years of
// monthly production):
//   - in headless Chromium with the CPU slowed 4×, the time from a period change to the redrawn
//     ranking (bars, table, map of Indonesia) and to a facility's redrawn charts;
//   - the production-series endpoint under load on loopback with wrk, beside a static JSON
//     handler of the same server (`/api/v1/health`) measured in the same run as the ceiling.
// Run by `make bench`, which builds what it needs first. wrk and the server share this
// machine's cores, so the absolute numbers are a floor; the ratio to the ceiling is the point.
import { execFileSync } from 'node:child_process';
import {
  startBench, throttledPage as throttled, stats, printRow, printHeader, RUNS, THROTTLE, drawnMoreThan, timeYearChange,
} from './common.mjs';

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 10);
const { server, chromium } = await startBench();
const throttledPage = () => throttled(chromium);

async function yearSteps(path, view) {
  const { page, context } = await throttledPage();
  await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}from=2016&to=2016`);
  await drawnMoreThan(page, view);
  const times = [];
  let year = 2016;
  for (let i = 0; i < RUNS; i++) {
    // Let the prefetch of the neighbouring years finish, as it does while a person reads.
    await page.waitForTimeout(300);
    year = year >= 2025 ? 2016 : year + 1;
    times.push(await timeYearChange(page, view, year));
  }
  await context.close();
  return times;
}

// A jump to a year the page has not fetched (its neighbours are fetched ahead, so the next year
// usually is): a fresh page each time, the jump made as soon as the first year is drawn.
async function coldJumps(path, view) {
  const times = [];
  for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
    const { page, context } = await throttledPage();
    await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}from=2016&to=2016`);
    await drawnMoreThan(page, view);
    times.push(await timeYearChange(page, view, 2021));
    await context.close();
  }
  return times;
}

const facilities = await server.api('/facilities');
const busiest = (await server.api('/ranking?rank=products')).rows[0].facility_id;
const rankingSteps = await yearSteps('/facilities', 'ranking');
const rankingJumps = await coldJumps('/facilities', 'ranking');
const facilitySteps = await yearSteps(`/facility/${busiest}`, 'facility');
await chromium.close();

// wrk: requests per second and latency percentiles of one address.
function load(path) {
  const out = execFileSync('wrk', ['-t2', '-c32', `-d${LOAD_SECONDS}s`, '--latency', `${server.url}${path}`], { encoding: 'utf8' });
  const ms = (label) => {
    const m = out.match(new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm'));
    if (!m) return NaN;
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
  };
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/);
  if (errors) throw new Error(`${path}: ${errors[1]} failed responses`);
  return { rps, p50: ms(50), p99: ms(99) };
}
const loads = [
  ['static JSON (/health), the ceiling', '/api/v1/health'],
  ['production, one facility, one year, by month', `/api/v1/production?facility=${busiest}&from=2024&to=2024`],
  ['production, one facility, all years, by year', `/api/v1/production?facility=${busiest}&granularity=year`],
  ['production, all 500 facilities, one year', '/api/v1/production?from=2024&to=2024'],
].map(([name, path]) => [name, load(path)]);
await server.stop();

printHeader(`Facility output, synthetic dataset (${facilities.length} facilities), CPU ${THROTTLE}× slower (ms)`);
console.log('(next year: each step waits 300 ms first, so the year was fetched ahead, as while a person reads)');
printRow('next year → ranking, bars and map redrawn', stats(rankingSteps), '≤ 50');
printRow('year jump, not fetched ahead → ranking redrawn', stats(rankingJumps), '—');
printRow('next year → facility charts redrawn', stats(facilitySteps), '≤ 50');
console.log(`\nAPI under load: wrk, 2 threads, 32 connections, ${LOAD_SECONDS} s each, loopback`);
console.log(`${'endpoint'.padEnd(48)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
for (const [name, r] of loads) {
  console.log(`${name.padEnd(48)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`);
}
