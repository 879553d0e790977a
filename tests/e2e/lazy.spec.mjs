// The screens most visits never open load when first opened, each from a wasm chunk of its
// own. Installed, they all open offline; a chunk that cannot be fetched says so and offers Try
// again; a page still running an old version when a new one is deployed keeps working, or
// says to reload, and never breaks.
import { test, expect, open, newCase, expectNoAxeViolations } from './fixtures.mjs';
import { controlled, deployNextVersion, ownServer } from './release.mjs';

const NOT_OPENED = 'This part of Mend could not be opened';

function h1(page, name) {
  return page.getByRole('heading', { level: 1, name });
}

/** Opens every screen that lives in a chunk, and one later part of the worksheet. */
async function openEveryLazyScreen(page, caseId) {
  const screens = [
    ['#/trends', 'Trends'],
    ['#/backup', 'Backup'],
    ['#/sync', 'Sync between devices'],
    ['#/shared', 'A shared case'],
    ['#/print/blank', 'Blank worksheet'],
    [`#/print/case/${caseId}`, 'Case: Offline Ltd'],
    ['#/journal', 'Reflection journal'],
    ['#/journal/new', 'Reflection'],
    ['#/clause', 'Mediation clauses'],
  ];
  for (const [fragment, name] of screens) {
    await page.goto(fragment);
    await expect(h1(page, name)).toBeVisible();
  }
  await page.getByRole('button', { name: 'New clause' }).click();
  await expect(page.getByLabel('Name for this clause')).toBeVisible();
  const clauseId = page.url().match(/#\/clause\/([A-Za-z0-9_-]{16})$/)[1];
  await page.goto(`#/clause/${clauseId}/request/${caseId}`);
  await expect(h1(page, 'Request for mediation')).toBeVisible();
  await page.goto(`#/cases/${caseId}/follow-up`);
  await expect(page.getByRole('button', { name: 'Add a check-in' })).toBeVisible();
  await expect(page.getByText(NOT_OPENED)).toHaveCount(0);
}

test.describe('installed', () => {
  const PORT = 4182;
  test.use({ baseURL: `http://127.0.0.1:${PORT}/mend/` });

  test('offline, every screen that loads when opened still opens', async ({ page }) => {
    const server = ownServer(PORT);
    await server.start();
    try {
      // The page itself only ever takes the later part from the service worker's cache: it
      // is never downloaded twice, not even on the first visit.
      const fetched = [];
      page.on('response', (r) => {
        if (/split_later-/.test(r.url())) fetched.push(r.fromServiceWorker());
      });
      await open(page, '#/');
      await controlled(page);
      const caseId = await newCase(page, 'Offline Ltd');
      server.stop();
      // Installed: a moment after start the later part is compiled, before anyone opens it.
      const warmed = page.waitForResponse(/split_later-/);
      await page.reload();
      await expect(h1(page, 'Before you call')).toBeVisible();
      expect((await warmed).fromServiceWorker()).toBe(true);
      await openEveryLazyScreen(page, caseId);
      expect(fetched.length).toBeGreaterThan(0);
      expect(fetched.every(Boolean)).toBe(true);
    } finally {
      server.stop();
      server.remove();
    }
  });
});

test.describe('a chunk that cannot be fetched', () => {
  // No service worker yet: as on a first visit, the chunk comes from the network.
  test.use({ serviceWorkers: 'block', allowedErrors: [[/Failed to load resource/, /Failed to fetch/], {}] });

  test('says so in plain words, changes nothing, and Try again opens the screen', async ({ page }) => {
    const caseId = await newCase(page, 'Flaky Network Co');
    const block = (route) => route.abort('internetdisconnected');
    await page.route(/\/split_later-[0-9a-f]+\.wasm$/, block);
    await page.goto('#/trends');
    const alert = page.getByRole('alert').filter({ hasText: NOT_OPENED });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your cases are safe.');
    await expect(h1(page, 'Could not open this screen')).toBeVisible();
    await expectNoAxeViolations(page, 'chunk missing');
    // The rest of the app works on: the case is still there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('link', { name: /Flaky Network Co/ })).toBeVisible();
    await page.goto('#/trends');
    await expect(alert).toBeVisible();
    await page.unroute(/\/split_later-[0-9a-f]+\.wasm$/, block);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(h1(page, 'Trends')).toBeVisible();
    await expect(page.getByText(NOT_OPENED)).toHaveCount(0);
    expect(caseId).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

test.describe('a new version deployed while a page is open', () => {
  test.describe.configure({ mode: 'serial' });
  const PORT = 4183;
  test.use({ baseURL: `http://127.0.0.1:${PORT}/mend/` });
  let server;
  test.beforeEach(async () => {
    server = ownServer(PORT);
    await server.start();
  });
  test.afterEach(() => {
    server.stop();
    server.remove();
  });

  test.describe('without a service worker', () => {
    test.use({ serviceWorkers: 'block', allowedErrors: [[/status of 404/, /TypeError/], {}] });

    test('the old page says to reload, and after Reload Mend the screen opens', async ({ page }) => {
      const caseId = await newCase(page, 'Old Version Ltd');
      deployNextVersion(server.dir);
      await page.goto('#/trends');
      const alert = page.getByRole('alert').filter({ hasText: NOT_OPENED });
      await expect(alert).toContainText('a new version of Mend came out');
      await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: 'Reload Mend' }).click()]);
      await expect(h1(page, 'Trends')).toBeVisible();
      await page.goto(`#/cases/${caseId}/case`);
      await expect(page.getByLabel("Client's name")).toHaveValue('Old Version Ltd');
    });
  });

  test('installed: the old page keeps its own version, before and after another tab updates', async ({ page, context }) => {
    await open(page, '#/');
    await controlled(page);
    const caseId = await newCase(page, 'Two Tabs Ltd');
    const other = await context.newPage();
    await open(other, '#/');
    deployNextVersion(server.dir);
    // Before the update: the old version's chunks come from its own cache.
    await page.goto('#/trends');
    await expect(h1(page, 'Trends')).toBeVisible();
    // The other tab applies the update and reloads into the new version.
    await other.evaluate(() => window.mendPwa.checkForUpdate());
    const prompt = other.getByRole('status').filter({ hasText: 'A new version of Mend is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await Promise.all([other.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
    await other.goto('#/journal');
    await expect(h1(other, 'Reflection journal')).toBeVisible();
    // This tab still runs the old version, now under the new service worker: its chunks come
    // from the previous version's cache, never a mix.
    await page.goto('#/journal');
    await expect(h1(page, 'Reflection journal')).toBeVisible();
    await page.goto(`#/cases/${caseId}/follow-up`);
    await expect(page.getByRole('button', { name: 'Add a check-in' })).toBeVisible();
    await expect(page.getByText(NOT_OPENED)).toHaveCount(0);
    await expect(other.getByText(NOT_OPENED)).toHaveCount(0);
  });
});

test('moving to a screen that loads when opened puts the focus on its heading, as any screen', async ({ page }) => {
  await open(page, '#/trends');
  // A fresh page load leaves the focus at the top of the page.
  await expect(h1(page, 'Trends')).not.toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(h1(page, 'Reflection journal')).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await expect(h1(page, 'Backup')).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(h1(page, 'Cases')).toBeFocused();
});
