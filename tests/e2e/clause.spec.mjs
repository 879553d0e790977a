// The mediation-clause generator: options beside a live text, flags, copy, download, print,
// several saved clauses, a clause linked to a case (its windows become the case's dates), a
// request for mediation drafted from the case, and bad input that changes nothing.
import { readFileSync } from 'node:fs';
import { test, expect, open, newCase, saveStatus, storedRecords, expectNoAxeViolations } from './fixtures.mjs';

const CEDR = 'the Centre for Effective Dispute Resolution (CEDR)';

async function newClause(page, name) {
  await open(page, '#/clause');
  await page.getByRole('button', { name: 'New clause' }).click();
  await expect(page).toHaveURL(/#\/clause\/[A-Za-z0-9_-]{16}$/);
  await page.getByLabel('Name for this clause').fill(name);
  await page.getByLabel('Your business').fill('Jordan Reyes Studio');
  await expect(saveStatus(page)).toHaveText('Saved');
  return page.url().match(/#\/clause\/([A-Za-z0-9_-]{16})$/)[1];
}

async function storedClause(page, id) {
  const stored = await storedRecords(page, `mend:clause:${id}`);
  return JSON.parse(stored[`mend:clause:${id}`]).data;
}

function clauseText(page) {
  return page.getByTestId('clause-text');
}

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a tiered CEDR clause: options change the text, flags point at gaps, copy puts the text on the clipboard', async ({ page }) => {
    const id = await newClause(page, 'Web projects');
    const preview = page.getByRole('region', { name: 'Your clause' });
    await expect(preview).toContainText('This is a template to adapt, not legal advice.');
    await expect(clauseText(page)).toContainText(`mediation administered by ${CEDR} under the CEDR Model Mediation Procedure`);

    await page.getByRole('radio', { name: 'Tiered' }).check();
    await expect(clauseText(page)).toContainText('1. Disputes.');
    await expect(clauseText(page)).toContainText('Within 14 days of the notice, the parties will meet');
    // CEDR nominates a mediator if none is agreed within 14 days.
    await expect(clauseText(page)).toContainText(`within 14 days of a request for mediation; if they have not, ${CEDR} will appoint one`);

    // Gaps are flagged beside the text, and each leads to its option.
    const flags = preview.getByRole('list').filter({ hasText: 'Missing:' });
    await expect(flags).toContainText('Name the place whose courts will decide.');
    await expect(flags).toContainText('No governing law is named.');
    await flags.getByRole('listitem').filter({ hasText: 'No governing law' }).getByRole('button', { name: 'Go to the option' }).click();
    await expect(page.getByLabel('Governing law', { exact: true })).toBeFocused();
    await page.getByLabel('Governing law', { exact: true }).fill('England and Wales');
    await page.getByLabel('The courts of (place)').fill('England and Wales');
    await page.getByLabel('City').fill('Bristol');

    // A conflict: no court until mediation ends, and no urgent-relief exception.
    await page.getByRole('radio', { name: 'Must mediate first, then escalate' }).check();
    await page.getByLabel('Allow urgent relief from a court').uncheck();
    await expect(preview).toContainText('Conflict: No one may go to court until mediation ends');
    await page.getByLabel('Allow urgent relief from a court').check();
    await expect(preview).toContainText('No gaps or conflicts found in these choices.');
    await expect(saveStatus(page)).toHaveText('Saved');

    await preview.getByRole('button', { name: 'Copy the clause' }).click();
    await expect(preview.getByRole('status')).toHaveText('Copied. Paste it into your agreement.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('Dispute resolution (Web projects)\n\n1. Disputes. This clause applies to any dispute')).toBe(true);
    expect(copied).toContain('Neither party may start arbitration or court proceedings about the dispute until the mediation has ended, except to ask for urgent interim relief.');
    expect(copied).toContain('governed by the law of England and Wales');
    expect(copied).toContain('This is a template to adapt, not legal advice.');

    // Everything typed survives a reload.
    await page.reload();
    await expect(page.getByLabel('Name for this clause')).toHaveValue('Web projects');
    await expect(page.getByRole('radio', { name: 'Tiered' })).toBeChecked();
    const data = await storedClause(page, id);
    expect(data).toMatchObject({ variant: 'tiered', provider: 'cedr', law: 'England and Wales', obligation: 'first_then_escalate', select_days: 14 });
  });
});

