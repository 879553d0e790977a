// Durable storage in a real browser: full quota, corrupt records, two tabs, backups, bad
// files, the trash, and storage turned off. Nothing the user typed may be lost.
import { readFileSync } from 'node:fs';
import { test, expect, open, saveStatus, storedRecords, newCase, expectNoAxeViolations } from './fixtures.mjs';

async function readDownload(download) {
  return readFileSync(await download.path(), 'utf8');
}

async function exportBackup(page) {
  await open(page, '#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup file' }).last().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mend-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return download;
}

test('a full storage shows "Not saved" and a banner, never "Saved", and keeps the text on screen', async ({ page }) => {
  await newCase(page, 'Before the quota');
  // Record every text the save status shows from now on.
  await page.evaluate(() => {
    window.__statuses = [];
    const el = document.querySelector('header [role=status]');
    new MutationObserver(() => window.__statuses.push(el.textContent)).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const filled = await page.evaluate(() => {
    let i = 0;
    for (const size of [500_000, 50_000, 5_000, 500, 50, 5, 1]) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler:${i++}`, chunk);
      } catch {
        /* full at this size; try smaller */
      }
    }
    return i;
  });
  expect(filled).toBeGreaterThan(10);

  const client = page.getByLabel("Client's name");
  await client.fill('Dana Smith, typed while storage is full');
  await expect(saveStatus(page)).toHaveText('Not saved');
  const banner = page.getByRole('alert').filter({ hasText: 'Your latest changes are not saved' });
  await expect(banner).toContainText("storage for Mend is full");
  await expect(banner.getByRole('button', { name: 'Export backup file' })).toBeVisible();
  await expect(client).toHaveValue('Dana Smith, typed while storage is full');
  await page.waitForTimeout(1000);
  const statuses = await page.evaluate(() => window.__statuses);
  expect(statuses).not.toContain('Saved');
  await expect(saveStatus(page)).toHaveText('Not saved');

  // The export offered in the banner still works with a full storage.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export backup file' }).click(),
  ]);
  expect(await readDownload(download)).toContain('Dana Smith, typed while storage is full');

  // Space comes back; the next change retries and the text survives a reload.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler:')) localStorage.removeItem(key);
  });
  await client.press('End');
  await client.type('!');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByLabel("Client's name")).toHaveValue('Dana Smith, typed while storage is full!');
});

test('a corrupt record is set aside with its raw text, and everything else loads', async ({ page }) => {
  await newCase(page, 'Healthy case');
  const raw = '{"kind":"case","id":"broken1","v":1,"crea';
  await page.evaluate((raw) => localStorage.setItem('mend:case:broken1', raw), raw);
  await page.reload();
  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Healthy case' })).toBeVisible();
  await expect(page.getByText('1 saved item could not be read and was set aside.')).toBeVisible();

  await page.getByRole('link', { name: 'See them on the Backup screen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  const aside = page.getByRole('region', { name: 'Set aside' });
  await expect(aside.getByText('mend:case:broken1')).toBeVisible();
  await expectNoAxeViolations(page, 'backup with set-aside items');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    aside.getByRole('button', { name: 'Download the raw text of mend:case:broken1' }).click(),
  ]);
  expect(await readDownload(download)).toBe(raw);
  const stored = await storedRecords(page);
  expect(stored['mend:case:broken1']).toBeUndefined();
  const quarantined = Object.entries(stored).filter(([k]) => k.startsWith('mend:quarantine:'));
  expect(quarantined).toHaveLength(1);
  expect(JSON.parse(quarantined[0][1]).raw).toBe(raw);

  await aside.getByRole('button', { name: 'Discard' }).click();
  await expect(aside).toBeHidden();
  expect(Object.keys(await storedRecords(page, 'mend:quarantine:'))).toHaveLength(0);
});

test('two tabs editing different cases keep both, and each sees the other', async ({ page, context }) => {
  const other = await context.newPage();
  await newCase(page, 'Alpha from tab one');
  await newCase(other, 'Bravo from tab two');

  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Bravo from tab two' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alpha from tab one' })).toBeVisible();
  await open(other, '#/cases');
  await expect(other.getByRole('link', { name: 'Alpha from tab one' })).toBeVisible();

  await page.reload();
  await other.reload();
  for (const p of [page, other]) {
    await expect(p.getByRole('link', { name: 'Alpha from tab one' })).toBeVisible();
    await expect(p.getByRole('link', { name: 'Bravo from tab two' })).toBeVisible();
  }
});

test('the same case edited in two tabs keeps both versions until the user chooses', async ({ page, context }) => {
  const id = await newCase(page, 'Shared case');
  const key = `mend:case:${id}`;
  const other = await context.newPage();
  await other.goto(`#/cases/${id}/case`);
  await expect(other.getByLabel("Client's name")).toHaveValue('Shared case');

  // In one task of the second tab, so its save (debounced) cannot run in between: the user
  // types there, and the first tab's write of the same case arrives as a storage event.
  // (Real cross-tab delivery is covered by the test above.)
  await other.evaluate((key) => {
    const input = document.getElementById('client-name');
    input.value = 'Shared case, edited in tab two';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const theirs = JSON.parse(localStorage.getItem(key));
    theirs.data.client.name = 'Shared case, edited in tab one';
    theirs.updated += 1;
    const newValue = JSON.stringify(theirs);
    const oldValue = localStorage.getItem(key);
    localStorage.setItem(key, newValue);
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: localStorage }));
  }, key);

  const notice = other.getByRole('status').filter({ hasText: 'was also changed in another tab' });
  await expect(notice).toBeVisible();
  await expect(other.getByLabel("Client's name")).toHaveValue('Shared case, edited in tab two');
  await expect(saveStatus(other)).toHaveText('Saved');
  await expectNoAxeViolations(other, 'two-tab notice');

  const clients = Object.values(await storedRecords(other, 'mend:case:')).map((v) => JSON.parse(v).data.client.name);
  expect(clients.sort()).toEqual(['Shared case, edited in tab one', 'Shared case, edited in tab two']);
  // The first tab learns of both too.
  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Shared case, edited in tab two' })).toBeVisible();

  await notice.getByRole('button', { name: 'Discard the other version' }).click();
  await expect(other.getByText('moved to the trash')).toBeVisible();
  const left = Object.values(await storedRecords(other, 'mend:case:')).map((v) => JSON.parse(v).data.client.name);
  expect(left).toEqual(['Shared case, edited in tab two']);
});

test('export, clear storage, import: the records are identical', async ({ page }) => {
  await newCase(page, 'Case one, with "quotes", commas and <b>tags</b>');
  await newCase(page, 'Case two 😀 مرحبا');
  const before = await storedRecords(page, 'mend:case:');
  expect(Object.keys(before)).toHaveLength(2);
  const download = await exportBackup(page);
  const path = await download.path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await open(page, '#/cases');
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await open(page, '#/backup');
  await page.getByLabel('Backup file', { exact: true }).setInputFiles(path);
  const preview = page.getByRole('region', { name: 'What the file holds' });
  await expect(preview).toContainText('2 new');
  await expectNoAxeViolations(page, 'import preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported 2 records.')).toBeVisible();
  expect(await storedRecords(page, 'mend:case:')).toEqual(before);
  await page.reload();
  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Case two 😀 مرحبا' })).toBeVisible();
});

