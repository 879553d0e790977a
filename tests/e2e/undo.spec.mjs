// Undo and restore never overwrite newer work: an Undo offered for a deletion goes away (and
// does nothing) once the record is back and has been changed since.
import { test, expect, open, saveStatus, storedRecords, newCase } from './fixtures.mjs';

test('a stale Undo cannot overwrite edits made after a restore', async ({ page }) => {
  const id = await newCase(page, 'Undo me');
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'moved to the trash' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Restored from the trash on Backup, then edited.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await page.getByRole('button', { name: 'Restore “Undo me”' }).click();
  await page.goto(`#/cases/${id}/case`);
  await page.getByLabel("Client's name").fill('Undo me, edited after the restore');
  await expect(saveStatus(page)).toHaveText('Saved');

  // The deletion's Undo no longer applies. Were it still on screen, pressing it must not bring
  // back the copy taken at deletion.
  const undo = page.getByRole('button', { name: 'Undo' });
  if (await undo.count()) await undo.click();
  await expect(page.getByLabel("Client's name")).toHaveValue('Undo me, edited after the restore');
  const stored = JSON.parse((await storedRecords(page, `mend:case:${id}`))[`mend:case:${id}`]);
  expect(stored.data.client.name).toBe('Undo me, edited after the restore');
  await page.reload();
  await expect(page.getByLabel("Client's name")).toHaveValue('Undo me, edited after the restore');
  await expect(undo).toHaveCount(0);
});

test('restoring over a case that is back asks first, and keeping both loses neither', async ({ page }) => {
  const id = await newCase(page, 'Twice');
  const key = `mend:case:${id}`;
  const live = (await storedRecords(page, key))[key];
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'moved to the trash' })).toBeVisible();

  // Another tab writes the case again, with its own edits (as when it was open there).
  await page.evaluate(([key, live]) => {
    const theirs = JSON.parse(live);
    theirs.data.client.name = 'Twice, kept in another tab';
    theirs.updated += 1;
    const newValue = JSON.stringify(theirs);
    localStorage.setItem(key, newValue);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
  }, [key, live]);
  // The deletion's Undo no longer applies.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await page.getByRole('button', { name: 'Restore “Twice”' }).click();
  const ask = page.getByRole('group', { name: 'Restore over the record that is there now' });
  await expect(ask).toBeVisible();
  expect(JSON.parse((await storedRecords(page, key))[key]).data.client.name).toBe('Twice, kept in another tab');
  await ask.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  const clients = Object.values(await storedRecords(page, 'mend:case:')).map((v) => JSON.parse(v).data.client.name);
  expect(clients.sort()).toEqual(['Twice', 'Twice, kept in another tab']);
  await expect(saveStatus(page)).not.toHaveText('Not saved');
});
