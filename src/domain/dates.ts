import { ValidationError } from './errors.js';

export const DAY_MS = 86_400_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only full ISO-8601 times: Date.parse alone reads "0" as 2000-01-01 and "03/12/2026" month-first.
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Every form a date input accepts, for the message that refuses anything else. */
export const DATE_FORMS =
  'YYYY-MM-DD (e.g. 2026-03-14), today, yesterday, "N days ago", -Nd (e.g. -3d) or "last monday" … "last sunday"';

/**
 * The one reading of a typed date, for every date input: a relative form becomes the day it
 * names as seen from `now` (UTC); a day or a full ISO time is checked and kept; anything else
 * is refused listing the accepted forms.
 */
export function readDate(value: string, now: Date, field = 'date'): string {
  const raw = value.trim();
  if (DAY_RE.test(raw)) return toDay(parseDay(raw, field));
  if (ISO_TIME_RE.test(raw)) return parseInstant(raw, field);
  const text = raw.toLowerCase().replace(/\s+/g, ' ');
  const today = startOfDayUtc(now).getTime();
  const back = (days: number): string => toDay(new Date(today - days * DAY_MS));
  if (text === 'today') return back(0);
  if (text === 'yesterday') return back(1);
  const ago = /^(\d{1,5}) days? ago$/.exec(text) ?? /^-(\d{1,5})d$/.exec(text);
  if (ago) return back(Number(ago[1]));
  const last = /^last ([a-z]+)$/.exec(text);
  const weekday = last ? WEEKDAYS.indexOf(last[1] ?? '') : -1;
  if (weekday >= 0) return back((new Date(today).getUTCDay() - weekday + 7) % 7 || 7);
  throw new ValidationError(field, `${field} "${value}" is not a date; use ${DATE_FORMS}.`);
}

/** Parses a calendar day (YYYY-MM-DD) as midnight UTC; rejects impossible dates like 2026-02-30. */
export function parseDay(value: string, field = 'date'): Date {
  const m = DAY_RE.exec(value.trim());
  if (!m)
    throw new ValidationError(field, `${field} "${value}" is not a date; use YYYY-MM-DD, e.g. 2026-03-14.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ValidationError(field, `${field} "${value}" is not a real calendar day.`);
  }
  return date;
}

/** Parses a day or a full ISO-8601 timestamp into an ISO string in UTC. */
export function parseInstant(value: string, field = 'date'): string {
  if (DAY_RE.test(value.trim())) return parseDay(value, field).toISOString();
  const t = ISO_TIME_RE.test(value.trim()) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) {
    throw new ValidationError(
      field,
      `${field} "${value}" is not a date; use YYYY-MM-DD or an ISO-8601 time (2026-03-14T09:30:00Z).`,
    );
  }
  return new Date(t).toISOString();
}

/**
 * A past-or-present instant for a logged event. A bare day means that day; "today" is allowed
 * even though midnight has passed, but a day after `now` is refused.
 */
export function pastInstant(value: string | undefined, now: Date, field = 'date'): string {
  if (value === undefined) return now.toISOString();
  const iso = parseInstant(value, field);
  const todayEnd = startOfDayUtc(now).getTime() + DAY_MS;
  if (Date.parse(iso) >= todayEnd) {
    throw new ValidationError(
      field,
      `${field} ${value} is in the future (today is ${toDay(now)}); log only what has happened.`,
    );
  }
  // A bare day equal to today is stored as now so ordering within today stays natural.
  if (toDay(new Date(iso)) === toDay(now) && DAY_RE.test(value.trim())) return now.toISOString();
  return iso;
}

function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const toDay = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);

/** Whole days from `from` to `to` (floor), both instants. */
export const daysBetween = (from: Date | string, to: Date | string): number =>
  Math.floor((toMs(to) - toMs(from)) / DAY_MS);

const toMs = (d: Date | string): number => (typeof d === 'string' ? Date.parse(d) : d.getTime());
