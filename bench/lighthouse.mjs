// Lighthouse's accessibility score of the five main pages (`make lighthouse`, also run by
// `make bench`), offline against the real server with the sample data and Debian's Chromium.
// Printed, not asserted: axe-core in the end-to-end suite is the test; this is the audit a
// reviewer runs. Failing audits are listed under their page so they can be fixed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = ['/', '/map', '/facilities', '/facility/lapas-cirebon', '/briefing'];
const out = mkdtempSync(join(tmpdir(), 'karya-lighthouse-'));
const server = await startServer({ bin: process.env.KARYA_BIN });
let worst = 1;
try {
  console.log('Lighthouse accessibility (desktop, headless Chromium)');
  for (const path of PAGES) {
    const report = join(out, 'report.json');
    const run = spawnSync(join(ROOT, 'node_modules/.bin/lighthouse'), [
      `${server.url}${path}`, '--only-categories=accessibility', '--preset=desktop',
      '--output=json', `--output-path=${report}`, '--quiet',
      '--chrome-flags=--headless --no-sandbox --disable-gpu',
    ], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } });
    if (run.status !== 0) throw new Error(`lighthouse ${path}: ${run.stderr}`);
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
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
