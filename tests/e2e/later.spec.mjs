// The later screens (clause, journal, trends, backup) are a second wasm module. It is not part
// of the first load, it opens when first needed, it sees the app's changes at once (and the
// app sees its changes), and a failed load says so and can be retried.
import { test, expect, open, newCase, storedRecords } from './fixtures.mjs';

test('the first load leaves the later module alone until one of its screens opens', async ({ page }) => {
  const later = [];
  page.on('request', (req) => {
    if (req.url().includes('/later/')) later.push(req.url());
  });
  await newCase(page, 'First load');
  await open(page, '#/cases');
  expect(later).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeFocused();
  await expect(page).toHaveTitle('Backup · Mend');
  expect(later.some((u) => u.endsWith('.wasm'))).toBe(true);
  // Back in the app, the later screen is gone and the app's own screen is there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cases');
  await expect(page.getByRole('link', { name: 'First load' })).toBeVisible();
});

test('a later screen opened directly works even when pwa.js arrives after the app', async ({ page }) => {
  // pwa.js knows the later module's file names; on a slow link it may come after the wasm.
  await page.route('**/pwa.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await open(page, '#/journal');
  await expect(page.getByRole('heading', { level: 1, name: 'Reflection journal' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the two modules see each other’s writes without a reload', async ({ page }) => {
  const id = await newCase(page, 'Seen by both');
  await open(page, '#/backup');
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  // Deleted in the app: the Backup screen's trash lists it at once.
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('button', { name: 'Restore “Seen by both”' })).toBeVisible();
  // Restored there: the app's list has it again, and storage holds it once.
  await page.getByRole('button', { name: 'Restore “Seen by both”' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('link', { name: 'Seen by both' })).toBeVisible();
  expect(Object.keys(await storedRecords(page, 'mend:case:'))).toEqual([`mend:case:${id}`]);
  expect(await storedRecords(page, 'mend:trash:')).toEqual({});
});

test.describe('when the later module cannot be fetched', () => {
  // The service worker would answer from its cache; here the network is what fails.
  test.use({
    serviceWorkers: 'block',
    allowedErrors: [/Failed to load|ERR_FAILED|dynamically imported module/],
  });

  test('the screen says so, the rest works, and Try again opens it', async ({ page }) => {
    let blocked = true;
    await page.route('**/later/**', (route) => (blocked ? route.abort() : route.continue()));
    await newCase(page, 'Still here');
    await page.goto('#/backup');
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be opened.' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your cases are not affected.');
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
    await expect(alert).toBeHidden();
  });
});
