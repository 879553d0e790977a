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

  // The deletion's Undo no longer applies: it is gone, and pressing it (if a stale copy were
  // still on screen) could not bring back the copy taken at deletion.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const stored = JSON.parse((await storedRecords(page, `mend:case:${id}`))[`mend:case:${id}`]);
  expect(stored.data.client.name).toBe('Undo me, edited after the restore');
  await page.reload();
  await expect(page.getByLabel("Client's name")).toHaveValue('Undo me, edited after the restore');
});
