// Where Lighthouse's Total Blocking Time comes from: each main-thread task of a first visit
// (fresh profile, sample data, no throttling) long enough to block once Lighthouse's mobile
// preset multiplies it by 4, with the trace events that fill it. Lighthouse simulates its slow
// CPU from an unthrottled trace like this one, so a task of d ms counts as 4·d − 50 ms of
// blocking; the sum printed is that estimate, for comparing builds, not Lighthouse's figure.
//   node bench/long-tasks.mjs [--stacks] [path …]   default: the five pages Lighthouse audits
// With --stacks, each task also lists the app's functions that filled it (sampled): run it on
// the build with function names, `KARYA_DIST=target/profile-dist` (scripts/profile-build.sh).
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';
import { demangle } from './common.mjs';

const SLOWDOWN = 4;
const args = process.argv.slice(2);
const STACKS = args.includes('--stacks');
const paths = args.filter((a) => !a.startsWith('--'));
const PAGES = paths.length ? paths : ['/', '/map', '/facilities', '/facility/lapas-cirebon', '/briefing'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm',
  'blink.user_timing', 'loading', ...(STACKS ? ['disabled-by-default-v8.cpu_profiler'] : [])];

// The trace of one first visit, until the page is drawn and the network has been idle.
async function trace(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('body > .first-view')
    && !document.querySelector('[data-state="loading"]'), null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const buffer = await browser.stopTracing();
  await context.close();
  return JSON.parse(buffer.toString()).traceEvents;
}

// The page's main thread: the one that painted its first content.
function mainThread(events) {
  const main = events.find((e) => e.name === 'firstContentfulPaint');
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid);
}

// The largest events inside a task, by name (summed), leaving out the task itself.
function contents(thread, task) {
  const end = task.ts + task.dur;
  const sums = new Map();
  for (const e of thread) {
    if (e === task || e.ph !== 'X' || e.ts < task.ts || e.ts >= end || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([name, dur]) => `${name} ${(dur / 1000).toFixed(0)}`).join(', ');
}

// The main thread's CPU samples from the trace's profile chunks: [time µs, stack of names].
function samples(events, thread) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  if (!profile) return [];
  const nodes = new Map();
  const out = [];
  let ts = profile.args.data.startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
    const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
    for (const n of cpuProfile.nodes ?? []) nodes.set(n.id, n);
    (cpuProfile.samples ?? []).forEach((id, i) => {
      ts += timeDeltas[i] ?? 0;
      out.push([ts, id]);
    });
  }
  const stack = (id) => {
    const names = [];
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) names.push(demangle(n.callFrame.functionName));
    return names;
  };
  return out.map(([t, id]) => [t, stack(id)]);
}

// The app's own functions (Karya's, Leptos's components and the page chunks) that filled a
// task, by sampled inclusive time, innermost-first names dropped of their closures.
function appFunctions(sampled, task) {
  const inside = sampled.filter(([t]) => t >= task.ts && t < task.ts + task.dur);
  const per = task.dur / Math.max(1, inside.length) / 1000;
  const sums = new Map();
  for (const [, stack] of inside) {
    const seen = new Set();
    for (const raw of stack) {
      const m = /(karya_app::[\w:]+|karya_core::[\w:]+|\(program\)|\(garbage collector\))/.exec(raw);
      if (!m || seen.has(m[1])) continue;
      seen.add(m[1]);
      sums.set(m[1], (sums.get(m[1]) ?? 0) + per);
    }
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 12).filter(([, ms]) => ms >= 1);
}

const server = await startServer({ bin: process.env.KARYA_BIN || 'target/server/karya' });
const chromium = await launchBrowser();
try {
  console.log(`Long tasks of a first visit (unthrottled; blocking estimated at ${SLOWDOWN}× CPU as Lighthouse does)`);
  for (const path of PAGES) {
    const events = await trace(chromium.browser, server.url + path);
    const thread = mainThread(events);
    const sampled = STACKS ? samples(events, thread[0]) : [];
    // Lighthouse counts blocking from the first contentful paint.
    const fcp = thread.find((e) => e.name === 'firstContentfulPaint').ts;
    const tasks = thread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= fcp
      && e.dur * SLOWDOWN / 1000 > 50);
    const blocking = tasks.reduce((sum, t) => sum + t.dur * SLOWDOWN / 1000 - 50, 0);
    console.log(`\n${path}: ${tasks.length} long tasks after first paint, estimated blocking ${blocking.toFixed(0)} ms`);
    for (const t of tasks) {
      console.log(`  +${((t.ts - fcp) / 1000).toFixed(0).padStart(5)} ms  ${(t.dur / 1000).toFixed(0).padStart(4)} ms  ${contents(thread, t)}`);
      for (const [fn, ms] of STACKS ? appFunctions(sampled, t) : []) console.log(`${ms.toFixed(0).padStart(24)} ms  ${fn}`);
    }
  }
} finally {
  await chromium.close();
  await server.stop();
}
