// Benchmarks of the world map on the synthetic dataset (500 facilities, 40 destinations,
// 20,000 releases), in headless Chromium with the CPU slowed 4× (DevTools protocol):
//   - navigation → map drawn: from navigationStart to the app's `karya:map-drawn` mark;
//   - period step → map redrawn: from the slider's input event to the next mark (this includes
//     the API round trip on loopback, as a person would wait for it).
// Run by `make bench`, which builds what it needs first.
import {
  startBench, throttledPage as throttled, stats, printRow, printHeader, RUNS, THROTTLE, drawnMoreThan, timeYearChange,
} from './common.mjs';

const { server, chromium } = await startBench();
const throttledPage = () => throttled(chromium);

const firstDraw = [];
for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
  const { page, context } = await throttledPage();
  await page.goto(`${server.url}/map`);
  const t = await page.waitForFunction(() => performance.getEntriesByName('karya:map-drawn')[0]?.startTime);
  firstDraw.push(await t.jsonValue());
  await context.close();
}

// Year steps as a person makes them: to the next year (which the app fetched ahead while the
// current one was shown) and a jump across the range (which it must fetch).
const nextYear = [];
const jumps = [];
{
  const { page, context } = await throttledPage();
  await page.goto(`${server.url}/map?from=2016&to=2016`);
  await drawnMoreThan(page, 'map');
  const step = async (year) => {
    // Let the prefetch of the neighbours finish, as it does while a person looks at the map.
    await page.waitForTimeout(300);
    return timeYearChange(page, 'map', year);
  };
  let year = 2016;
  for (let i = 0; i < RUNS; i++) {
    year = year >= 2025 ? 2016 : year + 1;
    nextYear.push(await step(year));
  }
  await context.close();
}
// Jumps measured on fresh pages, so the year jumped to was never fetched (only ±1 is ahead).
for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
  const { page, context } = await throttledPage();
  await page.goto(`${server.url}/map?from=2016&to=2016`);
  await drawnMoreThan(page, 'map');
  await page.waitForTimeout(300);
  jumps.push(await timeYearChange(page, 'map', 2020 + (i % 5)));
  await context.close();
}

await chromium.close();
await server.stop();

printHeader(`World map, synthetic dataset, CPU ${THROTTLE}× slower (ms)`);
printRow('navigation → map drawn', stats(firstDraw), '—');
console.log('(next year: each step waits 300 ms first, so the year was fetched ahead, as while a person looks)');
printRow('year step → map redrawn (next year)', stats(nextYear), '≤ 50');
printRow('year jump → map redrawn (fetched from the API)', stats(jumps), '—');
