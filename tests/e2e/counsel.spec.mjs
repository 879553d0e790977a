// Counsel in a real browser: the five-minute start to a printed call script by keyboard on a
// phone, one reading that waits for the client and then follows the good-faith answer, offers
// against the limits, each
// drafted message copied, kept when edited, and the support when a call gets heated.
import { test, expect, open, saveStatus, expectNoAxeViolations, tabTo, newCase, typeInto, chooseRadio, day, human } from './fixtures.mjs';

async function axeEverywhere(page, label) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme, media: 'screen' });
    await expectNoAxeViolations(page, `${label} ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  await expectNoAxeViolations(page, `${label} print`);
  await page.emulateMedia({ media: 'screen' });
}

/** Pages in a PDF of the page as it is now. */
async function pdfPages(page, format) {
  const pdf = await page.pdf({ format, printBackground: false });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('from Home through the five-minute start to a printed call script, by keyboard alone', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, '#/');
    await tabTo(page, page.getByRole('link', { name: 'New case' }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Before you call' })).toBeVisible();
    await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/start$/);
    await expect(page.getByText('A complaint is about the work, not about you.')).toBeVisible();

    await typeInto(page, "Client's name", 'Dana Whitfield');
    await chooseRadio(page, 'How it came in', 'Email');
    await typeInto(page, 'What is disputed', 'Six invoiced hours she says fixed our own mistake.');
    await typeInto(page, 'Amount in dispute', '600');
    await typeInto(page, 'Price invoiced', '2000');
    await typeInto(page, 'Hours spent on the job', '15');
    await typeInto(page, 'What an hour of your time is worth', '100');
    await expect(page.getByLabel('The most you will concede')).toHaveAccessibleDescription(/Suggested: \$500\.00/);
    await typeInto(page, 'The most you will concede', '650');
    await typeInto(page, 'The most time you will spend on it', '3');

    // The reading at once: listen first, with the money as a frame, and no verdict yet.
    const reading = page.locator('.reading');
    await expect(reading).toContainText('Hear them out first');
    await expect(reading).toContainText('you could give up to $500.00 and still break even');
    await expect(reading).toContainText('the client\'s confirmation');
    await expect(reading).not.toContainText('Offer up to');

    // The questions to ask, and one new fact to bring.
    const promised = page.getByLabel('Was anything promised that you did not get?');
    await tabTo(page, promised);
    await page.keyboard.press('Space');
    await expect(promised).toBeChecked();
    await typeInto(page, 'Your side of the story', 'Jordan confirms the fix was for her own change request.');

    // It came by email: the first reply, asking for a call.
    const reply = page.getByRole('region', { name: 'It came in writing: ask for a call, not a written debate' });
    await expect(reply.getByLabel('Message: First reply')).toHaveValue(/Hello Dana Whitfield,/);
    await expect(saveStatus(page)).toHaveText('Saved');
    await axeEverywhere(page, 'five-minute start');

    await tabTo(page, page.getByRole('link', { name: 'Open the call script' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Call script: Dana Whitfield' })).toBeVisible();
    const steps = page.locator('.script-steps h2');
    // Before they are heard, the script holds each way to answer.
    await expect(steps).toHaveText([
      '1. Calm, and acknowledge',
      '2. Their story',
      '3. Say it back',
      '4. Then answer, on what you heard',
      '5. What would make it right?',
      '6. The options',
      '7. A peace offering, if you disagree',
      '8. Does this meet your needs?',
      '9. Close',
    ]);
    const script = page.locator('.script');
    await expect(script).toContainText('“Was anything promised that you did not get?”');
    await expect(script).toContainText('Jordan confirms the fix');
    await expect(script).toContainText('If it gets heated');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await axeEverywhere(page, 'call script');

    // On paper: no navigation, and one page on A4 and on Letter.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(script).toBeVisible();
    expect(await pdfPages(page, 'A4')).toBe(1);
    expect(await pdfPages(page, 'Letter')).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });
});

test('the reading waits until the client is heard, then follows the good-faith answer, the same on each stage', async ({ page }) => {
  // $200 disputed on a $500 margin, $10,000 of work expected.
  const id = await newCase(page, 'Mateo Ruiz');
  await page.goto(`#/cases/${id}/numbers`);
  for (const [label, value] of [
    ['Amount in dispute', '200'],
    ['Price invoiced', '2000'],
    ['Hours spent on the job', '15'],
    ['What an hour of your time is worth', '100'],
    ['Work you expect from them in future', '10000'],
    ['Hours the dispute may take', '1'],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  const reading = page.locator('.reading');
  await expect(reading).toContainText('Hear them out first');
  await expect(reading).toContainText('$2,500.00');

  await page.goto(`#/cases/${id}/restate`);
  await page.getByLabel('In your own words, the concern is…').fill('The revision hours were never agreed');
  await page.getByRole('button', { name: "The client confirmed: that's right" }).click();
  await page.goto(`#/cases/${id}/diagnose`);
  const faith = page.getByRole('group', { name: 'Good faith, or taking advantage?' });
  await faith.getByLabel('Trying to take advantage').check();
  await expect(reading).toContainText('Hear them out first');
  await page.goto(`#/cases/${id}/resolve`);
  await page.getByRole('group', { name: 'Is the concern valid?' }).getByLabel('No', { exact: true }).check();
  await expect(reading).toContainText('Stand firm, politely');
  await expect(reading).toContainText('Offer nothing beyond what you owe them');
  await page.goto(`#/cases/${id}/diagnose`);
  await expect(reading).toContainText('Stand firm, politely');
  await faith.getByLabel('Acting in good faith').check();
  await expect(reading).toContainText('Explain, and make a peace offering');
  await page.goto(`#/cases/${id}/numbers`);
  await expect(reading).toContainText('Explain, and make a peace offering');
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('offers are costed against your limit and break-even, and a peace offering counts as an offer', async ({ page }) => {
  const id = await newCase(page, 'Priya Natarajan');
  await page.getByLabel('Price invoiced', { exact: true }).fill('2000');
  await page.getByLabel('Hours spent on the job', { exact: true }).fill('15');
  await page.getByLabel('What an hour of your time is worth', { exact: true }).fill('100');
  await page.getByLabel('The most you will concede').fill('300');
  await page.goto(`#/cases/${id}/resolve`);
  const nothing = page.getByText('Nothing is offered yet.');
  await expect(nothing).toBeVisible();

  await page.getByLabel('Add an option').selectOption({ label: 'Partial refund' });
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByLabel('Amount refunded').fill('400');
  await expect(page.getByText('Costs you $400.00: $100.00 over your limit; you still break even.')).toBeVisible();
  await page.getByLabel('Amount refunded').fill('600');
  await expect(page.getByText('Costs you $600.00: $300.00 over your limit; below break-even on this job.')).toBeVisible();

  await page.getByLabel('What the counter-offer costs you').fill('250');
  await expect(page.getByText('Costs you $250.00: within your limit of $300.00; you still break even.')).toBeVisible();
  await page.getByLabel('What the counter-offer costs you').fill('');

  await page.getByLabel('Off this invoice (%)').fill('10');
  await expect(page.getByText(/10% off this invoice costs you \$200\.00, now and for certain\. Costs you \$200\.00: within your limit/)).toBeVisible();
  await expect(nothing).toBeHidden();
  await expectNoAxeViolations(page, 'resolve with costs');
});

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('each drafted message is copied as shown, keeps your edits, and shows gaps for missing facts', { tag: '@dates' }, async ({ page }) => {
    test.setTimeout(90_000);
    const id = await newCase(page, 'Marisol Vega');
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copy = async (region) => {
      await region.getByRole('button', { name: 'Copy the message' }).click();
      await expect(region.getByRole('status')).toContainText('Copied.');
      return clipboard();
    };

    // First reply, on Reach out: asks for a call at the time set, defends nothing.
    await page.goto(`#/cases/${id}/reach-out`);
    const callDay = human(day(2));
    await page.getByLabel('When', { exact: true }).fill(day(2));
    await page.getByLabel('At what time').fill('at 10 in the morning');
    let region = page.getByRole('region', { name: 'Words to send: asking for a call' });
    let text = await copy(region);
    expect(text).toContain('Hello Marisol Vega,');
    expect(text).toContain(`Could we talk on ${callDay}, at 10 in the morning?`);
    expect(text).toContain('[your name]');
    await expect(region.getByRole('link', { name: 'Open in your email' })).toHaveAttribute('href', /^mailto:\?subject=Thank%20you%20for%20your%20message&body=Hello%20Marisol%20Vega/);

    // Your edit is kept with the case, through a reload, until you start again.
    const box = region.getByLabel('Message: First reply');
    await box.fill('Hello Marisol, my own words.');
    await expect(saveStatus(page)).toHaveText('Saved');
    await page.reload();
    await expect(box).toHaveValue('Hello Marisol, my own words.');
    expect(await copy(region)).toBe('Hello Marisol, my own words.');
    await region.getByRole('button', { name: 'Start again from the case' }).click();
    await expect(box).toHaveValue(new RegExp(`Could we talk on ${callDay}`));

    // The call got heated: logged, a pause, not personal, and the written follow-up.
    await page.goto(`#/cases/${id}/listen`);
    await page.getByLabel('What was said, in a line or two').fill('She hung up after five minutes.');
    await page.getByRole('button', { name: 'The call got heated' }).click();
    const support = page.locator('.support');
    await expect(support).toContainText('Step away before you reply');
    await expect(support).toContainText('A complaint is about the work, not about you.');
    text = await copy(support);
    expect(text).toContain('what would you feel is a fair way to resolve this?');
    expect(text).toContain('[the date of your next update]');
    await expect(page.getByRole('region', { name: 'Conversations with the client' })).toContainText('Got heated');
    await expectNoAxeViolations(page, 'heated call support');

    // After the call: the agreed resolution and the next update.
    await page.goto(`#/cases/${id}/follow-up`);
    await page.getByRole('button', { name: 'Add a check-in' }).click();
    region = page.getByRole('region', { name: 'Words to send: a check-in update' });
    text = await copy(region);
    expect(text).toMatch(/You will hear from me again by \w+ \d+, \d{4}/);
    await page.goto(`#/cases/${id}/resolve`);
    await page.getByLabel('The agreed resolution').fill('Four hours off the invoice.');
    region = page.getByRole('region', { name: 'Words to send: the summary after the call' });
    text = await copy(region);
    expect(text).toContain('What we agreed: Four hours off the invoice.');
    expect(text).toContain('[what concerned them, as they agreed it]');

    // Ending, from the Decide stage.
    await page.goto(`#/cases/${id}/decide`);
    await page.getByLabel('If you end it: someone who may suit them better').fill('Studio Norte');
    region = page.getByRole('region', { name: 'Words to send: ending the relationship' });
    text = await copy(region);
    expect(text).toContain('Studio Norte may be a good fit');
    await expect(page.getByText('A complaint is about the work, not about you.')).toBeVisible();

    // Home says when you last spoke.
    await open(page, '#/');
    await expect(page.locator('.case-row').filter({ hasText: 'Marisol Vega' })).toContainText('last spoke today');
  });
});
