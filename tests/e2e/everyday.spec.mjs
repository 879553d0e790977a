// Everyday fit: amounts and dates in the browser's own conventions (en-US, en-GB, de-DE) on
// Home, a case and Trends; check-ins and clause dates saved as calendar files that parse back
// with the right days, across a change of the clocks; drafts and the call script handed to the
// device's share sheet where it has one, and copied everywhere.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { test, expect, open, expectNoAxeViolations, day, NOW, TODAY } from './fixtures.mjs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// How a user of each locale writes a day and an amount of euros, written out by hand (not
// asked of Intl, which is what the app uses).
const LOCALES = {
  'en-US': { date: (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`, money: ['€1,200.50', '€300.00'] },
  'en-GB': { date: (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`, money: ['€1,200.50', '€300.00'] },
  'de-DE': {
    date: (y, m, d) => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
    money: ['1.200,50 €', '300,00 €'],
  },
};

function written(locale, iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return LOCALES[locale].date(y, m, d);
}

/** Text as shown, where the space may be a no-break space. */
const shown = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

const record = (kind, id, data, v) => [`mend:${kind}:${id}`, { kind, id, v, created: NOW, updated: NOW, data }];

/** An open case in euros with an overdue and a later check-in and a clause; a closed one. */
function cases() {
  return [
    record('case', 'c1', {
      client: { name: 'Priya Natarajan', company: '', contact: '' },
      received: day(-3),
      currency: 'EUR',
      amount: 120050,
      disputed: 'The logo',
      follow_up: [
        { due: day(-1), note: 'Ask about the refund', done: false },
        { due: day(6), note: 'See the new files are right; "draft 2", v3\\final', done: false },
      ],
      clause: { id: 'k1', raised: day(-2) },
    }, 4),
    record('case', 'c2', {
      client: { name: 'Okafor & Sons', company: '', contact: '' },
      received: day(-60),
      currency: 'EUR',
      decide: { outcome: 'resolved_with_concession', closed_on: day(-40), concession: 30000 },
    }, 4),
    record('clause', 'k1', { title: 'Studio agreement' }, 1),
  ];
}

async function seed(page, records = cases()) {
  await page.addInitScript((records) => {
    if (localStorage.getItem('mend-seeded')) return;
    localStorage.setItem('mend-seeded', '1');
    for (const [key, value] of records) localStorage.setItem(key, JSON.stringify(value));
  }, records);
}

for (const locale of Object.keys(LOCALES)) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test(`amounts and dates read the ${locale} way on Home, a case and Trends`, { tag: '@dates' }, async ({ page }) => {
      const [amount, concession] = LOCALES[locale].money;
      await seed(page);
      await open(page, '#/');
      const overdue = page.getByRole('region', { name: 'Check-ins overdue' });
      await expect(overdue).toContainText(`due ${written(locale, day(-1))}: Ask about the refund`);
      await expect(page.getByRole('region', { name: 'Open cases' })).toContainText(`arrived ${written(locale, day(-3))}`);

      await open(page, '#/cases/c1/summary');
      const answers = page.getByRole('definition');
      await expect(answers.filter({ hasText: shown(amount) }).first()).toBeVisible();
      await expect(answers.filter({ hasText: written(locale, day(-3)) }).first()).toBeVisible();

      await open(page, '#/trends');
      await expect(page.getByRole('region', { name: 'In figures' })).toContainText(shown(`Concessions given${concession}`));
    });
  });
}

test.describe('in de-DE', () => {
  test.use({ locale: 'de-DE' });

  test('an amount typed the German way is read the German way', async ({ page }) => {
    await seed(page);
    await open(page, '#/cases/c1/case');
    const amount = page.getByLabel('Amount in dispute');
    await amount.fill('1.200');
    await amount.blur();
    await open(page, '#/cases/c1/summary');
    await expect(page.getByRole('definition').filter({ hasText: shown('1.200,00 €') }).first()).toBeVisible();
    await open(page, '#/cases/c1/case');
    await page.getByLabel('Amount in dispute').fill('1,250');
    await expect(page.getByText('Use at most 2 digits after the decimal point.')).toBeVisible();
  });
});

/** The next change of the clocks after TODAY in the zone: the US's second Sunday of March,
 *  or the EU's last Sunday of March. */
function clocksChange(zone) {
  const year = Number(TODAY.slice(0, 4)) + 1;
  const sunday = (d) => (7 - new Date(Date.UTC(year, 2, d)).getUTCDay()) % 7;
  const day = zone === 'America/New_York' ? 8 + sunday(8) : 25 + sunday(25);
  return `${year}-03-${String(day).padStart(2, '0')}`;
}

/** Presses a button that saves a calendar file; returns its name, text and parsed events. */
async function calendarFile(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => ({
    uid: e.getFirstPropertyValue('uid'),
    start: e.getFirstPropertyValue('dtstart').toString(),
    allDay: e.getFirstPropertyValue('dtstart').isDate,
    summary: e.getFirstPropertyValue('summary'),
    description: e.getFirstPropertyValue('description'),
    alarm: e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger').toString(),
  }));
  return { name: download.suggestedFilename(), text, events };
}

