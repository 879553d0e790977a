// The reading in a real browser, situation by situation, from "New case" to the call script
// and the drafts: no verdict until the client is heard, then by validity first. Six of the
// decision model's situations (src/model/counsel/situations.rs), with the words a user reads.
import { test, expect, open, saveStatus, newCase, day, NOW } from './fixtures.mjs';

/** Earlier cases of one client, stored as an earlier build of Mend would have left them. */
async function seedHistory(page, client, cases) {
  await page.addInitScript(
    ([client, cases, now]) => {
      if (localStorage.getItem('mend-history-seeded')) return;
      localStorage.setItem('mend-history-seeded', '1');
      cases.forEach((data, i) => {
        const id = `earlier${String(i).padStart(9, '0')}`;
        const record = { kind: 'case', id, v: 4, created: now, updated: now, data: { client: { name: client }, ...data } };
        localStorage.setItem(`mend:case:${id}`, JSON.stringify(record));
      });
    },
    [client, cases, NOW],
  );
}

/** The five-minute start, as a new user fills it in; the reading must wait for the client. */
async function start(page, s) {
  const id = await newCase(page, s.client);
  await page.getByRole('group', { name: 'How it came in' }).getByLabel(s.channel, { exact: true }).check();
  await page.getByLabel('What is disputed').fill(s.disputed);
  for (const [label, value] of [
    ['Amount in dispute', s.amount],
    ['Price invoiced', s.invoiced],
    ['Hours spent on the job', s.hours],
    ['What an hour of your time is worth', '100'],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  const reading = page.locator('.reading');
  await expect(reading).toContainText('Hear them out first');
  await expect(reading).not.toContainText(/Offer up to|Stand firm|put it right|Consider ending/);
  await expect(saveStatus(page)).toHaveText('Saved');
  return id;
}

/** Heard: the client confirmed the restatement; your side and good faith; then validity. */
async function hear(page, id, s) {
  await page.goto(`#/cases/${id}/restate`);
  await page.getByLabel('In your own words, the concern is…').fill(s.restated);
  await page.getByRole('button', { name: "The client confirmed: that's right" }).click();
  await expect(page.getByText('The client said you have understood')).toBeVisible();
  await page.goto(`#/cases/${id}/diagnose`);
  await page.getByLabel('Your side of the story').fill(s.ourSide);
  await page.getByRole('group', { name: 'Good faith, or taking advantage?' }).getByLabel(s.faith, { exact: true }).check();
  if (s.future) {
    await page.goto(`#/cases/${id}/numbers`);
    await page.getByLabel('Work you expect from them in future', { exact: true }).fill(s.future);
  }
  await page.goto(`#/cases/${id}/resolve`);
  const reading = page.locator('.reading');
  await expect(reading).toContainText('Hear them out first');
  await expect(reading).toContainText('whether the concern is valid');
  await page.getByRole('group', { name: 'Is the concern valid?' }).getByLabel(s.valid, { exact: true }).check();
  await expect(saveStatus(page)).toHaveText('Saved');
  return reading;
}

async function scriptText(page, id) {
  await open(page, `#/print/script/${id}`);
  return page.locator('.script').innerText();
}

async function draftText(page, id, stage, title) {
  await page.goto(`#/cases/${id}/${stage}`);
  return page.getByLabel(`Message: ${title}`).inputValue();
}

test('a valid complaint on a small job: the fix with a thank-you; the phone complaint is not thanked for writing', async ({ page }) => {
  const s = {
    client: 'Rosa Delgado', channel: 'Phone call', disputed: 'The new tap still drips.', amount: '150', invoiced: '400', hours: '3',
    restated: 'The tap I fitted still drips, so the job is not done', ourSide: 'The washer I used was the wrong size.', faith: 'Acting in good faith', valid: 'Yes',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('They are right: put it right');
  await expect(reading).toContainText('Add a small thank-you');
  await expect(reading).not.toContainText('refer');
  const script = await scriptText(page, id);
  expect(script).toContain('“You are right, and I am sorry. I want to put it right.”');
  expect(script).toContain('A thank-you');
  expect(script).toContain('the job is not done. Is that it?');
  expect(script).not.toContain('misunderstanding');
  const first = await draftText(page, id, 'reach-out', 'First reply');
  expect(first).toContain('when we spoke');
  expect(first).not.toContain('writing to me');
});

test('not valid, in good faith, with much future work: explain and a peace offering, not the amount', async ({ page }) => {
  const s = {
    client: 'Mateo Ruiz', channel: 'Email', disputed: 'Says six hours were not agreed.', amount: '600', invoiced: '2000', hours: '15', future: '10000',
    restated: 'You feel the six hours of revisions were never agreed', ourSide: 'You approved the revisions by email on 3 March.', faith: 'Acting in good faith', valid: 'No',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Explain, and make a peace offering');
  await expect(reading).toContainText('10% off this invoice ($200.00), or 20% off their next job');
  await expect(reading).toContainText('within the suggested limit of $500.00');
  await expect(reading).toContainText('$2,500.00');
  await expect(reading).not.toContainText('Offer up to $600.00');
  const script = await scriptText(page, id);
  expect(script).toContain('“I am sorry there has been a misunderstanding.”');
  expect(script).toContain('You approved the revisions by email on 3 March.');
  expect(script).toContain('[set it on Resolve] Suggested: A peace offering');
  expect(script).not.toContain('You are right');
  const first = await draftText(page, id, 'reach-out', 'First reply');
  expect(first).toContain('Thank you for writing to me');
});

test('a first claim in bad faith: firm and courteous, no gesture in the script', async ({ page }) => {
  const s = {
    client: 'Lee Brandt', channel: 'Email', disputed: 'Wants the whole order free after using it.', amount: '200', invoiced: '2000', hours: '15',
    restated: 'You want the order refunded because it arrived a day late', ourSide: 'It arrived on the agreed day; the courier record shows it.', faith: 'Trying to take advantage', valid: 'No',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Stand firm, politely');
  await expect(reading).toContainText('Offer nothing beyond what you owe them');
  const script = await scriptText(page, id);
  expect(script).toContain('the invoice stands as it is');
  expect(script).toContain('the courier record shows it');
  expect(script).not.toContain('A peace offering');
  expect(script).not.toContain('What would make it right?');
});

test('partly valid on a large job: the fair part as a pro-rated payment', async ({ page }) => {
  const s = {
    client: 'Northwind Advisory', channel: 'Letter', disputed: 'The second report was late and thin.', amount: '4000', invoiced: '9000', hours: '60',
    restated: 'The second report came late and left out the market figures', ourSide: 'The figures were late from their own team.', faith: 'Acting in good faith', valid: 'Partly',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Put right the part that is fair');
  await expect(reading).toContainText('pro-rated');
  const script = await scriptText(page, id);
  expect(script).toContain('Own the fair part');
  expect(script).toContain('A fair payment');
});

test('a third complaint from the same client, judged valid: still fixed, never "consider ending"', async ({ page }) => {
  await seedHistory(page, 'Dana Whitfield', [
    { received: day(-300), diagnose: { good_faith: 'taking_advantage' }, decide: { outcome: 'stood_firm' } },
    { received: day(-120), decide: { outcome: 'resolved_with_concession', concession: 30000 } },
  ]);
  const s = {
    client: 'Dana Whitfield', channel: 'Email', disputed: 'The logo files were the wrong format.', amount: '300', invoiced: '2000', hours: '15',
    restated: 'The files I sent will not open in your print software', ourSide: 'I sent PNGs; the brief asked for vectors.', faith: 'Acting in good faith', valid: 'Yes',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('They are right: put it right');
  await expect(reading).toContainText('Their history or motives do not change that');
  await expect(reading).not.toContainText('Consider ending');
});

test('taking advantage again: consider ending, and the ending letter offers no refund and states none nobody agreed', async ({ page }) => {
  await seedHistory(page, 'Ivo Marsh', [
    { received: day(-200), diagnose: { good_faith: 'taking_advantage' }, decide: { outcome: 'stood_firm', concession: 25000 } },
  ]);
  const s = {
    client: 'Ivo Marsh', channel: 'Email', disputed: 'Wants the second month free again.', amount: '500', invoiced: '2000', hours: '15',
    restated: 'You want this month free because a report was a day late', ourSide: 'The report was on time, as the delivery log shows.', faith: 'Trying to take advantage', valid: 'No',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Consider ending the relationship, on your terms');
  await expect(reading).toContainText('taking advantage on 2 of their cases');
  const script = await scriptText(page, id);
  expect(script).toContain('I am not the right person to keep working with you.');
  expect(script).not.toContain('A peace offering');

  // What the case ended up costing is not a refund anyone agreed to.
  await page.goto(`#/cases/${id}/decide`);
  await page.getByRole('group', { name: 'How did it end?' }).getByLabel('Ended the relationship', { exact: true }).check();
  await page.getByLabel('What the resolution cost you').fill('450');
  const ending = page.getByLabel('Message: Ending the relationship');
  await expect(ending).toHaveValue(/\[what the agreement says is owed\]/);
  await expect(ending).not.toHaveValue(/\$450|refund/);
});

// Issue 27's situations in the browser: the words a user reads.
test('not sure yet whether they are right: no verdict, and what would settle it, in the reading and the script', async ({ page }) => {
  const s = {
    client: 'Jonas Berg', channel: 'Email', disputed: 'Says the site was down for two days.', amount: '400', invoiced: '2000', hours: '15',
    restated: 'The site was down for two days in launch week, and nobody told them', ourSide: 'Not checked yet: the host may have had an outage.', faith: 'Acting in good faith', valid: 'Not sure yet',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Hear them out first');
  await expect(reading).toContainText('You are not sure yet whether they are right, so no verdict');
  await expect(reading).toContainText('Check your side: the quote or agreement');
  await expect(reading).toContainText('what did you expect in the first place');
  await expect(reading).not.toContainText(/Offer up to|Stand firm|They are right|Meet them/);
  const script = await scriptText(page, id);
  expect(script).toContain('If they are right');
  expect(script).toContain('If you disagree');
});

test('a claim above the price is said, and the frame counts the price, not the claim', async ({ page }) => {
  const s = {
    client: 'Mira Osei', channel: 'Email', disputed: 'Wants back more than the job cost, for lost sales.', amount: '3000', invoiced: '2000', hours: '15',
  };
  await start(page, s);
  const reading = page.locator('.reading');
  await expect(reading).toContainText('They ask for $3,000.00, more than the $2,000.00 the job was invoiced at');
  await expect(reading).toContainText('the figures here count $2,000.00');
  await expect(reading).not.toContainText('$3,000.00 in dispute');
});

test('others may feel the same: the reading turns to the other clients, and Prevent opens with them', async ({ page }) => {
  const s = {
    client: 'Ola Nowak', channel: 'Email', disputed: 'The booking form loses the date.', amount: '300', invoiced: '2000', hours: '15',
    restated: 'The booking form you built drops the date they choose', ourSide: 'A bug in the form, in every site built from that template.', faith: 'Acting in good faith', valid: 'Yes',
  };
  const id = await start(page, s);
  await page.goto(`#/cases/${id}/diagnose`);
  await page.getByRole('group', { name: 'A one-off, or something to fix for everyone?' }).getByLabel('Others may feel the same', { exact: true }).check();
  await expect(saveStatus(page)).toHaveText('Saved');
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('look at your other clients of the same work, and put it right for all of them');
  await page.goto(`#/cases/${id}/prevent`);
  await expect(page.getByText('Others who had the same work may feel the same. Start there')).toBeVisible();
});

test('money already given back comes off the limit, and the reading says what is left', async ({ page }) => {
  const s = {
    client: 'Tomas Lind', channel: 'Email', disputed: 'Wants more off after the first refund.', amount: '300', invoiced: '2000', hours: '15',
    restated: 'The report was late, and the first refund did not make up for it', ourSide: 'The report was on time by the agreed date.', faith: 'Acting in good faith', valid: 'No',
  };
  const id = await start(page, s);
  await page.goto(`#/cases/${id}/numbers`);
  await page.getByLabel('The most you will concede', { exact: true }).fill('300');
  await page.getByLabel('Already given back on this dispute', { exact: true }).fill('250');
  await page.getByLabel('Time already spent on it', { exact: true }).fill('2');
  await expect(saveStatus(page)).toHaveText('Saved');
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('$250.00 of your limit of $300.00 already given: $50.00 is left.');
  await expect(reading).toContainText('2% off this invoice');
});

test('two offers turned down, with a clause in the agreement: the reading lists them and names mediation with its dates', async ({ page }) => {
  await open(page, '#/clause');
  await page.getByRole('button', { name: 'New clause' }).click();
  await page.getByLabel('Name for this clause').fill('Web projects');
  await page.getByLabel('Your business').fill('Jordan Reyes Studio');
  await expect(saveStatus(page)).toHaveText('Saved');
  const s = {
    client: 'Pia Sand', channel: 'Email', disputed: 'Wants $800 back for a redesign she says missed the brief.', amount: '800', invoiced: '2000', hours: '15',
    restated: 'The redesign did not follow the brief she sent, so she wants $800 back', ourSide: 'The brief was followed; she changed her mind on the colours afterwards.', faith: 'Acting in good faith', valid: 'No', future: '20000',
  };
  const id = await start(page, s);
  const reading = await hear(page, id, s);
  const widget = page.getByRole('region', { name: 'If you cannot agree: the mediation clause' });
  await widget.getByLabel('Which clause in your agreement applies?').selectOption({ label: 'Web projects' });
  await widget.getByLabel('The day the dispute was raised in writing').fill('2026-12-01');
  for (const [i, kind, label, amount] of [[0, 'Reduce the invoice by an amount', 'Reduce the invoice by', '150'], [1, 'Partial refund', 'Amount refunded', '250']]) {
    await page.getByLabel('Add an option').selectOption({ label: kind });
    await page.getByRole('button', { name: 'Add option' }).click();
    const option = page.locator('li.option').nth(i);
    await option.getByLabel(label).fill(amount);
    await option.getByLabel('Offer this to the client').check();
    await expect(reading).not.toContainText('its next step is mediation');
    await option.getByLabel('They turned it down').check();
  }
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(reading).toContainText('Turned down so far: “We take $150.00 off the invoice”; “A refund of $250.00”.');
  await expect(reading).toContainText('Seek a pro-rated or agreed payment');
  await expect(reading).toContainText('its next step is mediation');
  await expect(reading).toContainText('You may start mediation from Dec 31, 2026');
  await expect(reading).toContainText('Agree a mediator by, or CEDR appoints one: Jan 14, 2027');
  await page.reload();
  await expect(page.locator('li.option').nth(1).getByLabel('They turned it down')).toBeChecked();
  const script = await scriptText(page, id);
  expect(script).not.toContain('Turned down so far');
});

test('a redo and no money, from an angry client who wants email: costed in hours, the script calms first, the reply asks for no call', async ({ page }) => {
  const s = {
    client: 'Ravi Menon', channel: 'Email', disputed: 'The menu photos came out too dark; he wants them reshot, not money back.', amount: '', invoiced: '2000', hours: '15',
    restated: 'The photos are too dark to use on the menu, and he wants them reshot', ourSide: 'The light was poor that day; the edit could have been brighter.', faith: 'Acting in good faith', valid: 'Yes',
  };
  const id = await start(page, s);
  await page.getByRole('group', { name: 'What they ask for' }).getByLabel('The work redone or fixed').check();
  await page.goto(`#/cases/${id}/listen`);
  await page.getByRole('group', { name: 'How are they?' }).getByLabel('Angry').check();
  await page.goto(`#/cases/${id}/reach-out`);
  await page.getByRole('group', { name: 'How you will reach out' }).getByLabel('Email', { exact: true }).check();
  await expect(page.getByText('Write when a call has not worked, or when they asked to be reached only in writing')).toBeVisible();
  const first = await draftText(page, id, 'reach-out', 'First reply');
  expect(first).toContain('Could you tell me what happened as you see it');
  await page.goto(`#/cases/${id}/start`);
  await expect(page.getByRole('region', { name: 'It came in writing: you answer in writing' })).toBeVisible();
  expect(first).not.toMatch(/talk|call/);
  const reading = await hear(page, id, s);
  await expect(reading).toContainText('Hours the redo would take');
  await expect(reading).not.toContainText('The amount in dispute');
  await page.getByLabel('Add an option').selectOption({ label: 'Redo the work, free' });
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByLabel('Hours to redo it').fill('3');
  await expect(reading).toContainText('They ask for the work to be redone, not money. The redo takes about 3 hours, worth $300.00 of your time, within the $500.00 you can give and still break even.');
  await expect(reading).toContainText('Offer to redo or fix it at no charge, as they ask.');
  await expect(saveStatus(page)).toHaveText('Saved');
  const script = await scriptText(page, id);
  expect(script.indexOf('If it gets heated')).toBeGreaterThanOrEqual(0);
  expect(script.indexOf('If it gets heated')).toBeLessThan(script.indexOf('Calm, and acknowledge'));
  expect(script).toContain('I can hear how angry this has made you');
});

test('a public review: a short public reply that takes it private, and a separate first reply to them', async ({ page }) => {
  const id = await newCase(page, 'Lena Fischer');
  await page.getByRole('group', { name: 'How it came in' }).getByLabel('Public review', { exact: true }).check();
  const reply = page.getByLabel('Message: Public reply to the review');
  await expect(reply).toHaveValue(/I would like to understand what happened and put it right, so I am contacting you directly\./);
  expect(await reply.inputValue()).not.toMatch(/invoice|refund|\$|misunderstanding/);
  await expect(page.getByLabel('Message: First reply', { exact: true })).toHaveValue(/Thank you for taking the time to tell me how you felt\./);
  await page.goto(`#/cases/${id}/reach-out`);
  await expect(page.getByLabel('Message: Public reply to the review')).toBeVisible();
});
