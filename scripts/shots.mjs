// Screenshots for looking at what was built: phone and desktop, light and dark, and print.
//   node scripts/shots.mjs [--out /tmp/shots] [--url http://127.0.0.1:4174/mend/] '#/' '#/cases' ...
// Expects the app to be served already (e.g. `node scripts/serve.mjs --base /mend/ --port 4174`).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv.splice(i, 2)[1] : dflt;
};
const out = opt('out', '/tmp/shots');
const url = opt('url', 'http://127.0.0.1:4174/mend/');
const modes = opt('modes', 'phone-light,phone-dark,desktop-light,desktop-dark,print').split(',');
const fragments = argv.length ? argv : ['#/'];
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const sizes = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 860 } };
for (const mode of modes) {
  const [device, scheme] = mode.split('-');
  const context = await browser.newContext({
    viewport: sizes[device] ?? sizes.desktop,
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  if (process.env.SEED) await page.addInitScript(process.env.SEED);
  for (const fragment of fragments) {
    await page.goto(url + fragment);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(200);
    const name = `${out}/${fragment.replace(/[^a-z0-9]+/gi, '_')}-${mode}.png`;
    if (mode === 'print') {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: name, fullPage: true });
      await page.pdf({ path: name.replace(/\.png$/, '.pdf'), format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
    } else {
      await page.screenshot({ path: name, fullPage: true });
    }
    console.log(name);
  }
  await context.close();
}
await browser.close();
