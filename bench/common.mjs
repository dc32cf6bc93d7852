// What the benchmarks share: the synthetic dataset served by the optimised server, a
// Chromium page with the CPU slowed down, and the statistics of a set of timings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RUNS = Number(process.env.BENCH_RUNS || 10);
export const THROTTLE = Number(process.env.BENCH_THROTTLE || 4);

// A fresh synthetic dataset (500 facilities, 40 destinations, 20,000 releases) in a fresh
// database, and a browser.
export async function startBench() {
  const dataset = join(mkdtempSync(join(tmpdir(), 'karya-bench-')), 'synthetic.json');
  execFileSync(join(ROOT, 'target/server/karya-synthetic'), [dataset], { stdio: 'inherit' });
  const server = await startServer({ bin: join(ROOT, 'target/server/karya'), args: ['--dataset', dataset] });
  const chromium = await launchBrowser();
  return { server, chromium };
}

// A 1920×1080 page whose CPU runs THROTTLE times slower (DevTools protocol).
export async function throttledPage(chromium) {
  const context = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { page, context };
}

// Nearest-rank percentiles (the p-th percentile is the ceil(p·n)-th smallest): with 10 runs
// p90 is the 9th, not the largest; with fewer than 10 it is the largest, so `runs` is printed
// beside it.
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.max(0, Math.ceil(p * s.length) - 1)];
  return { runs: s.length, median: q(0.5), p90: q(0.9), min: s[0], max: s[s.length - 1] };
};

// One line of a timing table: runs, median, p90, min, max and the goal.
export function printRow(name, s, goal) {
  const ms = (x) => x.toFixed(0).padStart(7);
  console.log(`${name.padEnd(48)} ${String(s.runs).padStart(4)} ${ms(s.median)} ${ms(s.p90)} ${ms(s.min)} ${ms(s.max)}   ${goal}`);
}

export function printHeader(title) {
  console.log(`\n${title}`);
  console.log(`${'measure'.padEnd(48)} ${'runs'.padStart(4)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'min'.padStart(7)} ${'max'.padStart(7)}   goal`);
}

// Waits until `view` has been drawn more than `times` times (its `karya:<view>-drawn` marks).
export function drawnMoreThan(page, view, times = 0) {
  return page.waitForFunction(([m, n]) => performance.getEntriesByName(m).length > n, [`karya:${view}-drawn`, times]);
}

// Moves the page's year control as a person would (the world map's slider, a select elsewhere)
// and returns the ms from that input to the next `karya:<view>-drawn` mark.
export async function timeYearChange(page, view, year) {
  const mark = `karya:${view}-drawn`;
  const before = await page.evaluate((m) => performance.getEntriesByName(m).length, mark);
  const t0 = await page.evaluate((year) => {
    const control = document.querySelector('[data-control=year]');
    const start = performance.now();
    control.value = String(year);
    control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    return start;
  }, year);
  await drawnMoreThan(page, view, before);
  return (await page.evaluate((m) => performance.getEntriesByName(m).at(-1).startTime, mark)) - t0;
}

// Rust's legacy mangled names (`_ZN<len><part>…17h<hash>E`) as `crate::module::function`.
export function demangle(raw) {
  const m = /^_ZN(.*?)(?:17h[0-9a-f]{16})?E(?:\s.*)?$/.exec(raw);
  if (!m) return raw;
  const parts = [];
  for (let rest = m[1]; rest.length;) {
    const len = /^\d+/.exec(rest);
    if (!len) break;
    parts.push(rest.slice(len[0].length, len[0].length + Number(len[0])));
    rest = rest.slice(len[0].length + Number(len[0]));
  }
  const escapes = { LT: '<', GT: '>', RF: '&', BP: '*', LP: '(', RP: ')', C: ',', SP: '@' };
  return parts.join('::').replace(/\$([A-Z]{1,2})\$/g, (e, k) => escapes[k] ?? e)
    .replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\.\./g, '::');
}
