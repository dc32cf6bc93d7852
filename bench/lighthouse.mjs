// Lighthouse on the five main pages (`make lighthouse`, also run by `make bench`), offline
// against the real server with the sample data and Debian's Chromium:
//   - performance with Lighthouse's mobile defaults (simulated slow 4G, CPU 4× slower):
//     score, LCP, CLS and TBT per page, the median of BENCH_RUNS runs (3), each run listed;
//   - the accessibility score (desktop), with failing audits listed under their page.
// Printed, not asserted: timings are for benchmarks, and axe-core in the end-to-end suite is
// the accessibility test; this is the audit a reviewer runs.
//   node bench/lighthouse.mjs [path …]   default: the five pages above
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const paths = process.argv.slice(2);
const PAGES = paths.length ? paths : ['/', '/map', '/facilities', '/facility/lapas-cirebon', '/briefing'];
// Single runs of one page vary by a tenth in score and by half in TBT: the median of a few.
const RUNS = Number(process.env.BENCH_RUNS || 3);
const out = mkdtempSync(join(tmpdir(), 'karya-lighthouse-'));
const server = await startServer({ bin: process.env.KARYA_BIN });
let worst = 1;
// One Lighthouse run of one page; `flags` choose the categories and the device.
function lighthouse(path, flags) {
  const report = join(out, 'report.json');
  const run = spawnSync(join(ROOT, 'node_modules/.bin/lighthouse'), [
    `${server.url}${path}`, ...flags, '--output=json', `--output-path=${report}`, '--quiet',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
  ], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } });
  if (run.status !== 0) throw new Error(`lighthouse ${path}: ${run.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8'));
}
try {
  console.log(`Lighthouse performance (mobile defaults: simulated slow 4G, CPU 4× slower), median of ${RUNS} runs`);
  console.log(`  ${'page'.padEnd(26)} ${'score'.padStart(5)} ${'LCP s'.padStart(6)} ${'CLS'.padStart(6)} ${'TBT ms'.padStart(7)}   runs: score / TBT`);
  for (const path of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(lighthouse(path, ['--only-categories=performance']));
    const all = (read) => runs.map(read).sort((a, b) => a - b);
    const median = (read) => all(read)[Math.floor(RUNS / 2)];
    const num = (id) => (lhr) => lhr.audits[id].numericValue;
    const score = (lhr) => lhr.categories.performance.score;
    console.log(`  ${path.padEnd(26)} ${median(score).toFixed(2).padStart(5)} `
      + `${(median(num('largest-contentful-paint')) / 1000).toFixed(1).padStart(6)} `
      + `${median(num('cumulative-layout-shift')).toFixed(3).padStart(6)} `
      + `${median(num('total-blocking-time')).toFixed(0).padStart(7)}   `
      + `${runs.map((r) => `${score(r).toFixed(2)}/${num('total-blocking-time')(r).toFixed(0)}`).join(' ')}`);
    // What the LCP waits for: the element, and the share of its time spent after the HTML came.
    const [element, phases] = runs[0].audits['largest-contentful-paint-element'].details?.items ?? [];
    const node = element?.items?.[0]?.node;
    const delay = phases?.items?.find((p) => p.phase === 'Render Delay');
    if (node) console.log(`      LCP element: ${node.snippet.slice(0, 90)}${delay ? ` (render delay ${delay.percent})` : ''}`);
  }
  console.log('  goals: score ≥ 0.90, LCP ≤ 2.5 s, CLS ≤ 0.1, TBT ≤ 200 ms');
  console.log('Lighthouse accessibility (desktop, headless Chromium)');
  for (const path of PAGES) {
    const lhr = lighthouse(path, ['--only-categories=accessibility', '--preset=desktop']);
    const score = lhr.categories.accessibility.score;
    worst = Math.min(worst, score);
    const applied = lhr.categories.accessibility.auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null).length;
    console.log(`  ${path.padEnd(26)} ${score.toFixed(2)}  (${applied} weighted audits applied)`);
    for (const ref of lhr.categories.accessibility.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`      failing: ${a.id} — ${a.title}`);
    }
  }
  console.log(`  lowest                     ${worst.toFixed(2)}`);
} finally {
  await server.stop();
  rmSync(out, { recursive: true, force: true });
}
process.exit(0);
