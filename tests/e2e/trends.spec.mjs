// Trends: with seeded cases, the charts and their tables show the expected numbers, the
// period filter changes them, the ledger reads the relationship, and the CSV downloads parse
// back to the same rows.
import { readFileSync } from 'node:fs';
import { test, expect, open, expectNoAxeViolations, day, NOW, TODAY } from './fixtures.mjs';

const iso = (daysAgo) => day(-daysAgo);

// Five cases: three for Vega (USD), one for Okafor (EUR, long ago), one serious and open.
const SEED = [
  ['t1', { client: { name: 'Marisol Vega', company: '', contact: '' }, received: iso(100), category: 'billing', severity: 'significant', currency: 'USD', people: 'Jordan, Sam', products: 'Website', numbers: { revenue_to_date: 200000 }, diagnose: { good_faith: 'good_faith' }, decide: { outcome: 'resolved_with_concession', closed_on: iso(96), concession: 30000 } }],
  ['t2', { client: { name: 'Marisol Vega', company: '', contact: '' }, received: iso(40), category: 'quality', severity: 'minor', currency: 'USD', people: 'jordan', products: 'website, Logo', numbers: { revenue_to_date: 250000 }, diagnose: { reach: 'systemic' }, decide: { outcome: 'resolved_with_concession', closed_on: iso(22), concession: 6000 } }],
  ['t3', { client: { name: 'Marisol Vega', company: '', contact: '' }, received: iso(30), category: 'billing', severity: 'significant', currency: 'USD', products: 'Logo', disputed: 'Charged twice, she says, for "rush" work,\nand the logo.', decide: { outcome: 'stood_firm', closed_on: iso(28) } }],
  ['t4', { client: { name: 'Okafor & Sons', company: '', contact: '' }, received: iso(400), category: 'delay', severity: 'minor', currency: 'EUR', people: 'Sam', decide: { outcome: 'resolved', closed_on: iso(386), concession: 5000 } }],
  ['t5', { client: { name: 'Pat Lee', company: '', contact: '' }, received: iso(10), severity: 'serious', currency: 'USD' }],
];

async function seed(page) {
  await page.addInitScript(([cases, now]) => {
    if (localStorage.getItem('mend-seeded')) return;
    localStorage.setItem('mend-seeded', '1');
    for (const [id, data] of cases) {
      localStorage.setItem(`mend:case:${id}`, JSON.stringify({ kind: 'case', id, v: 2, created: now, updated: now, data }));
    }
  }, [SEED, NOW]);
}

function chart(page, title) {
  return page.getByRole('figure', { name: new RegExp(`^${title}`) });
}

