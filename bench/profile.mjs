// Where a view's time goes: a CPU profile of the app built with its function names
// (scripts/profile-build.sh), on the synthetic dataset with the CPU slowed 4×, printed as a
// top-down tree of the functions that took at least `--min` ms. Run by `make profile`:
//   make profile PROFILE_ARGS='/map'                          five year steps on the world map
//   make profile PROFILE_ARGS='/facilities ranking'           ... on the ranking
//   make profile PROFILE_ARGS='/map map --load'               the first load instead
// Times are for comparing parts of one run: this build is not wasm-opt'ed and carries names.
// After the tree, the median step and its script, layout and style time; with
// `KARYA_DIST=dist` (the release build, no names) those are the shipped app's.
import { startBench, throttledPage, stats, THROTTLE, drawnMoreThan, timeYearChange, demangle } from './common.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const [path = '/map', view = 'map'] = args.filter((a) => !a.startsWith('--'));
const min = Number(args.find((a) => a.startsWith('--min='))?.slice(6) ?? 8);

const { server, chromium } = await startBench();
const { page, context } = await throttledPage(chromium);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const at = `${server.url}${path}${path.includes('?') ? '&' : '?'}from=2016&to=2016`;
// Per step: its time to the drawn mark, and the main thread's script, layout and style time
// in it (DevTools `Performance.getMetrics`); paint and the rest are what remains.
const steps = { step: [], script: [], layout: [], style: [] };
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
  .map((m) => [m.name, m.value * 1000]));
await cdp.send('Performance.enable');
if (flag('--load')) {
  await cdp.send('Profiler.start');
  await page.goto(at);
  await drawnMoreThan(page, view);
} else {
  await page.goto(at);
  await drawnMoreThan(page, view);
  await page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  for (let year = 2017; year <= 2021; year++) {
    const before = await metrics();
    steps.step.push(await timeYearChange(page, view, year));
    const after = await metrics();
    steps.script.push(after.ScriptDuration - before.ScriptDuration);
    steps.layout.push(after.LayoutDuration - before.LayoutDuration);
    steps.style.push(after.RecalcStyleDuration - before.RecalcStyleDuration);
    await page.waitForTimeout(400);
  }
}
const { profile } = await cdp.send('Profiler.stop');
await context.close();
await chromium.close();
await server.stop();

// Inclusive time of each node of the call tree, in ms.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = new Map();
const inclusive = (n) => {
  if (!total.has(n.id)) total.set(n.id, (self.get(n.id) ?? 0) + (n.children ?? []).reduce((t, c) => t + inclusive(byId.get(c)), 0));
  return total.get(n.id);
};
const name = (n) => demangle(n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'native'})`).slice(0, 150);
// Glue frames (wasm-bindgen shims) say nothing about where time goes.
const glue = /externref shim|^wasm-to-js|^js-to-wasm/;
function print(n, depth) {
  const shown = !glue.test(name(n));
  if (shown) console.log(`${inclusive(n).toFixed(1).padStart(8)} ${'  '.repeat(depth)}${name(n)}`);
  const children = (n.children ?? []).map((c) => byId.get(c)).filter((c) => inclusive(c) >= min);
  for (const c of children.sort((a, b) => inclusive(b) - inclusive(a))) print(c, depth + (shown ? 1 : 0));
}
console.log(`CPU profile of ${flag('--load') ? 'the first load of' : 'five year steps on'} ${path} (ms, inclusive, CPU ${THROTTLE}× slower)`);
print(byId.get(profile.nodes[0].id), 0);
if (steps.step.length) {
  const median = (xs) => stats(xs).median.toFixed(0);
  console.log(`\nPer step, median of ${steps.step.length} (ms): to the drawn mark ${median(steps.step)}; `
    + `script ${median(steps.script)}, layout ${median(steps.layout)}, style ${median(steps.style)}`);
}
