// Puts the first screen a new visitor sees into <dir>/index.html, as the app itself draws it:
// the release build is served, opened in headless Chromium with nothing stored, and the markup
// the app drew for Home goes into the page, each top-level element marked data-prerendered.
// The browser paints it before the wasm has arrived; the app removes it as it mounts and draws
// the same markup in its place (src/ui/mod.rs), so the two cannot drift. A returning visitor
// (anything stored, or another screen in the address) never sees it: a few lines in the
// page's head decide that before the first paint (index.html), and the CSS hides it.
// The service worker is written again, since the page changed.
//   node scripts/prerender.mjs [dir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { minifyServiceWorker, writeServiceWorker } from './gen-sw.mjs';
import { startServer } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';

/** The markup the app draws for a new visitor's Home. */
async function firstScreen() {
  const server = await startServer({ dir, port: 4170, base: '/' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}#/`);
    await page.getByRole('heading', { level: 1, name: 'Handle an unhappy client, calmly' }).waitFor();
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() =>
      [...document.body.children]
        .filter((el) => !['NOSCRIPT', 'SCRIPT'].includes(el.tagName))
        .map((el) => {
          const copy = el.cloneNode(true);
          copy.setAttribute('data-prerendered', '');
          return copy.outerHTML;
        })
        .join(''),
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
if (!html.includes('<body>') || html.includes('data-prerendered')) {
  console.error(`prerender: ${htmlPath} has no <body> tag, or is prerendered already`);
  process.exit(1);
}
const markup = await firstScreen();
if (!markup.includes('<h1')) {
  console.error('prerender: the app drew no heading for Home');
  process.exit(1);
}
writeFileSync(htmlPath, html.replace('<body>', `<body>${markup}`));
writeServiceWorker(dir);
await minifyServiceWorker(dir);
console.log(`prerender: Home's first screen (${markup.length} bytes of markup) is in ${htmlPath}`);
