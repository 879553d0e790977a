// Every door holds: a date typed with a five-digit year, cases dated at the ends of the
// calendar, a share link that unpacks to far more than a case, a stored value cut inside an
// emoji, and a backup with a few unreadable records. Nothing the user entered is lost, and
// every message is in plain words.
import { deflateRawSync } from 'node:zlib';
import { test, expect, open, newCase, saveStatus, storedRecords, expectNoAxeViolations, NOW } from './fixtures.mjs';

test('a year Mend cannot take gets a message and the saved date stays, also after a reload', async ({ page }) => {
  const id = await newCase(page, 'Date Keeper');
  await page.goto(`#/cases/${id}/case`);
  const field = page.getByLabel('Date the complaint arrived');
  await field.fill('2026-03-04');
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = async () => JSON.parse((await storedRecords(page, `mend:case:${id}`))[`mend:case:${id}`]).data.received;
  const message = page.getByText('Enter a whole date between 1 Jan 1900 and 31 Dec 2100.');

  // A year typed as "1" (the field shows 0001), by keyboard.
  await field.press('Tab');
  await field.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('1');
  await field.blur();
  await expect(message).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'date field with an error');

  // A five-digit year, as a browser without a maximum lets one be typed.
  await field.evaluate((el) => {
    el.focus();
    el.value = '20255-03-04';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.blur();
  });
  await expect(message).toBeVisible();
  await page.waitForTimeout(600); // longer than the save delay: nothing may be written
  expect(await stored()).toBe('2026-03-04');
  await page.reload();
  await expect(page.getByLabel('Date the complaint arrived')).toHaveValue('2026-03-04');
  expect(await stored()).toBe('2026-03-04');

  // A date far from today is kept, and flagged; emptying the field clears it.
  await page.getByLabel('Date the complaint arrived').fill('2036-03-04');
  await expect(page.getByText('That is more than a year from today. Check the year.')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await stored()).toBe('2036-03-04');
  await page.getByLabel('Date the complaint arrived').fill('');
  await page.getByLabel('Date the complaint arrived').blur();
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await stored()).toBeNull();
});

/** Cases stored as the app writes them, dated `received`. */
async function seedCases(page, dates) {
  await page.addInitScript(
    ([dates, now]) => {
      if (localStorage.getItem('mend-seeded')) return;
      localStorage.setItem('mend-seeded', '1');
      dates.forEach((received, i) => {
        const id = `dated${String(i).padStart(11, '0')}`;
        const data = { client: { name: `Client ${i}` }, received, severity: 'minor', currency: 'USD' };
        localStorage.setItem(`mend:case:${id}`, JSON.stringify({ kind: 'case', id, v: 4, created: now, updated: now, data }));
      });
    },
    [dates, NOW],
  );
}

/** Milliseconds from asking for Trends to its charts on screen. */
async function timeTrends(page) {
  await open(page, '#/');
  const start = performance.now();
  await page.goto('#/trends');
  await expect(page.getByRole('figure', { name: /^Cases per / })).toBeVisible();
  return performance.now() - start;
}

test('cases dated at the ends of the calendar: Trends stays quick and small, and names them', async ({ browser, baseURL }) => {
  const ordinary = ['2026-01-10', '2026-03-02', '2026-05-20', '2026-09-14'];
  const timings = {};
  for (const [label, dates] of [['ordinary', ordinary], ['extreme', [...ordinary, '0001-01-01', '9999-12-31']]]) {
    const context = await browser.newContext({ baseURL });
    await context.clock.install({ time: NOW });
    const page = await context.newPage();
    await seedCases(page, dates);
    timings[label] = await timeTrends(page);
    const chart = page.getByRole('figure', { name: /^Cases per month/ });
    await chart.getByText(/: the numbers$/).click();
    const rows = await chart.getByRole('row').count();
    expect(rows - 1).toBeLessThanOrEqual(60);
    if (label === 'extreme') {
      await expect(page.getByText('Left out of the charts below')).toBeVisible();
      await expect(page.locator('.far-out li')).toHaveText(['Client 4, dated Jan 1, 1', 'Client 5, dated Dec 31, 9999']);
      await expectNoAxeViolations(page, 'trends with far-out cases');
    }
    await context.close();
  }
  console.log(`Trends: ordinary ${timings.ordinary.toFixed(0)} ms, extreme ${timings.extreme.toFixed(0)} ms`);
  // Before the fix the extreme dates took 100 to 200 times as long.
  expect(timings.extreme).toBeLessThan(timings.ordinary * 4 + 500);
});

