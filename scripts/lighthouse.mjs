// Lighthouse 13, mobile defaults, against the release build in dist/ served from /mend/ with
// brotli (as static hosts such as Netlify or Cloudflare Pages serve it), using the system
// Chromium. Prints each category's score.
//   node scripts/lighthouse.mjs            one run per page, fails if accessibility, best
//                                          practices or SEO is below 1.0 (run by `make test`)
//   node scripts/lighthouse.mjs --runs 5   also reports the median performance (`make bench`)
// Performance varies on a shared 2-core machine, so it is reported, never enforced.
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 1;
const PORT = 4176;
const URL = `http://127.0.0.1:${PORT}/mend/`;
const FLOORS = { accessibility: 1, 'best-practices': 1, seo: 1 };

const server = spawn('node', ['scripts/serve.mjs', '--dir', 'dist', '--base', '/mend/', '--port', String(PORT), '--compress', 'yes'], {
  stdio: 'ignore',
});
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(URL)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const scores = [];
let failed = false;
try {
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(URL, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const lhr = result.lhr;
    const run = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]));
    if (process.env.LH_DEBUG) {
      for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'max-potential-fid', 'interactive', 'bootup-time', 'mainthread-work-breakdown', 'render-blocking-insight', 'network-dependency-tree-insight', 'lcp-breakdown-insight']) {
        const a = lhr.audits[id];
        if (a) console.log(id, a.score, a.displayValue ?? '');
      }
      for (const id of ['layout-shifts', 'cls-culprits-insight', 'render-blocking-insight']) {
        const a = lhr.audits[id];
        if (a?.details) console.log(id, JSON.stringify(a.details).slice(0, 1500));
      }
    }
    scores.push(run);
    if (i === 0) {
      for (const [category, floor] of Object.entries(FLOORS)) {
        if (run[category] < floor) {
          failed = true;
          const audits = lhr.categories[category].auditRefs
            .map((r) => lhr.audits[r.id])
            .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative');
          console.error(`lighthouse: ${category} is ${run[category]} (floor ${floor}):`);
          for (const a of audits) console.error(`  - ${a.id}: ${a.title}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perf = scores.map((s) => s.performance);
const last = scores[0];
console.log(
  `Lighthouse 13 (mobile, brotli): performance ${median(perf).toFixed(2)}${runs > 1 ? ` (median of ${runs}: ${perf.map((p) => p.toFixed(2)).join(', ')})` : ''}, ` +
    `accessibility ${last.accessibility.toFixed(2)}, best practices ${last['best-practices'].toFixed(2)}, SEO ${last.seo.toFixed(2)}`,
);
if (failed) process.exit(1);
