// The first screen is in the page itself: a new visitor sees Home before the wasm has arrived,
// drawn by the app at build time (scripts/prerender.mjs), and the app then draws the very same
// markup in its place. A returning visitor, or one opening another screen, never sees it.
import { readFileSync } from 'node:fs';
import { test, expect, open, newContext, newCase } from './fixtures.mjs';

const HOME = 'Handle an unhappy client, calmly';

/** A page whose wasm never arrives (no service worker either): what the HTML alone shows. */
async function withoutWasm(browser, baseURL) {
  const context = await newContext(browser, { baseURL, serviceWorkers: 'block' });
  await context.route(/_bg\.wasm$/, (route) => route.abort());
  return { context, page: await context.newPage() };
}

test('a new visitor sees Home, its call to action and its ways on, before the wasm arrives', async ({ browser, baseURL }) => {
  const { context, page } = await withoutWasm(browser, baseURL);
  await page.goto('#/');
  await expect(page.getByRole('heading', { level: 1, name: HOME })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New case' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clause' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' })).toBeVisible();
  await context.close();
});

test('someone with anything stored, or opening another screen, never sees the empty Home', async ({ browser, baseURL }) => {
  const { context, page } = await withoutWasm(browser, baseURL);
  await page.goto('#/trends');
  await expect(page.getByRole('heading', { name: HOME })).toBeHidden();
  await page.evaluate(() => localStorage.setItem('mend:case:abc', '{}'));
  await page.goto('#/');
  await page.reload();
  await expect(page.getByRole('heading', { name: HOME })).toBeHidden();
  await expect(page.getByRole('link', { name: 'New case' })).toBeHidden();
  await context.close();
});

test('the app draws exactly the markup the page carried, and only once', async ({ page }) => {
  await open(page, '#/');
  const carried = readFileSync('dist/index.html', 'utf8')
    .match(/<body>([\s\S]*?)<noscript>/)[1]
    .replaceAll(' data-prerendered=""', '');
  const drawn = await page.evaluate(() =>
    [...document.body.children]
      .filter((el) => !['NOSCRIPT', 'SCRIPT'].includes(el.tagName))
      .map((el) => el.outerHTML)
      .join(''),
  );
  expect(drawn).toBe(carried);
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
});

test('a returning visitor gets the app at once, with their cases', async ({ page }) => {
  await newCase(page, 'Returning Ltd');
  await open(page, '#/');
  await expect(page.getByRole('link', { name: /Returning Ltd/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});
