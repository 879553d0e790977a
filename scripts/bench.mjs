// Browser figures for the release build in dist/: start-up with 1,000 realistic stored cases
// against an empty start, and the cost of saving one record after a keystroke. Prints
// figures; fails only if the app cannot be measured. Run with `make bench`; with
// `--baseline <dir>` the start-up figures of another build's dist/ (e.g. main's) come beside.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { startServer } from './static-server.mjs';

const PORT = 4175;
const URL = `http://127.0.0.1:${PORT}/mend/`;
const RUNS = 7;
const at = process.argv.indexOf('--baseline');
const baseline = at > 0 ? process.argv[at + 1] : null;

const server = await startServer({ dir: 'dist', port: PORT });
const baseServer = baseline ? await startServer({ dir: baseline, port: PORT + 3 }) : null;

/** Waits until the app itself has drawn the screen (not the first screen the page carries). */
const appDrawn = (page) =>
  page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('main h1'));

const seed = JSON.parse(
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'seed', '--', '1000'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.round((xs.length - 1) * p)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function timings(page) {
  return JSON.parse(await page.evaluate(() => window.wasmBindings.mend_timings()));
}

/** Start-up figures over several reloads: when the store was loaded, and when the first screen showed. */
async function startup(records, url = URL) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '#/');
  await appDrawn(page);
  await page.evaluate((records) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
  }, records);
  const ready = [];
  const shown = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await appDrawn(page);
    shown.push(await page.evaluate(() => performance.now()));
    ready.push((await timings(page)).ready);
  }
  await context.close();
  return { ready: median(ready), shown: median(shown) };
}

const empty = await startup({});
const full = await startup(seed);
console.log('Start-up (median of ' + RUNS + ' reloads, from navigation start)');
console.log(`  empty storage        store loaded ${ms(empty.ready)}, first screen ${ms(empty.shown)}`);
console.log(`  1,000 stored cases   store loaded ${ms(full.ready)}, first screen ${ms(full.shown)}`);
const ratio = full.shown / empty.shown;
console.log(`  ratio                ${ratio.toFixed(2)}x (goal: at most 1.3x)${ratio > 1.3 ? '  OVER THE GOAL' : ''}`);
if (baseline) {
  const e = await startup({}, baseServer.url);
  const f = await startup(seed, baseServer.url);
  console.log(`  beside it, ${baseline}: empty ${ms(e.shown)}, 1,000 cases ${ms(f.shown)}, ratio ${(f.shown / e.shown).toFixed(2)}x`);
}

// One keystroke's save: type a character, then flush (as when the page is hidden), so each
// sample is exactly one record written and read back.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL + '#/');
  await appDrawn(page);
  await page.evaluate((records) => {
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
  }, seed);
  const id = Object.keys(seed)[500].split(':')[2];
  await page.goto(URL + `#/cases/${id}/case`);
  await page.reload();
  const input = page.getByLabel("Client's name", { exact: true });
  await input.click();
  await input.press('End');
  const before = (await timings(page)).saves.length;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.type(String(i % 10));
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  }
  const saves = (await timings(page)).saves.slice(before);
  console.log(`One keystroke's save with 1,000 stored cases (${saves.length} samples: encode, write, read back)`);
  console.log(`  p50 ${ms(pct(saves, 0.5))}, p95 ${ms(pct(saves, 0.95))} (goal: p95 at most 2 ms)`);
  await context.close();
}

// Opening the trends screen with 1,000 stored cases: from the click on "Trends" to the
// figures on screen, the first time after start-up and again.
{
  const first = [];
  const again = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(URL + '#/');
    await appDrawn(page);
    await page.evaluate((records) => {
      for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
    }, seed);
    await page.reload();
    await appDrawn(page);
    // Timed inside the page: from the click to the moment the figures are in the document
    // (a mutation observer sees them appear), so the harness's own polling is not counted.
    const open = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const shown = () => [...document.querySelectorAll('h2')].some((h) => h.textContent === 'In figures');
            const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === 'Trends');
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (shown()) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            link.click();
          }),
      );
    first.push(await open());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handle an unhappy client, calmly' }).waitFor();
    again.push(await open());
    await context.close();
  }
  const all = [...first, ...again];
  const worst = Math.max(...all);
  console.log('Opening the trends screen from Home with 1,000 stored cases (5 page loads, from the click until the figures are in the page)');
  console.log(`  first open   median ${ms(median(first))}, each ${first.map(ms).join(', ')}`);
  console.log(`  open again   median ${ms(median(again))}, each ${again.map(ms).join(', ')}`);
  console.log(`  slowest      ${ms(worst)} (goal: at most 100 ms every time)${worst > 100 ? '  OVER THE GOAL' : ''}`);
}

await browser.close();
server.stop();
baseServer?.stop();