test('download as .txt and .md, print without the app around it, and several saved clauses', async ({ page }) => {
  await newClause(page, 'Retainers');
  await page.getByLabel('Provider and rules').selectOption({ label: 'CPR (International Institute for Conflict Prevention & Resolution)' });
  await page.getByRole('radio', { name: 'Tiered' }).check();
  // CPR's model clause: meet within 20 days, mediation after 45, senior people negotiate.
  await expect(page.getByLabel('Meet within')).toHaveValue('20');
  await expect(page.getByLabel('Negotiation window')).toHaveValue('45');
  await expect(page.getByRole('radio', { name: 'Someone senior on each side, not directly involved' })).toBeChecked();
  await expect(clauseText(page)).toContainText('not settled within 45 days of the notice');

  const [txt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .txt' }).click()]);
  expect(txt.suggestedFilename()).toBe('mediation-clause-retainers.txt');
  const text = readFileSync(await txt.path(), 'utf8');
  expect(text).toContain('under the CPR Mediation Procedure');
  expect(text).toContain('This is a template to adapt, not legal advice.');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  expect(md.suggestedFilename()).toBe('mediation-clause-retainers.md');
  expect(readFileSync(await md.path(), 'utf8')).toMatch(/^# Dispute resolution \(Retainers\)\n\n1\. Disputes\./);

  await expectNoAxeViolations(page, 'clause editor');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByLabel('Name for this clause')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(clauseText(page)).toBeVisible();
  await expect(page.getByText('This is a template to adapt, not legal advice.')).toBeVisible();
  await page.screenshot({ path: 'test-results/print-clause.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await newClause(page, 'One-off jobs');
  await open(page, '#/clause');
  await expect(page.getByRole('link', { name: 'Retainers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'One-off jobs' })).toBeVisible();
  expect(Object.keys(await storedRecords(page, 'mend:clause:'))).toHaveLength(2);
  // The new clause took the business name from the last one.
  await page.getByRole('link', { name: 'One-off jobs' }).click();
  await expect(page.getByLabel('Your business')).toHaveValue('Jordan Reyes Studio');
  await expectNoAxeViolations(page, 'clause list');
});

test('absurd numbers get a message at the field and change nothing; text stays text', async ({ page }) => {
  const id = await newClause(page, '<img src=x onerror="window.__xss=1">');
  const before = await storedClause(page, id);
  const days = page.getByLabel('Days to settle it between yourselves');
  for (const [typed, message] of [
    ['0', 'Use at least 1 day.'],
    ['-3', 'Use at least 1 day.'],
    ['10000', 'That is more than a year. Use 365 days or fewer.'],
    ['', 'Enter a number of days.'],
    ['ten', 'Enter a whole number of days, such as 30.'],
  ]) {
    await days.fill(typed);
    await expect(page.getByText(message)).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
  }
  await page.waitForTimeout(600);
  expect(await storedClause(page, id)).toEqual(before);
  await days.fill('21');
  await expect(days).not.toHaveAttribute('aria-invalid');
  await expect(clauseText(page)).toContainText('within 21 days of either of them raising it');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await storedClause(page, id)).negotiate_days).toBe(21);
  await open(page, '#/clause');
  await expect(page.getByRole('link', { name: '<img src=x onerror="window.__xss=1">' })).toBeVisible();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test('a clause linked to a case gives the case its dates and drafts a request for mediation', { tag: '@dates' }, async ({ page }) => {
  const clauseId = await newClause(page, 'Web projects');
  await page.getByLabel('City').fill('Bristol');
  await expect(saveStatus(page)).toHaveText('Saved');

  const caseId = await newCase(page, 'Marisol Vega');
  await page.getByLabel('What is disputed').fill('Six invoiced hours she says should not be charged.');
  await open(page, `#/cases/${caseId}/resolve`);
  const widget = page.getByRole('region', { name: 'If you cannot agree: the mediation clause' });
  await widget.getByLabel('Which clause in your agreement applies?').selectOption({ label: 'Web projects' });
  await widget.getByLabel('The day the dispute was raised in writing').fill('2026-03-02');
  // Simple CEDR clause: 30 days to settle, then 14 to agree a mediator.
  await expect(widget.getByRole('listitem').filter({ hasText: 'The negotiation window ends on' })).toContainText('Apr 1, 2026');
  await expect(widget.getByRole('listitem').filter({ hasText: 'You may start mediation from' })).toContainText('Apr 1, 2026');
  await expect(widget.getByRole('listitem').filter({ hasText: 'Agree a mediator by, or CEDR appoints one' })).toContainText('Apr 15, 2026');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expectNoAxeViolations(page, 'resolve stage with a clause');

  // The clause lists the case; the request is drafted from both.
  await widget.getByRole('link', { name: 'Draft a request for mediation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request for mediation' })).toBeVisible();
  const letter = page.locator('.letter');
  await expect(letter).toContainText('REQUEST FOR MEDIATION');
  await expect(letter).toContainText('Marisol Vega');
  await expect(letter).toContainText('Six invoiced hours she says should not be charged.');
  await expect(letter).toContainText('held in Bristol, in English');
  await expect(letter).toContainText('6. The clause.');
  await expect(letter).toContainText('If a disagreement arises between Jordan Reyes Studio and the Client');
  await expectNoAxeViolations(page, 'request for mediation');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(letter).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await open(page, `#/clause/${clauseId}`);
  const using = page.getByRole('region', { name: 'Cases this clause applies to' });
  await expect(using.getByRole('link', { name: 'Marisol Vega' })).toBeVisible();

  // The case goes to the trash: the clause still opens, and the request says what happened.
  await open(page, `#/cases/${caseId}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await open(page, `#/clause/${clauseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation clause' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cases this clause applies to' })).toContainText('No case uses this clause yet.');
  await page.goto(`#/clause/${clauseId}/request/${caseId}`);
  await expect(page.getByText('The clause or the case for this request is no longer saved here')).toBeVisible();
});

test('a case whose clause was deleted says so and offers another', async ({ page }) => {
  const clauseId = await newClause(page, 'Old terms');
  const caseId = await newCase(page, 'Pat Lee');
  await open(page, `#/cases/${caseId}/resolve`);
  const widget = page.getByRole('region', { name: 'If you cannot agree: the mediation clause' });
  await widget.getByLabel('Which clause in your agreement applies?').selectOption({ label: 'Old terms' });
  await expect(saveStatus(page)).toHaveText('Saved');
  await open(page, `#/clause/${clauseId}`);
  await page.getByRole('button', { name: 'Delete this clause' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation clauses' })).toBeVisible();
  await open(page, `#/cases/${caseId}/resolve`);
  await expect(widget).toContainText('You have no saved mediation clause yet.');
  await expect(widget).toContainText('The clause linked to this case is no longer saved');
  // Undo from the Backup screen's trash brings the link back to life.
  await open(page, '#/backup');
  await page.getByRole('button', { name: 'Restore “Old terms”' }).click();
  await open(page, `#/cases/${caseId}/resolve`);
  await expect(widget.getByLabel('Which clause in your agreement applies?')).toHaveValue(clauseId);
  await expect(widget.getByRole('link', { name: 'Open the clause' })).toBeVisible();
});

test('the clause screens pass axe-core in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await newClause(page, 'Dark');
  await page.getByRole('radio', { name: 'Tiered' }).check();
  await page.getByRole('radio', { name: 'Arbitration', exact: true }).check();
  await expectNoAxeViolations(page, 'clause editor, dark');
  await open(page, '#/clause');
  await expectNoAxeViolations(page, 'clause list, dark');
});

test('at 320 px the clause editor and the request do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const clauseId = await newClause(page, 'Narrow');
  await page.getByRole('radio', { name: 'Tiered' }).check();
  const caseId = await newCase(page, 'A client with a rather long company name, Ltd');
  await open(page, `#/cases/${caseId}/resolve`);
  await page.getByLabel('Which clause in your agreement applies?').selectOption({ label: 'Narrow' });
  for (const fragment of [`#/clause/${clauseId}`, `#/clause/${clauseId}/request/${caseId}`, `#/cases/${caseId}/resolve`]) {
    await open(page, fragment);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${fragment} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