test('importing the same file again changes nothing, and a changed copy is kept beside the original', async ({ page }) => {
  await newCase(page, 'Original client');
  const path = await (await exportBackup(page)).path();
  const before = await storedRecords(page, 'mend:case:');

  await page.getByLabel('Backup file', { exact: true }).setInputFiles(path);
  const preview = page.getByRole('region', { name: 'What the file holds' });
  await expect(preview).toContainText('1 identical');
  await preview.getByRole('button', { name: 'Import' }).click();
  expect(await storedRecords(page, 'mend:case:')).toEqual(before);

  // The same record, changed in the file: the default keeps both.
  const changed = readFileSync(path, 'utf8').replace('Original client', 'Changed client').replace(/"updated": \d+/, '"updated": 99999999999999');
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(changed) });
  await expect(preview).toContainText('1 newer in the file');
  await expect(preview).toContainText("This file's checksum does not match");
  const importButton = preview.getByRole('button', { name: 'Import' });
  await expect(importButton).toBeDisabled();
  await preview.getByLabel('I have checked; import it anyway').check();
  await expect(preview.getByRole('combobox', { name: /Changed client/ })).toHaveValue('Keep both');
  await expect(preview.getByRole('combobox', { name: /Settings/ })).toHaveValue('Leave it out');
  await importButton.click();
  const clients = Object.values(await storedRecords(page, 'mend:case:')).map((v) => JSON.parse(v).data.client.name);
  expect(clients.sort()).toEqual(['Changed client', 'Original client']);
});

