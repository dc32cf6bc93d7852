// Screenshots for a reviewer (`make shots`): each page at 1366×768 and 390×844 and two briefing
// slides at 1920×1080, on the real server with the sample data, into shots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, newPage } from '../tests/e2e/harness.mjs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.SHOTS_DIR || 'shots');
const PAGES = [
  ['overview', '/', '[data-kpi=shipments]'],
  ['map', '/map', 'svg.world-map path[data-iso]'],
  ['facilities', '/facilities', 'svg.indonesia-map .facility-point'],
  ['facility', '/facility/lapas-cirebon', '[data-chart^=production] svg'],
  ['briefing', '/briefing', '[data-slide="0"] [data-kpi]'],
];
const SLIDES = [['slide-kpi', 1, '[data-kpi]'], ['slide-map', 2, 'path[data-iso]']];

mkdirSync(OUT, { recursive: true });
const server = await startServer({ bin: process.env.KARYA_BIN });
const chromium = await launchBrowser();
try {
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    for (const [name, path, ready] of PAGES) {
      const { page, close } = await newPage(chromium.browser, { viewport: { width, height } });
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector(ready);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `${name}-${width}x${height}.png`) });
      await close();
    }
  }
  for (const [name, n, ready] of SLIDES) {
    const { page, close } = await newPage(chromium.browser, { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/briefing?slide=${n}`);
    await page.waitForSelector(`[data-slide="${n - 1}"] ${ready}`);
    await page.waitForTimeout(4000); // the presenter's bar fades first
    await page.screenshot({ path: join(OUT, `${name}-1920x1080.png`) });
    await close();
  }
  console.log(`screenshots in ${OUT}`);
} finally {
  await chromium.close();
  await server.stop();
}
