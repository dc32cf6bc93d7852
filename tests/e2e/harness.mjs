// End-to-end harness: starts the real `karya` server on a free loopback port with a fresh
// SQLite database and the release build of the app, and drives Debian's Chromium through
// playwright-core. Page errors and console errors are collected so every test can fail on them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.KARYA_BIN || join(ROOT, 'target/debug/karya');
const DIST = process.env.KARYA_DIST || join(ROOT, 'dist');

export async function startServer({ bin = BIN, args = [] } = {}) {
  for (const [what, path] of [['server binary', bin], ['built app', join(DIST, 'index.html')]]) {
    if (!existsSync(path)) throw new Error(`the ${what} is missing at ${path}: run make test (it builds both)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'karya-e2e-'));
  const db = join(dir, 'karya.sqlite3');
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--db', db, '--dist', DIST, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KARYA_LOG: 'warn' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`karya did not start in 120 s:\n${stderr}`)), 120_000);
    child.on('exit', (code) => fail(new Error(`karya exited with ${code}:\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/running at (http:\/\/\S+?)\/?$/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
  });
  // `karya token …` against the server's own database.
  const tokenCommand = (...words) => {
    const r = spawnSync(bin, ['token', ...words, '--db', db], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`karya token ${words.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  return {
    url,
    db,
    // A new editor's token (the one line `karya token create` prints), and its revocation.
    token: (name) => tokenCommand('create', name),
    revoke: (name) => tokenCommand('revoke', name),
    async api(path) {
      const res = await fetch(`${url}/api/v1${path}`);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json();
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// playwright's launch() gives Chromium a fresh, empty profile of its own each time.
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

// Each page's pack as the page's chunk loader lists it (`PACKS`, scripts/pack-chunks.mjs): the
// pack's address and the chunks it holds, end to end, e.g. `{ map_page: { file:
// '/pack_map_page-<hash>.pack', chunks: ['/chunk_10-<hash>.wasm', …, '/split_map_page-<hash>.wasm'] } }`.
export async function packs(page) {
  const { loader, url } = await page.evaluate(async () => {
    const link = [...document.querySelectorAll('link[rel=modulepreload]')].find((l) => l.href.includes('/karya-split-'));
    return { loader: await (await fetch(link.href)).text(), url: link.href };
  });
  const hash = /karya-split-([0-9a-f]+)\.js/.exec(url)[1];
  const listed = JSON.parse(/^const PACKS = (.*);$/m.exec(loader)[1]);
  return Object.fromEntries(Object.entries(listed).map(([name, [file, parts]]) => [name, {
    file: file.slice(1),
    chunks: parts.split(' ').map((part) => `/${part}-${hash}.wasm`),
  }]));
}

// A fresh page that records every page error and console error.
// A console error carries the address it is about, so an allow-list can name the request a
// test fails on purpose rather than every failed load.
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'allow', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location()?.url ?? ''})`); });
  return { page, context, problems, close: () => context.close() };
}

// Polls `predicate` in the page until what it resolves to is truthy, and returns that.
// Playwright's waitForFunction takes the Promise an async predicate returns for a truthy
// answer and stops at once, so a check that must await (the Cache API, fetch) never waited.
export async function waitForAsync(page, predicate, arg, { timeout = 30_000, polling = 250 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not true within ${timeout} ms: ${String(predicate).slice(0, 300)}`);
    await page.waitForTimeout(polling);
  }
}

// Runs `check` on a fresh page of the test file's browser, then fails on any page or console
// error the page reported, except those the test expects (`allowed`, a list of patterns).
export async function checkPage(karya, check, { allowed = [], ...options } = {}) {
  const { page, problems, close } = await newPage(karya.chromium.browser, options);
  try {
    await check(page);
    const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
    if (unexpected.length) throw new Error(`page or console errors:\n${unexpected.join('\n')}`);
  } finally {
    await close();
  }
}

// Waits until the overview has drawn its figures (or failed visibly).
export async function waitForOverview(page) {
  await page.waitForSelector('[data-kpi=shipments], [data-state=error]', { timeout: 20_000 });
}

// Screen position of a country's anchor (a point inside its largest part: a multi-part country's
// box centre can be sea), through the map's current zoom.
export async function countryPoint(page, iso) {
  return page.evaluate((iso) => {
    const path = document.querySelector(`svg.world-map path[data-iso=${iso}]`);
    path.scrollIntoView({ block: 'center', inline: 'center' });
    const [x, y] = path.getAttribute('data-anchor').split(' ').map(Number);
    const m = path.getScreenCTM();
    return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
  }, iso);
}

export async function hoverCountry(page, iso) {
  const p = await countryPoint(page, iso);
  await page.mouse.move(p.x, p.y);
}

export async function clickCountry(page, iso) {
  const p = await countryPoint(page, iso);
  await page.mouse.click(p.x, p.y);
}

// One real server and one browser for a test file, started before its tests and stopped after.
export function useKarya() {
  const karya = {};
  before(async () => {
    karya.server = await startServer();
    karya.chromium = await launchBrowser();
  });
  after(async () => {
    await karya.chromium?.close();
    await karya.server?.stop();
  });
  return karya;
}