for (const zone of ['America/New_York', 'Europe/Berlin']) {
  test.describe(`with the clock in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test('a check-in on the day the clocks change, the clause dates and all upcoming parse back with their days', { tag: '@dates' }, async ({ page }) => {
      const change = clocksChange(zone);
      const records = cases();
      records[0][1].data.follow_up.push({ due: change, note: 'Clocks change today', done: false });
      await seed(page, records);

      // One check-in, from its row on Follow up.
      await open(page, '#/cases/c1/follow-up');
      const file = await calendarFile(page, page.getByRole('button', { name: 'Add to calendar: check-in 3' }));
      expect(file.name).toBe(`mend-check-in-${change}.ics`);
      expect(file.events).toEqual([
        {
          uid: 'c1-check-in-2@mend',
          start: change,
          allDay: true,
          summary: 'Check in: Priya Natarajan',
          description: expect.stringContaining('Your note: Clocks change today'),
          alarm: '-PT15H',
        },
      ]);
      expect(file.events[0].description).toContain('#/cases/c1/follow-up');
      // Made now, by the page's clock (which starts at NOW and runs on), in UTC.
      const [, y, mo, d, h, mi, sec] = file.text.match(/\r\nDTSTAMP:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\r\n/);
      const stamp = Date.UTC(y, mo - 1, d, h, mi, sec);
      expect(stamp - NOW).toBeGreaterThanOrEqual(0);
      expect(stamp - NOW).toBeLessThan(5 * 60_000);
      await expect(page.getByRole('status').filter({ hasText: 'Saved mend-check-in' })).toContainText('Open it to add the date to your calendar');

      // The clause's dates still ahead, from Resolve: the days the page lists.
      await open(page, '#/cases/c1/resolve');
      const clause = await calendarFile(page, page.getByRole('button', { name: 'Add these dates to calendar' }));
      expect(clause.events.length).toBeGreaterThan(0);
      const listed = page.locator('ul.deadlines');
      for (const e of clause.events) {
        expect(e.start >= TODAY).toBe(true);
        expect(e.summary).toMatch(/^Priya Natarajan: /);
        expect(e.description).toContain('#/cases/c1/resolve');
        await expect(listed).toContainText(new Date(`${e.start}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
      }

      // Everything ahead, from Home: not the overdue check-in, not the closed case.
      await open(page, '#/');
      const all = await calendarFile(page, page.getByRole('region', { name: 'Open cases' }).getByRole('button', { name: 'Add all upcoming to calendar' }));
      expect(all.name).toBe(`mend-upcoming-${TODAY}.ics`);
      const starts = all.events.map((e) => e.start);
      expect(starts).toEqual([...starts].sort());
      expect(all.events.map((e) => e.uid)).toEqual(expect.arrayContaining(['c1-check-in-1@mend', 'c1-check-in-2@mend']));
      expect(all.events.map((e) => e.uid)).not.toContain('c1-check-in-0@mend');
      expect(all.events.length).toBe(2 + clause.events.length);
      // The user's own words come back whole, quotes, comma, semicolon-free backslash and all.
      expect(all.events.find((e) => e.uid === 'c1-check-in-1@mend').description).toContain('Your note: See the new files are right; "draft 2", v3\\final');
      for (const line of all.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    });
  });
}

test('a check-in without a date asks for one, and nothing is downloaded', async ({ page }) => {
  const records = cases();
  records[0][1].data.follow_up = [{ due: null, note: '', done: false }];
  await seed(page, records);
  await open(page, '#/cases/c1/follow-up');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Add to calendar: check-in 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Give this check-in a date first.' })).toBeVisible();
  expect(downloads).toBe(0);
});

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('without a share sheet: no Share button, and Copy works on a draft and on the call script', async ({ page }) => {
    await seed(page);
    await open(page, '#/cases/c1/follow-up');
    const draft = page.getByRole('region', { name: 'Words to send: a check-in update' });
    await expect(draft.getByRole('button', { name: 'Copy the message' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
    await draft.getByRole('button', { name: 'Copy the message' }).click();
    await expect(draft.getByRole('status')).toContainText('Copied.');

    await open(page, '#/print/script/c1');
    await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Copy the script' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^1\. Calm, and acknowledge\n/);
    expect(copied).toContain('Priya');
  });
});

test('with a share sheet: Share… hands the draft and the call script to it; closing the sheet says nothing', async ({ page }) => {
  await page.addInitScript(() => {
    window.shared = [];
    navigator.share = async (data) => {
      if (window.cancelNext) {
        window.cancelNext = false;
        throw new DOMException('Share canceled', 'AbortError');
      }
      window.shared.push(data);
    };
  });
  await seed(page);
  await open(page, '#/cases/c1/follow-up');
  const draft = page.getByRole('region', { name: 'Words to send: a check-in update' });
  const body = await draft.getByRole('textbox').inputValue();
  await draft.getByRole('button', { name: 'Share…' }).click();
  await expect(draft.getByRole('status')).toHaveText('Handed to the app you chose. Read it once more there before you send it.');
  const [sent] = await page.evaluate(() => window.shared);
  expect(sent.text).toBe(body);
  expect(sent.title).toMatch(/\S/);

  await page.evaluate(() => (window.cancelNext = true));
  await draft.getByRole('button', { name: 'Share…' }).click();
  await expect(draft.getByRole('status')).toHaveText('');
  await expectNoAxeViolations(page, 'follow up with share');

  await open(page, '#/print/script/c1');
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Handed to the app' })).toBeVisible();
  const script = await page.evaluate(() => window.shared.at(-1));
  expect(script.title).toBe('Call script: Priya Natarajan');
  expect(script.text).toMatch(/^1\. Calm, and acknowledge\n/);
});
