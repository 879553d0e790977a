// The reflection journal: an entry written from a closed case and linked to it, its action in
// the merged actions list (done survives a reload), search and filters, print, and the one
// quiet nudge on Home.
import { test, expect, open, newCase, saveStatus, storedRecords, expectNoAxeViolations, day } from './fixtures.mjs';

const daysAgo = (n) => day(-n);

async function closeCase(page, id, closedOn) {
  await open(page, `#/cases/${id}/decide`);
  await page.getByRole('group', { name: 'How did it end?' }).getByRole('radio', { name: 'Resolved', exact: true }).check();
  await page.getByLabel('Date closed').fill(closedOn);
  await expect(saveStatus(page)).toHaveText('Saved');
}

async function entryData(page, id) {
  const stored = await storedRecords(page, `mend:reflection:${id}`);
  return JSON.parse(stored[`mend:reflection:${id}`]).data;
}

test('from a closed case: write a reflection, its action joins the list, done survives a reload, search finds it', { tag: '@dates' }, async ({ page }) => {
  const caseId = await newCase(page, 'Marisol Vega');
  await closeCase(page, caseId, daysAgo(1));
  await page.getByRole('link', { name: 'Reflect on this case' }).click();
  await expect(page).toHaveURL(/#\/journal\/[A-Za-z0-9_-]{16}$/);
  const entryId = page.url().match(/#\/journal\/([A-Za-z0-9_-]{16})$/)[1];
  await expect(page.getByRole('heading', { level: 1, name: 'Reflection' })).toBeVisible();
  await expect(page.getByLabel('The case it is about')).toHaveValue(caseId);

  await page.getByLabel('What actually happened?').fill('Checkout broke on launch day.');
  await page.getByRole('group', { name: 'Would you do exactly the same again?' }).getByRole('radio', { name: 'Mostly' }).check();
  await page.getByLabel('What did you learn?').fill('A checklist beats memory.');
  await page.getByLabel('What system or process will you put in place?').fill('Launch checklist with a test order');
  await page.getByRole('button', { name: 'Add an action' }).click();
  // The first action starts from the system just described.
  await expect(page.getByLabel('Action 1', { exact: true })).toHaveValue('Launch checklist with a test order');
  await page.getByLabel('Who does it (or was consulted)').fill('Jordan');
  await page.getByRole('group', { name: 'How did you feel before writing this?' }).getByRole('radio', { name: 'Low', exact: true }).check();
  await page.getByLabel('Went for a walk, or moved in some way').check();
  await page.getByLabel('Tags').fill('launch, payments');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await entryData(page, entryId)).toMatchObject({
    case: caseId,
    again: 'mostly',
    learned: 'A checklist beats memory.',
    mood_before: 2,
    care: [false, true],
    actions: [{ text: 'Launch checklist with a test order', owner: 'Jordan', status: 'open' }],
  });
  await expectNoAxeViolations(page, 'journal entry');

  // The case now leads to its reflection.
  await open(page, `#/cases/${caseId}/decide`);
  await expect(page.getByRole('link', { name: 'Open your reflection on this case' })).toBeVisible();

  // The action is in the merged list; marking it done there persists.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  const actions = page.getByRole('region', { name: 'Prevention actions' });
  const row = actions.getByRole('listitem').filter({ hasText: 'Launch checklist with a test order' });
  await expect(row).toContainText('Marisol Vega');
  await row.getByLabel('Status of “Launch checklist with a test order”').selectOption({ label: 'Done' });
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Prevention actions' }).getByLabel('Status of “Launch checklist with a test order”'),
  ).toHaveValue('done');
  expect((await entryData(page, entryId)).actions[0].status).toBe('done');

  // Search and filters.
  const entries = page.getByRole('region', { name: 'Entries' });
  await page.getByLabel('Search the journal').fill('checklist memory');
  await expect(entries.getByRole('link', { name: /Marisol Vega/ })).toBeVisible();
  await expect(entries).toContainText('1 of 1 entry');
  await page.getByLabel('Search the journal').fill('refund');
  await expect(entries).toContainText('0 of 1 entry');
  await page.getByLabel('Search the journal').fill('');
  await page.getByLabel('Tag').selectOption('payments');
  await page.getByLabel('Would do the same again').selectOption({ label: 'No' });
  await expect(entries).toContainText('0 of 1 entry');
  await page.getByLabel('Would do the same again').selectOption({ label: 'Mostly' });
  await page.getByLabel('Case', { exact: true }).selectOption({ label: 'Marisol Vega' });
  await expect(entries).toContainText('1 of 1 entry');
  await expectNoAxeViolations(page, 'journal');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'journal, dark');
});

test('an entry prints as questions and answers, and deleting it goes to the trash', async ({ page }) => {
  await open(page, '#/journal');
  await page.getByRole('link', { name: 'New reflection' }).click();
  await expect(page).toHaveURL(/#\/journal\/[A-Za-z0-9_-]{16}$/);
  await page.getByLabel('What did you learn?').fill('Put the scope in writing.');
  await page.getByLabel('A note to yourself').fill('<script>window.__xss = 1</script>');
  await expect(saveStatus(page)).toHaveText('Saved');
  // A reload does not start another entry.
  await page.reload();
  await expect(page.getByLabel('What did you learn?')).toHaveValue('Put the scope in writing.');
  expect(Object.keys(await storedRecords(page, 'mend:reflection:'))).toHaveLength(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByLabel('What did you learn?')).toBeHidden();
  await expect(page.getByRole('definition').filter({ hasText: 'Put the scope in writing.' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '<script>window.__xss = 1</script>' })).toBeVisible();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  await page.screenshot({ path: 'test-results/print-reflection.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reflection journal' })).toBeVisible();
  await expect(page.getByText('No entries yet.')).toBeVisible();
  expect(await storedRecords(page, 'mend:reflection:')).toEqual({});
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('1 of 1 entry')).toBeVisible();
});

test('Home offers one quiet nudge for a closed case without a reflection, and Not now keeps it away', { tag: '@dates' }, async ({ page }) => {
  const older = await newCase(page, 'Closed a while ago');
  await closeCase(page, older, daysAgo(10));
  const recent = await newCase(page, 'Closed last week');
  await closeCase(page, recent, daysAgo(5));
  const fresh = await newCase(page, 'Closed yesterday');
  await closeCase(page, fresh, daysAgo(1));

  await open(page, '#/');
  const nudge = page.getByRole('region', { name: 'A moment to reflect' });
  await expect(nudge).toHaveCount(1);
  await expect(nudge).toContainText('Closed last week');
  await expectNoAxeViolations(page, 'home with a nudge');
  await nudge.getByRole('button', { name: 'Not now: do not suggest reflecting on Closed last week again' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  // The next one takes its place, never more than one.
  await expect(nudge).toHaveCount(1);
  await expect(nudge).toContainText('Closed a while ago');
  await page.reload();
  await expect(nudge).toContainText('Closed a while ago');

  // Reflecting on it ends the nudge.
  await nudge.getByRole('link', { name: 'Reflect on it' }).click();
  await expect(page.getByLabel('The case it is about')).toHaveValue(older);
  await open(page, '#/');
  await expect(page.getByRole('region', { name: 'A moment to reflect' })).toHaveCount(0);
});
