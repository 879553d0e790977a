// Paper and links: every print view hides the app around it; a share link carries a case to
// another page (plain, or sealed with a passphrase) and imports as an identical case; broken
// links say what is wrong and change nothing.
import { test, expect, open, saveStatus, storedRecords, expectNoAxeViolations, newContext } from './fixtures.mjs';

async function exampleCase(page) {
  await open(page, '#/');
  await page.getByRole('button', { name: 'Open an example case' }).click();
  await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/case$/);
  return page.url().match(/#\/cases\/([A-Za-z0-9_-]{16})\//)[1];
}

async function caseData(page, id) {
  const stored = await storedRecords(page, `mend:case:${id}`);
  return JSON.parse(stored[`mend:case:${id}`]).data;
}

async function makeLink(page, id, passphrase = '') {
  await open(page, `#/cases/${id}/summary`);
  const panel = page.getByRole('region', { name: 'Print or share' });
  if (passphrase) await panel.getByLabel('Passphrase (optional)').fill(passphrase);
  await panel.getByRole('button', { name: 'Make a share link' }).click();
  const link = panel.getByLabel('Share link');
  await expect(link).toHaveValue(/#\/shared\/1[pe]\d+\.[0-9a-f]{8}\./);
  await expect(panel).toContainText(/The link is \d+ characters long\./);
  return link.inputValue();
}

const views = [
  ['#/print/blank', 'Blank worksheet'],
  ['#/print/crib', 'Conversation crib sheet'],
];

for (const [fragment, heading] of views) {
  test(`${heading}: printed, it shows no navigation or buttons`, async ({ page }) => {
    await open(page, fragment);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await expectNoAxeViolations(page, `${heading} on screen`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.screenshot({ path: `test-results/print-${fragment.split('/').pop()}.png`, fullPage: true });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      expect(pdf.length).toBeGreaterThan(5_000);
    }
  });
}

test('a filled case and the remedy sheet print without the app around them', async ({ page }) => {
  const id = await exampleCase(page);
  await open(page, `#/print/case/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: "Case: Marisol Vega (Vega's Bakery)" })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Resolved, with a concession' })).toBeVisible();
  await expectNoAxeViolations(page, 'case sheet');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.screenshot({ path: 'test-results/print-case.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await open(page, `#/print/remedy/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your remedy' })).toBeVisible();
  const offers = page.getByRole('listitem').filter({ hasText: '☐' });
  await expect(offers).toHaveText(['☐ We take $340.00 off the invoice: The 4 bug-fix hours at my rate.', '☐ 20% off your next order with us: On the spring menu update she mentioned.']);
  await expect(page.getByText('Costs you')).toHaveCount(0);
  await expectNoAxeViolations(page, 'remedy sheet');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.screenshot({ path: 'test-results/print-remedy.png', fullPage: true });
});

test('share, open the link in another page, preview, import: the same case', async ({ page, context }) => {
  const id = await exampleCase(page);
  const original = await caseData(page, id);
  const link = await makeLink(page, id);
  expect(link.startsWith('http://127.0.0.1:4173/mend/#/shared/1p')).toBe(true);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'A shared case' })).toBeVisible();
  await expect(other.getByText('Nothing has been added to your cases.')).toBeVisible();
  await expect(other).toHaveURL(/#\/shared$/);
  await expect(other.getByRole('definition').filter({ hasText: 'marisol@example.com' })).toBeVisible();
  await expectNoAxeViolations(other, 'shared preview');
  const before = Object.keys(await storedRecords(other, 'mend:case:'));
  await other.getByRole('button', { name: 'Import as a new case' }).click();
  await expect(other.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
  await expect(saveStatus(other)).toHaveText('Saved');
  const newId = other.url().match(/#\/cases\/([A-Za-z0-9_-]{16})\//)[1];
  expect(before).not.toContain(`mend:case:${newId}`);
  expect(await caseData(other, newId)).toEqual({ ...original, example: false });
});

test('leaving a link before it has opened stays where you went', async ({ page, browser, baseURL }) => {
  const link = await makeLink(page, await exampleCase(page));
  // Another browser, slow to decode the link this time (no service worker, so that the
  // slowness can be arranged).
  const context = await newContext(browser, { baseURL, serviceWorkers: 'block' });
  const other = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await other.route('**/bytes.js', async (route) => {
    await held;
    await route.continue();
  });
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'A shared case' })).toBeVisible();
  await open(other, '#/trends');
  await expect(other.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  const decoded = other.waitForResponse('**/bytes.js');
  release();
  await decoded;
  await other.waitForTimeout(500);
  await expect(other.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  await expect(other).toHaveURL(/#\/trends$/);
  await context.close();
});

test('a blank worksheet can be shared as a link that opens it', async ({ page, context }) => {
  await open(page, '#/print/blank');
  await page.getByRole('button', { name: 'Make a link to this blank worksheet' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/mend\/#\/shared\/1p\d+\./);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Make a link to this blank worksheet' })).toBeHidden();
  await expect(page.getByLabel('Share link')).toBeHidden();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByText('This link holds a blank worksheet.')).toBeVisible();
  await expect(other).toHaveURL(/#\/shared$/);
  await other.getByRole('link', { name: 'Open the blank worksheet to print' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Blank worksheet' })).toBeVisible();
  expect(Object.keys(await storedRecords(other, 'mend:case:'))).toEqual([]);
});

test('a passphrase seals the link; the wrong one is refused, the right one opens it', async ({ page, context }) => {
  const id = await exampleCase(page);
  const original = await caseData(page, id);
  const link = await makeLink(page, id, 'blue kettle 42');
  expect(link).toMatch(/#\/shared\/1e/);
  expect(link).not.toContain('kettle');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByText('This link is protected with a passphrase.')).toBeVisible();
  await other.getByLabel('Passphrase').fill('blue kettle 24');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByRole('alert')).toHaveText('That passphrase does not open this link. Check it with the person who sent it.');
  await other.getByLabel('Passphrase').fill('blue kettle 42');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByText('Nothing has been added to your cases.')).toBeVisible();
  await other.getByRole('button', { name: 'Import as a new case' }).click();
  await expect(saveStatus(other)).toHaveText('Saved');
  const newId = other.url().match(/#\/cases\/([A-Za-z0-9_-]{16})\//)[1];
  expect(await caseData(other, newId)).toEqual({ ...original, example: false });
});

test('broken links get their own message and change nothing', async ({ page, context }) => {
  const id = await exampleCase(page);
  const link = await makeLink(page, id);
  const before = await storedRecords(page);
  const payload = link.split('#/shared/')[1];
  const cut = link.slice(0, link.length - 40);
  const last = payload.at(-1);
  const changed = link.slice(0, -1) + (last === 'A' ? 'B' : 'A');
  const future = link.replace('#/shared/1', '#/shared/7');
  const other = await context.newPage();
  for (const [url, message] of [
    [cut, /This link was cut short: 40 characters are missing/],
    [changed, /This link is damaged/],
    [future, /made by a different version of Mend \(format 7\)/],
    [link.replace(/#\/shared\/.*/, '#/shared/hello'), /This is not a Mend share link\./],
  ]) {
    await other.goto(url);
    await expect(other.getByRole('alert')).toHaveText(message);
    await expect(other.getByText('Nothing was added to your cases.')).toBeVisible();
  }
  await expectNoAxeViolations(other, 'broken link');
  expect(await storedRecords(page)).toEqual(before);
});