async function tableOf(figure) {
  await figure.getByText(/: the numbers$/).click();
  return figure.getByRole('table').evaluate((t) =>
    [...t.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
  );
}

test('seeded cases: serious first, charts with their numbers, the period filter, the ledger', { tag: '@dates' }, async ({ page }) => {
  await seed(page);
  await open(page, '#/trends');
  const serious = page.getByRole('region', { name: 'Serious and still open' });
  await expect(serious.getByRole('link', { name: 'Pat Lee' })).toBeVisible();
  await expect(serious).toContainText('waiting 10 days');

  const figures = page.getByRole('region', { name: 'In figures' });
  await expect(figures).toContainText('Cases5');
  await expect(figures).toContainText('Still open1');
  // 4, 18, 2 and 14 days: median 9.
  await expect(figures).toContainText('median 9 days (from 2 to 18 days, 4 cases)');
  await expect(figures).toContainText('€50.00 and $360.00');
  await expect(figures).toContainText('Marisol Vega (3)');

  expect(await tableOf(chart(page, 'What they are about'))).toEqual([
    ['The invoice or price', '2'],
    ['Quality of the work', '1'],
    ['Late or slow', '1'],
    ['Not sorted yet', '1'],
  ]);
  expect(await tableOf(chart(page, 'How serious'))).toEqual([
    ['Minor: worth watching', '2'],
    ['Significant', '2'],
    ['Serious: fix it now', '1'],
  ]);
  expect(await tableOf(chart(page, 'Names that keep coming up'))).toEqual([
    ['Jordan (person)', '2 cases'],
    ['Sam (person)', '2 cases'],
    ['Logo (product)', '2 cases'],
    ['Website (product)', '2 cases'],
  ]);
  const usd = await tableOf(chart(page, 'What concessions cost you \\(USD\\)'));
  expect(usd.map((r) => r[1]).filter((v) => v !== '$0.00')).toEqual(['$300.00', '$60.00']);
  const perMonth = await tableOf(chart(page, 'Cases per month'));
  expect(perMonth.reduce((n, r) => n + Number(r[1]), 0)).toBe(5);
  await expect(page.locator('figure.chart svg rect').first()).toBeVisible();

  const ledger = page.getByRole('region', { name: 'Client ledger' });
  const vega = ledger.getByRole('listitem').filter({ hasText: 'Marisol Vega' }).first();
  await expect(vega).toContainText('Consider ending it');
  await expect(vega).toContainText('3 disputes in 12 months, concessions 14% of revenue');
  await expect(vega.getByRole('link', { name: 'Marisol Vega' })).toHaveCount(3);
  await expectNoAxeViolations(page, 'trends');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'trends, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The last 3 months leave out Okafor's old case and t1 (100 days ago).
  await page.getByLabel('Period').selectOption({ label: 'Last 3 months' });
  await expect(figures).toContainText('Cases3');
  await expect(figures).toContainText('$60.00');
  await expect(figures).not.toContainText('€');
  expect(await tableOf(chart(page, 'What they are about'))).toEqual([
    ['The invoice or price', '1'],
    ['Quality of the work', '1'],
    ['Not sorted yet', '1'],
  ]);
});

test('the CSV downloads parse back to the same rows', { tag: '@dates' }, async ({ page }) => {
  await seed(page);
  await open(page, '#/trends');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download cases (.csv)' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`mend-cases-${TODAY}.csv`);
  const rows = parseCsv(readFileSync(await file.path(), 'utf8'));
  expect(rows[0]).toEqual(['id', 'client', 'company', 'received', 'category', 'severity', 'outcome', 'closed', 'days to resolve', 'currency', 'amount in dispute', 'concession', 'people', 'products', 'what is disputed']);
  expect(rows.length).toBe(6);
  const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
  expect(byId.t3[14]).toBe('Charged twice, she says, for "rush" work,\nand the logo.');
  expect(byId.t1.slice(1, 12)).toEqual(['Marisol Vega', '', iso(100), 'The invoice or price', 'Significant', 'Resolved, with a concession', iso(96), '4', 'USD', '', '300.00']);
  expect(byId.t5[6]).toBe('Still open');
  expect(byId.t1[12]).toBe('Jordan, Sam');

  const [ledgerFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download client ledger (.csv)' }).click(),
  ]);
  const ledger = parseCsv(readFileSync(await ledgerFile.path(), 'utf8'));
  expect(ledger[0][0]).toBe('client');
  expect(ledger.find((r) => r[0] === 'Marisol Vega')).toEqual(['Marisol Vega', '3', '3', 'USD', '2500.00', '360.00', '14%', 'Consider ending it', '3 disputes in 12 months, concessions 14% of revenue']);
  expect(ledger.find((r) => r[0] === 'Okafor & Sons').slice(3, 7)).toEqual(['EUR', '', '50.00', '']);
});

test('with no cases, the screen explains what will appear', async ({ page }) => {
  await open(page, '#/trends');
  await expect(page.getByText('Trends appear as your cases build up')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Serious and still open' })).toContainText('Nothing serious is waiting.');
  await expectNoAxeViolations(page, 'trends, empty');
});

/** A small RFC 4180 reader, independent of the app's own. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
