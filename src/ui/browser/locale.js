// The user's own conventions for amounts, dates and times, from the browser's Intl
// (read by locale.rs). Amounts follow the browser's locale in full: symbols and digits, no
// words. Dates and months use English words where the browser reads English ("Dec 4, 2026",
// "4 Dec 2026"); in any other language they are all digits in that locale's order
// ("04.12.2026"), so no foreign word lands in the app's English sentences. Every moment is
// read in UTC: the Rust side has already worked out the local day and time.
const english = /^en\b/i.test(navigator.language || 'en');
const utc = (options) => {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  } catch {
    return null;
  }
};
const dates = utc(english ? { dateStyle: 'medium' } : { day: '2-digit', month: '2-digit', year: 'numeric' });
const months = utc(english ? { month: 'short', year: 'numeric' } : { month: '2-digit', year: 'numeric' });
const times = utc({ hour: 'numeric', minute: '2-digit' });
const currencies = new Map();
let mark;
try {
  mark = new Intl.NumberFormat().formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
} catch {
  mark = undefined;
}

/** The mark the user writes before decimals ("." or ","). */
export const decimalMark = () => mark;

/** An exact decimal ("1200.50") in `code`, with `digits` decimals; undefined if Intl refuses. */
export function formatMoney(decimal, code, digits) {
  try {
    let format = currencies.get(code);
    if (!format) {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: code,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      currencies.set(code, format);
    }
    return format.format(decimal);
  } catch {
    return undefined;
  }
}

export const formatDate = (ms) => dates?.format(ms);
export const formatMonth = (ms) => months?.format(ms);
export const formatTime = (ms) => times?.format(ms);