test('each kind of bad file gets its own message and changes nothing', async ({ page }) => {
  await newCase(page, 'Keep me');
  const path = await (await exportBackup(page)).path();
  const good = readFileSync(path, 'utf8');
  const before = await storedRecords(page, 'mend:case:');
  const files = [
    ['empty.json', '', 'This file is empty.'],
    ['letter.json', 'Dear Sir, about the invoice…', 'it is not the kind of text file Mend writes'],
    ['cut.json', good.slice(0, good.length / 2), 'ends too early'],
    ['other.json', '{"name":"some other app"}', 'it is not a Mend backup'],
    ['future.json', good.replace('"version": 1', '"version": 7'), 'newer version of Mend (format 7)'],
    ['hostile.json', '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>', 'it is not the kind of text file Mend writes'],
    ['huge.json', Buffer.alloc(11 * 1024 * 1024, 32), 'too large to be a Mend backup'],
  ];
  for (const [name, content, message] of files) {
    await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('region', { name: 'What the file holds' })).toBeHidden();
  }
  expect(await storedRecords(page, 'mend:case:')).toEqual(before);
  expect(Object.keys(await storedRecords(page, 'mend:trash:'))).toEqual([]);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test('deleting a case moves it to the trash, and Undo brings it back', async ({ page }) => {
  const id = await newCase(page, 'Deleted by mistake');
  const before = await storedRecords(page, `mend:case:${id}`);
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Deleted by mistake' })).toBeHidden();
  expect(await storedRecords(page, `mend:case:${id}`)).toEqual({});
  expect(Object.keys(await storedRecords(page, 'mend:trash:'))).toEqual([`mend:trash:case:${id}`]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Deleted by mistake' })).toBeVisible();
  expect(await storedRecords(page, `mend:case:${id}`)).toEqual(before);
  expect(await storedRecords(page, 'mend:trash:')).toEqual({});

  // Deleting again, then restoring from the Trash list on the Backup screen.
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await open(page, '#/backup');
  await page.getByRole('button', { name: 'Restore “Deleted by mistake”' }).click();
  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Deleted by mistake' })).toBeVisible();

  // Emptying the trash is explicit.
  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await open(page, '#/backup');
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('button', { name: 'Yes, empty the trash' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  expect(await storedRecords(page, 'mend:trash:')).toEqual({});
});

test('with storage turned off the app works in memory, warns, and offers an export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await open(page, '#/');
  const warning = page.getByRole('alert').filter({ hasText: 'Nothing you type will be kept.' });
  await expect(warning).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Not saved: storage is off');

  await open(page, '#/cases/new');
  await page.getByLabel("Client's name").fill('Typed in a private window');
  await expect(saveStatus(page)).toHaveText('Not saved: storage is off');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export backup file' }).click(),
  ]);
  expect(await readDownload(download)).toContain('Typed in a private window');
  await expectNoAxeViolations(page, 'memory-only warning');

  // The Backup screen exports the same records held in memory.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  const health = page.getByRole('region', { name: 'Backup health' });
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    health.getByRole('button', { name: 'Export backup file' }).click(),
  ]);
  expect(await readDownload(again)).toContain('Typed in a private window');
});

test('the Backup screen shows honest health figures and asks for persistent storage', { tag: '@dates' }, async ({ page }) => {
  await newCase(page, 'Health check');
  await open(page, '#/backup');
  const health = page.getByRole('region', { name: 'Backup health' });
  await expect(health).toContainText('Never');
  await expect(health).toContainText('1');
  await expect(health.getByRole('meter', { name: 'Space used' })).toBeVisible();
  await expect(health).toContainText('of about 5 MB');
  await expect(health).toContainText(/Kept by the browser/);
  await exportBackup(page);
  await expect(health).toContainText('(today)');
  await expectNoAxeViolations(page, 'backup');
});