/** A share link in Mend's frame for `data` (already deflated), as src/store/share.rs makes. */
function linkFor(baseURL, data) {
  let h = 0x811c9dc5;
  for (const b of data) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  const text = Buffer.from(data).toString('base64url');
  return `${baseURL}#/shared/1p${text.length}.${h.toString(16).padStart(8, '0')}.${text}`;
}

/** The page's memory: JavaScript heap and the buffers behind it (wasm memory among them). */
async function memoryOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return h.usedSize + (h.backingStorageSize ?? 0);
}

test('a link that unpacks to 100 MB is refused at once, in plain words, at little memory', async ({ page, baseURL }) => {
  await newCase(page, 'Untouched');
  const before = await storedRecords(page);
  const bomb = deflateRawSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
  const link = linkFor(baseURL, bomb);
  await open(page, '#/');
  const memBefore = await memoryOf(page);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveText(/holds far more than a Mend case can: it was not made by Mend/);
  await expect(page.getByText('Nothing was added to your cases.')).toBeVisible();
  const grown = (await memoryOf(page)) - memBefore;
  const longest = await page.evaluate(() => window.__longest);
  console.log(`bomb link: memory grew ${(grown / 1048576).toFixed(1)} MB, longest task ${longest.toFixed(0)} ms`);
  expect(grown).toBeLessThan(8 * 1024 * 1024);
  expect(longest).toBeLessThan(200);
  expect(await storedRecords(page)).toEqual(before);
});

test('a stored value cut inside an emoji is set aside exactly as it was', async ({ page }) => {
  await newCase(page, 'Healthy case');
  // An envelope cut in the middle of 😀: the first half of its surrogate pair is left.
  const kept = await page.evaluate(() => {
    const raw = '{"kind":"case","id":"cutemoji0000001","v":4,"data":{"disputed":"smile \ud83d';
    localStorage.setItem('mend:case:cutemoji0000001', raw);
    window.__raw = raw;
    return raw.length;
  });
  expect(kept).toBeGreaterThan(0);
  await page.reload();
  await open(page, '#/cases');
  await expect(page.getByText('1 saved item could not be read and was set aside.')).toBeVisible();
  const exact = await page.evaluate(() => {
    const raw = '{"kind":"case","id":"cutemoji0000001","v":4,"data":{"disputed":"smile \ud83d';
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('mend:quarantine:'));
    if (keys.length !== 1) return `quarantine keys: ${keys.length}`;
    const note = JSON.parse(localStorage.getItem(keys[0]));
    if (localStorage.getItem('mend:case:cutemoji0000001') !== null) return 'original still there';
    return note.raw === raw ? 'exact' : `changed: ${JSON.stringify(note.raw)}`;
  });
  expect(exact).toBe('exact');
  await open(page, '#/backup');
  await expect(page.getByRole('region', { name: 'Set aside' })).toContainText('mend:case:cutemoji0000001');
});

test('a backup with a few unreadable records imports the rest and lists each bad one', async ({ page }) => {
  await newCase(page, 'First good');
  await newCase(page, 'Second good');
  await open(page, '#/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Backup health' }).getByRole('button', { name: 'Export backup file' }).click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const good = readFileSync(await download.path(), 'utf8');
  const bad = [
    '{"kind":"case","id":"bignumber0000001","v":4,"created":9223372036854775808,"updated":1,"data":{}}',
    '{"kind":"case","id":"cuttext000000001","v":4,"created":1,"updated":1,"data":{"disputed":"ab\\ud83d"}}',
  ];
  const file = good.replace('"records": [', `"records": [${bad.join(',')},`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await open(page, '#/backup');
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const preview = page.getByRole('region', { name: 'What the file holds' });
  await expect(preview).toContainText('2 new');
  await expect(preview).toContainText('it cannot be read: a value in it is not in the form Mend expects');
  await expect(preview).toContainText('it holds a character that was cut in half');
  await expect(preview).not.toContainText(/invalid value|expected|line \d|column/);
  await expectNoAxeViolations(page, 'import preview with bad records');
  await preview.getByLabel('I have checked; import it anyway').check();
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported 2 records.')).toBeVisible();
  const clients = Object.values(await storedRecords(page, 'mend:case:')).map((v) => JSON.parse(v).data.client.name);
  expect(clients.sort()).toEqual(['First good', 'Second good']);
});
