import { ValidationError } from './errors.js';

export const DAY_MS = 86_400_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new ValidationError(
      field,
      `${field} "${value}" is not a date; use YYYY-MM-DD or an ISO-8601 time.`,
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
