// Lighthouse 13, mobile defaults, against a release build served from /mend/ with gzip (as
// the plainest static host serves it), using the system Chromium. Three pages: Home for a new
// visitor, a worksheet stage of the worked example, and Trends.
//   node scripts/lighthouse.mjs            one run per page; fails if accessibility, best
//                                          practices or SEO is below 1.0 on any (`make test`)
//   node scripts/lighthouse.mjs --runs 5 [--baseline <dir>]
//                                          also the median performance, LCP, FCP and total
//                                          blocking time per page over 5 runs (`make bench`;
//                                          goal: performance 0.98 or better, LCP 1.5 s or
//                                          less), beside the same for another build's dist/
//                                          (e.g. main's) when given
// Performance varies on a shared 2-core machine, so it is reported, never enforced.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from '@playwright/test';
import { startServer } from './static-server.mjs';

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(option('--runs') ?? 1);
const baseline = option('--baseline');
const FLOORS = { accessibility: 1, 'best-practices': 1, seo: 1 };

/** Opens the worked example in the browser Lighthouse will use; returns its id. */
async function seedExample(chrome, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(url + '#/');
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
  await page.getByRole('button', { name: 'Open an example case' }).click();
  await page.waitForURL(/#\/cases\/[A-Za-z0-9_-]{16}\//);
  const id = page.url().match(/#\/cases\/([A-Za-z0-9_-]{16})\//)[1];
  await page.getByRole('banner').getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.close();
  await browser.close();
  return id;
}

async function audit(chrome, url, keepStorage) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    disableStorageReset: keepStorage,
  });
  return result.lhr;
}

function checkFloors(name, lhr) {
  let ok = true;
  for (const [category, floor] of Object.entries(FLOORS)) {
    const score = lhr.categories[category].score;
    if (score < floor) {
      ok = false;
      const audits = lhr.categories[category].auditRefs
        .map((r) => lhr.audits[r.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative');
      console.error(`lighthouse: ${name}: ${category} is ${score} (floor ${floor}):`);
      for (const a of audits) console.error(`  - ${a.id}: ${a.title}`);
    }
  }
  return ok;
}

/** Every run of every page of the build in `dir`: { page name: [lhr, …] }. */
async function measure(dir, port) {
  const server = await startServer({ dir, port, compress: 'gzip' });
  const url = server.url;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results = { Home: [] };
    for (let i = 0; i < runs; i++) results.Home.push(await audit(chrome, url + '#/', false));
    const id = await seedExample(chrome, url);
    const pages = [
      ['Stage (Know your numbers)', `${url}#/cases/${id}/numbers`],
      ['Trends', `${url}#/trends`],
    ];
    for (const [name, page] of pages) {
      results[name] = [];
      for (let i = 0; i < runs; i++) results[name].push(await audit(chrome, page, true));
    }
    return results;
  } finally {
    await chrome.kill();
    server.stop();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function figures(lhrs) {
  const m = (f) => median(lhrs.map(f));
  const ms = (id) => m((l) => l.audits[id].numericValue);
  return `perf ${m((l) => l.categories.performance.score).toFixed(2)}, LCP ${(ms('largest-contentful-paint') / 1000).toFixed(2)} s, FCP ${(ms('first-contentful-paint') / 1000).toFixed(2)} s, TBT ${ms('total-blocking-time').toFixed(0)} ms`;
}
const line = (lhr) =>
  ['performance', 'accessibility', 'best-practices', 'seo'].map((c) => `${c} ${lhr.categories[c].score.toFixed(2)}`).join(', ');

const ours = await measure('dist', 4176);
let failed = false;
console.log('Lighthouse 13 (mobile, gzip), first run of each page:');
for (const [name, lhrs] of Object.entries(ours)) {
  console.log(`  ${name.padEnd(28)} ${line(lhrs[0])}`);
  if (!checkFloors(name, lhrs[0])) failed = true;
}
if (runs > 1) {
  const theirs = baseline ? await measure(baseline, 4177) : null;
  console.log(`Median of ${runs} runs (goal: perf 0.98 or better, LCP 1.5 s or less)${theirs ? `; beside it, ${baseline}` : ''}:`);
  for (const [name, lhrs] of Object.entries(ours)) {
    const after = theirs ? `   |   ${figures(theirs[name])}` : '';
    console.log(`  ${name.padEnd(28)} ${figures(lhrs)}${after}`);
  }
}
if (failed) process.exit(1);
