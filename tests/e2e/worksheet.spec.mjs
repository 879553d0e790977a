// The complaint worksheet in a real browser: a whole case by keyboard, reloads keep every
// answer, restate needs the client's confirmation, the numbers give their readings, overdue
// check-ins reach Home, and every stage passes axe-core.
import { test, expect, open, saveStatus, expectNoAxeViolations, tabTo, typeInto, chooseRadio } from './fixtures.mjs';

async function next(page, title) {
  const link = page.getByRole('link', { name: `Next: ${title} →` });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const heading = title === 'Summary' ? /^Summary$/ : new RegExp(`\\d+\\. ${title}$`);
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

async function press(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

function stageLink(page, n, name) {
  return page.getByRole('navigation', { name: 'Worksheet stages' }).getByRole('link', { name: new RegExp(`^${name}`) });
}

test('a whole case by keyboard alone, surviving reloads midway and at the end', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '#/');
  await tabTo(page, page.getByRole('link', { name: 'New case' }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/start$/);
  // From the five-minute start to the full worksheet.
  await tabTo(page, page.getByRole('link', { name: 'Open the full worksheet' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/case$/);
  const caseUrl = page.url();

  // 1. The case
  await typeInto(page, "Client's name", 'Priya Natarajan');
  await tabTo(page, page.getByLabel('Date the complaint arrived'));
  await page.keyboard.type('11152026');
  await chooseRadio(page, 'How it came in', 'Email');
  await typeInto(page, 'What is disputed', 'Says the second draft of the brochure was billed twice.');
  await typeInto(page, 'Amount in dispute', '450');
  await chooseRadio(page, 'How serious is it?', 'Significant');
  await expect(saveStatus(page)).toHaveText('Saved');
  await next(page, 'Know your numbers');

  // 2. Numbers
  await typeInto(page, 'Hours spent on the job', '12');
  await typeInto(page, 'What an hour of your time is worth', '60');
  await typeInto(page, 'Price invoiced', '1200');
  await typeInto(page, 'Hours the dispute may take', '2');
  await expect(page.locator('.reading').first()).toContainText('Hear them out first');
  await next(page, 'Reach out');

  // 3. Reach out
  await chooseRadio(page, 'How you will reach out', 'Phone call');
  await tabTo(page, page.getByLabel('When', { exact: true }));
  await page.keyboard.type('11162026');
  await next(page, 'Listen');

  // 4. Listen
  await typeInto(page, "The grievance, in the client's words", 'You charged me twice for the same draft.');
  await next(page, 'Restate');

  // 5. Restate
  await typeInto(page, 'In your own words, the concern is…', 'The second draft was invoiced as new work.');
  await press(page, "The client confirmed: that's right");
  await expect(page.getByText('The client said you have understood')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');

  // Midway: everything so far survives a reload.
  await page.reload();
  await expect(page.getByLabel('In your own words, the concern is…')).toHaveValue('The second draft was invoiced as new work.');
  await expect(stageLink(page, 1, 'The case')).toHaveAccessibleName(/done/);
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/done/);
  await next(page, 'Diagnose');

  // 6. Diagnose
  await typeInto(page, 'What the client experienced', 'Paying twice for one draft.');
  await typeInto(page, 'What actually happened', 'The revision was logged as a new draft in the timesheet.');
  await chooseRadio(page, 'Good faith, or taking advantage?', 'Acting in good faith');
  await chooseRadio(page, 'A one-off, or something to fix for everyone?', 'Others may feel the same');
  await next(page, 'Resolve');

  // 7. Resolve
  await chooseRadio(page, 'Is the concern valid?', 'Yes');
  await typeInto(page, 'The agreed resolution', 'Remove the duplicate line and reissue the invoice.');
  await press(page, 'The client confirmed it meets their needs');
  await expect(page.getByText('The client said this meets their needs')).toBeVisible();
  await next(page, 'Follow up');

  // 8. Follow up
  await press(page, 'Add a check-in');
  await typeInto(page, 'What to say, or what was said', 'Confirm the reissued invoice arrived.');
  await next(page, 'Prevent');

  // 9. Prevent
  await typeInto(page, 'The root cause', 'Revisions and new drafts share one timesheet code.');
  await typeInto(page, 'The system you are putting in place', 'A separate code for revisions.');
  await next(page, 'Decide');

  // 10. Decide
  await chooseRadio(page, 'How did it end?', 'Resolved, with a concession');
  await typeInto(page, 'What the resolution cost you', '450');
  await expect(saveStatus(page)).toHaveText('Saved');
  await next(page, 'Summary');

  await expect(page.getByText('Nothing: every stage is done.')).toBeVisible();
  await expect(page.getByText('10 of 10 stages done')).toBeVisible();

  // At the end: a reload, and every answer is still there.
  await page.reload();
  await expect(page.getByText('Nothing: every stage is done.')).toBeVisible();
  const answers = page.getByRole('definition');
  for (const text of [
    'Priya Natarajan',
    'Nov 15, 2026',
    'Email',
    '$450.00',
    '12 hours',
    '$60.00',
    'Phone call',
    'You charged me twice for the same draft.',
    'Acting in good faith',
    'Remove the duplicate line and reissue the invoice.',
    'Resolved, with a concession',
  ]) {
    await expect(answers.filter({ hasText: text }).first()).toBeVisible();
  }
  expect(page.url().replace(/\/summary$/, '/case')).toBe(caseUrl);
});

test('the restate stage is not done until the client confirms', async ({ page }) => {
  await open(page, '#/cases/new');
  const base = page.url().replace(/\/start$/, '');
  await open(page, `${base.slice(base.indexOf('#'))}/restate`);
  await expect(stageLink(page, 5, 'Restate')).not.toHaveAccessibleName(/done|in progress/);
  await page.getByLabel('In your own words, the concern is…').fill('You feel the rework hours should not be billed.');
  await page.getByLabel("The client's correction").fill('Not only the rework: the extra meeting too.');
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/in progress/);
  await expect(page.getByRole('heading', { name: 'Still needed on this stage' })).toBeVisible();
  await expect(page.getByText("The client's confirmation that you have understood")).toBeVisible();

  await page.getByRole('button', { name: 'Add another attempt' }).click();
  await page.getByLabel('In your own words, the concern is…').nth(1).fill('The rework hours and the extra meeting should not be billed.');
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/in progress/);

  await page.getByRole('button', { name: "The client confirmed: that's right" }).click();
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/done/);
  await expect(page.getByText(/The client said you have understood, on \w+ \d+, \d{4}, \d+:\d\d\s[AP]M\./)).toBeVisible();
  await page.reload();
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/done/);

  await page.getByRole('button', { name: 'Undo the confirmation' }).click();
  await expect(stageLink(page, 5, 'Restate')).toHaveAccessibleName(/in progress/);
});

