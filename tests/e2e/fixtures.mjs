// Shared test fixtures. Every test is guarded: it fails on a console error, an uncaught
// exception, a Content-Security-Policy violation, or any request outside the app's origin.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

// The tests' clock. Every page runs on a fixed, installed clock (Playwright's `clock`), so no
// test depends on the day or the time zone it runs in: the browser's zone is fixed in
// playwright.config.mjs, and dates a test types or expects are derived from TODAY, never from
// the machine's clock. `MEND_CLOCK_SHIFT_DAYS` moves the whole clock (make clock-ahead runs the
// date-sensitive tests a year ahead, so a test that hides a date of its own fails at once).
const SHIFT_DAYS = Number(process.env.MEND_CLOCK_SHIFT_DAYS || 0);
const DAY_MS = 24 * 60 * 60 * 1000;
/** Today in the tests, as an ISO date: 1 December 2026 unless shifted. */
export const TODAY = new Date(Date.UTC(2026, 11, 1) + SHIFT_DAYS * DAY_MS).toISOString().slice(0, 10);
/** The moment every test's clock starts at: 15:00 UTC on TODAY, 10:00 in the browser's zone
 *  (America/New_York, set in playwright.config.mjs; 11:00 in its summer time). */
export const NOW = Date.parse(`${TODAY}T15:00:00Z`);

/** The ISO date `offset` days from TODAY (negative: before). */
export function day(offset) {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** A date as the app writes it for people in the tests' locale (en-US): "Dec 3, 2026". */
export function human(iso) {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

/** Starts a browser context's clock at NOW; it then runs on as usual. */
export async function installClock(context) {
  await context.clock.install({ time: NOW });
}

/** A second browser profile (another device), on the same fixed clock. */
export async function newContext(browser, options) {
  const context = await browser.newContext(options);
  await installClock(context);
  return context;
}

export const test = base.extend({
  // Every page's clock starts at NOW, before the first page of the context opens.
  context: async ({ context }, use) => {
    await installClock(context);
    await use(context);
  },

  // Console errors a test expects (e.g. a storage failure it provokes), as regexes.
  allowedErrors: [[], { option: true }],
  // Origins a test allows requests to besides the app's own (the sync server it configured).
  allowedOrigins: [[], { option: true }],

  guard: [
    async ({ page, baseURL, allowedErrors, allowedOrigins }, use) => {
      const problems = [];
      const origin = new URL(baseURL).origin;
      const allowed = (text) => allowedErrors.some((re) => re.test(text));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed(msg.text())) {
          problems.push(`console error: ${msg.text()}`);
        }
      });
      page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (['data:', 'blob:'].includes(url.protocol)) return;
        if (url.origin !== origin && !allowedOrigins.includes(url.origin)) problems.push(`request outside the origin: ${req.url()}`);
      });
      await page.exposeFunction('__reportCspViolation', (text) => {
        problems.push(`CSP violation: ${text}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, 'console errors, CSP violations or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** Fails with a readable list when axe-core finds any violation on the page as it is now. */
export async function expectNoAxeViolations(page, label = '') {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe-core violations ${label}`).toEqual([]);
}

/** Opens a screen by its fragment and waits for the app to render its main heading (not the
 *  first screen the page itself carries for a new visitor, whose buttons do nothing yet). */
export async function open(page, fragment) {
  await page.goto(fragment);
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
}

/** The header's save status (the header also says when the browser is offline). */
export function saveStatus(page) {
  return page.getByRole('banner').getByRole('status').filter({ hasNotText: 'Offline' });
}

/** Every `mend:` key and value in localStorage. */
export async function storedRecords(page, prefix = 'mend:') {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) out[key] = localStorage.getItem(key);
    }
    return out;
  }, prefix);
}

/** Creates a case through the app and names its client; waits until it is saved. */
export async function newCase(page, client) {
  await open(page, '#/cases/new');
  await expect(page).toHaveURL(/#\/cases\/[A-Za-z0-9_-]{16}\/start$/);
  await page.getByLabel("Client's name").fill(client);
  await expect(saveStatus(page)).toHaveText('Saved');
  return page.url().match(/#\/cases\/([A-Za-z0-9_-]{16})\//)[1];
}

/**
 * Fails unless the focused element shows a focus ring (its own outline, or its label's for a
 * radio or checkbox drawn inside a label) and is on screen: what a keyboard user must see.
 */
export async function expectVisibleFocus(page) {
  const problem = await page.evaluate(() => {
    const el = document.activeElement;
    // Tab past the last control leaves the page for the browser's own UI, then comes back.
    if (!el || el === document.body) return null;
    const ring = (node) => {
      const s = getComputedStyle(node);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    };
    const label = el.closest('label');
    if (!ring(el) && !(label && ring(label))) {
      return `no focus ring on ${el.outerHTML.slice(0, 120)}`;
    }
    const box = (label && !ring(el) ? label : el).getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) {
      return `focused element is off screen: ${el.outerHTML.slice(0, 120)}`;
    }
    return null;
  });
  expect(problem, 'visible focus').toBeNull();
}

/**
 * Presses Tab (or Shift+Tab) until `locator` has focus, as a keyboard user would, checking at
 * every stop that the focus can be seen.
 */
export async function tabTo(page, locator, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
  }
  throw new Error(`could not reach ${locator} with the keyboard`);
}

/** Types into the field with this label, reached by Tab. */
export async function typeInto(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Chooses an option of a radio group by keyboard: arrow keys select as they move. */
export async function chooseRadio(page, group, option) {
  const radios = page.getByRole('group', { name: group }).getByRole('radio');
  const radio = page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true });
  await tabTo(page, radios.first());
  for (let i = 0; i < 8 && !(await radio.isChecked()); i++) await page.keyboard.press('ArrowRight');
  await expect(radio).toBeChecked();
}
