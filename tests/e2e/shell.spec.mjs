// The app shell: every route renders its heading, survives a reload, and passes axe-core in
// light and dark mode; navigation works; the layout holds at 320 px.
import { test, expect, expectNoAxeViolations, open } from './fixtures.mjs';

const ROUTES = [
  ['#/', 'Handle an unhappy client, calmly', 'Home · Mend'],
  ['#/cases', 'Cases', 'Cases · Mend'],
  ['#/clause', 'Mediation clauses', 'Mediation clauses · Mend'],
  ['#/journal', 'Reflection journal', 'Reflection journal · Mend'],
  ['#/trends', 'Trends', 'Trends · Mend'],
  ['#/backup', 'Backup', 'Backup · Mend'],
  ['#/print/blank', 'Blank worksheet', 'Blank worksheet · Mend'],
  ['#/print/crib', 'Conversation crib sheet', 'Conversation crib sheet · Mend'],
  ['#/no/such/screen', 'Page not found', 'Page not found · Mend'],
];

for (const [fragment, heading, title] of ROUTES) {
  test(`${fragment} renders "${heading}", survives a reload and passes axe`, async ({ page }) => {
    await open(page, fragment);
    const h1 = page.getByRole('main').getByRole('heading', { level: 1, name: heading });
    await expect(h1).toBeVisible();
    await expect(page).toHaveTitle(title);

    await page.reload();
    await expect(h1).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${fragment.replace(/[/#]/g, '\\$&')}$`));

    await expectNoAxeViolations(page, `${fragment} light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, `${fragment} dark`);
  });
}

test('the main navigation reaches every section and marks the current one', async ({ page }) => {
  await open(page, '#/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [label, heading] of [
    ['Cases', 'Cases'],
    ['Clause', 'Mediation clause'],
    ['Journal', 'Reflection journal'],
    ['Trends', 'Trends'],
    ['Backup', 'Backup'],
    ['Home', 'Handle an unhappy client, calmly'],
  ]) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
  }
});

test('#/cases/new opens a new case at its five-minute start and replaces the address, so a reload does not make another', async ({ page }) => {
  await open(page, '#/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Before you call' })).toBeVisible();
  await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/start$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Before you call' })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mend:case:')));
  expect(keys).toHaveLength(1);
});

test('an unknown address offers a way home', async ({ page }) => {
  await open(page, '#/cases/abc/not-a-stage');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handle an unhappy client, calmly' })).toBeVisible();
});

test('keyboard users can skip to the content and reach the navigation', async ({ page }) => {
  await open(page, '#/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/$/);
});

for (const width of [320, 1280]) {
  test(`nothing scrolls sideways at ${width} px and the navigation stays visible`, async ({ page }) => {
    await page.setViewportSize({ width, height: 720 });
    for (const [fragment] of ROUTES) {
      await open(page, fragment);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${fragment} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' })).toBeInViewport();
    }
  });
}