test('before the client is heard, the numbers stage frames the money and gives no verdict', async ({ page }) => {
  await open(page, '#/cases/new');
  const numbers = page.url().replace(/\/start$/, '/numbers');
  await page.goto(numbers);
  const set = async (label, value) => page.getByLabel(label, { exact: true }).fill(value);
  const reading = page.locator('.reading');

  await expect(reading).toContainText('Hear them out first');
  await expect(reading).toContainText('The price invoiced, your hours and what an hour is worth would show how much you could give');

  // The frame: what you could give and stay at break-even, and what arguing costs.
  await set('Amount in dispute', '150');
  await set('Hours spent on the job', '10');
  await set('What an hour of your time is worth', '80');
  await set('Price invoiced', '1000');
  await set('Hours the dispute may take', '3');
  await expect(reading).toContainText('you could give up to $200.00 and still break even');
  await expect(reading).toContainText('Arguing it would take about $240.00 of your time, against $150.00 in dispute.');
  await expect(reading).toContainText('Work you expect from them in future: not entered; unknown is not zero.');
  await expect(reading).not.toContainText(/Settle|Stand firm|Offer up to/);

  // The limit is a suggestion until you use it or type your own.
  const limit = page.getByLabel('The most you will concede');
  await expect(limit).toHaveAccessibleDescription(/Suggested: \$200\.00/);
  await page.getByRole('button', { name: 'Use the suggested limit' }).click();
  await expect(limit).toHaveValue('200.00');
  await expect(limit).toHaveAccessibleDescription('Your own limit.');
  await expect(page.getByRole('button', { name: 'Use the suggested limit' })).toHaveCount(0);

  // A bad figure gets a message at the field and changes nothing.
  await set('Price invoiced', '12,34,5');
  await expect(page.getByText('Enter an amount in figures, like 1250 or 1,250.50.')).toBeVisible();
  await expect(page.getByLabel('Price invoiced', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(reading).toContainText('you could give up to $200.00 and still break even');
  await expectNoAxeViolations(page, 'numbers with a field error');
});

test('typing into a field in a list keeps the focus and every character', async ({ page }) => {
  await open(page, '#/cases/new');
  await page.goto(page.url().replace(/\/start$/, '/resolve'));
  await page.getByLabel('Add an option').selectOption({ label: 'Partial refund' });
  await page.getByRole('button', { name: 'Add option' }).click();
  const amount = page.getByLabel('Amount refunded');
  await amount.click();
  await page.keyboard.type('275.50');
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue('275.50');
  await expect(page.getByText(/^Costs you \$275\.50/)).toBeVisible();
  const note = page.getByLabel('Note', { exact: true });
  await note.click();
  await page.keyboard.type('For the late delivery');
  await expect(note).toHaveValue('For the late delivery');
  await page.reload();
  await expect(page.getByLabel('Amount refunded')).toHaveValue('275.50');

  // The clarifying questions: ticking or answering a suggested one keeps the focus there.
  await page.goto(page.url().replace(/\/resolve$/, '/listen'));
  const asked = page.getByRole('list').getByRole('checkbox').first();
  await asked.focus();
  await page.keyboard.press('Space');
  await expect(asked).toBeChecked();
  await expect(asked).toBeFocused();
  const answer = page.getByLabel(/^What they said:/).nth(1);
  await answer.click();
  await page.keyboard.type('Only twice');
  await expect(answer).toBeFocused();
  await expect(answer).toHaveValue('Only twice');
});

test('an overdue check-in appears on Home', { tag: '@dates' }, async ({ page }) => {
  await open(page, '#/cases/new');
  await page.getByLabel("Client's name").fill('Late Reply Ltd');
  await page.goto(page.url().replace(/\/start$/, '/follow-up'));
  await page.getByRole('button', { name: 'Add a check-in' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2026-01-05');
  await page.getByLabel('What to say, or what was said').fill('Ask whether the refund arrived');
  await expect(page.getByText('One check-in is overdue. Get in touch today.')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');

  await open(page, '#/');
  const overdue = page.getByRole('region', { name: 'Check-ins overdue' });
  await expect(overdue).toContainText('Late Reply Ltd');
  await expect(overdue).toContainText('due Jan 5, 2026: Ask whether the refund arrived');
  await overdue.getByRole('link', { name: 'Late Reply Ltd' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '8. Follow up' })).toBeVisible();
});

test('the worked example opens from the empty state and can be deleted', async ({ page }) => {
  await open(page, '#/');
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Open an example case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Marisol Vega (Vega's Bakery)" })).toBeVisible();
  await expect(page.getByText('This is an example case.')).toBeVisible();
  await expect(page.getByText('10 of 10 stages done')).toBeVisible();
  await page.getByRole('button', { name: 'Delete the example' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
});

test('the cases list searches, filters and sorts what needs attention first', async ({ page }) => {
  await open(page, '#/');
  await page.getByRole('button', { name: 'Open an example case' }).click();
  await open(page, '#/cases/new');
  await page.getByLabel("Client's name").fill('Urgent Client');
  await page.goto(page.url().replace(/\/start$/, '/case'));
  await page.getByRole('group', { name: 'How serious is it?' }).getByLabel('Serious: fix it now').check();
  await expect(saveStatus(page)).toHaveText('Saved');
  await open(page, '#/cases');
  const names = page.locator('.case-link');
  await expect(names).toHaveText(['Urgent Client', "Marisol Vega (Vega's Bakery)"]);
  await page.getByLabel('Search').fill('bakery');
  await expect(names).toHaveText(["Marisol Vega (Vega's Bakery)"]);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Status').selectOption('open');
  await expect(names).toHaveText(['Urgent Client']);
  await page.getByLabel('Status').selectOption('all');
  await page.getByLabel('Severity').selectOption({ label: 'Significant' });
  await expect(names).toHaveText(["Marisol Vega (Vega's Bakery)"]);
  await expectNoAxeViolations(page, 'cases list');
});

test('every stage of the example passes axe-core in light and dark mode', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '#/');
  await page.getByRole('button', { name: 'Open an example case' }).click();
  const base = page.url().replace(/\/case$/, '');
  for (const stage of ['case', 'numbers', 'reach-out', 'listen', 'restate', 'diagnose', 'resolve', 'follow-up', 'prevent', 'decide', 'summary']) {
    await page.goto(`${base}/${stage}`);
    await expect(page.locator('.stage-title')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'light' });
    await expectNoAxeViolations(page, `${stage} light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, `${stage} dark`);
  }
  await open(page, '#/');
  await expectNoAxeViolations(page, 'home with a case');
});

test('Home lists the eight open cases that need attention first and leads to the rest', async ({ page }) => {
  for (let i = 1; i <= 9; i++) {
    await open(page, '#/cases/new');
    await page.getByLabel("Client's name").fill(`Client ${i}`);
    if (i === 9) {
      await page.goto(page.url().replace(/\/start$/, '/case'));
      await page.getByRole('group', { name: 'How serious is it?' }).getByLabel('Serious: fix it now').check();
    }
    await expect(saveStatus(page)).toHaveText('Saved');
  }
  await open(page, '#/');
  const names = page.locator('.case-link');
  await expect(names).toHaveCount(8);
  await expect(names.first()).toHaveText('Client 9');
  await expect(page.getByText('These are the 8 of your 9 open cases that need attention first.')).toBeVisible();
  await page.getByRole('link', { name: 'All cases, with search and filters' }).click();
  await expect(page.locator('.case-link')).toHaveCount(9);
});
