import { quote } from './errors.js';

/**
 * Caps that keep one calendar entry from hanging or flooding an import; the README states them.
 * ical.js walks a `FREQ=DAILY;INTERVAL=999999999` rule day by day and a
 * `DURATION:P999999999999999999W` week by week, so both are refused before it sees them.
 */
export const CALENDAR_LIMITS = {
  /** Steps through a recurring event's occurrences, from its first, before the window ends. */
  steps: 100_000,
  /** Occurrences of one recurring event taken as meetings (27 years of a daily meeting). */
  occurrences: 10_000,
  /** INTERVAL of a recurrence rule. */
  interval: 1000,
  /** How long one event or one RDATE period may last. */
  durationDays: 366,
} as const;

const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DATE_PROPS = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);

/** A property line of an event, split just enough to check it: name, parameters text, value. */
export interface RawProperty {
  name: string;
  params: string;
  value: string;
}

export function rawProperty(line: string): RawProperty | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      const head = line.slice(0, i);
      const semi = head.indexOf(';');
      return {
        name: (semi < 0 ? head : head.slice(0, semi)).trim().toUpperCase(),
        params: semi < 0 ? '' : head.slice(semi + 1).toUpperCase(),
        value: line.slice(i + 1).trim(),
      };
    }
  }
  return null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * What is wrong with one date or date-time value, or null. ical.js moves 31 November to
 * 1 December without a word; a calendar that says 31 November is broken, and we say so.
 */
function dateProblem(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) return `expected a date like 20261103 or 20261103T140000Z, got ${quote(value, 40)}`;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((p) => (p === undefined ? undefined : Number(p))) as number[];
  const leap = year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0);
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month! - 1] ?? 0);
  if (month! < 1 || month! > 12) return `expected a month from 01 to 12, got ${quote(value, 40)}`;
  if (day! < 1 || day! > days)
    return `${quote(value, 40)} is not a date: ${MONTHS[month! - 1]} ${year} has ${days} days`;
  if (hour! > 23 || minute! > 59 || second! > 60) return `${quote(value, 40)} is not a time of day`;
  return null;
}

/** Seconds in an RFC 5545 duration ("PT1H30M", "P2W"), or null when it is not one. */
export function durationSeconds(value: string): number | null {
  const m = /^[+-]?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!m || value.endsWith('P') || value.endsWith('T')) return null;
  const [w = 0, d = 0, h = 0, min = 0, s = 0] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  return (((w * 7 + d) * 24 + h) * 60 + min) * 60 + s;
}

function durationProblem(value: string): string | null {
  const seconds = durationSeconds(value);
  if (seconds === null) return `expected a duration like PT1H30M, got ${quote(value, 40)}`;
  if (seconds > CALENDAR_LIMITS.durationDays * 86_400) {
    return `expected a duration of at most ${CALENDAR_LIMITS.durationDays} days, got ${quote(value, 40)}`;
  }
  return null;
}

function ruleProblem(value: string): string | null {
  const parts = new Map(
    value.split(';').map((p) => {
      const eq = p.indexOf('=');
      return [
        p
          .slice(0, eq < 0 ? p.length : eq)
          .trim()
          .toUpperCase(),
        eq < 0 ? '' : p.slice(eq + 1).trim(),
      ] as const;
    }),
  );
  const freq = (parts.get('FREQ') ?? '').toUpperCase();
  if (!FREQS.includes(freq)) return `expected FREQ to be one of ${FREQS.join(', ')}, got ${quote(freq, 20)}`;
  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    const n = Number(interval);
    if (!Number.isInteger(n) || n < 1 || n > CALENDAR_LIMITS.interval) {
      return `expected an INTERVAL from 1 to ${CALENDAR_LIMITS.interval.toLocaleString('en-US')}, got ${quote(interval, 20)}`;
    }
  }
  const count = parts.get('COUNT');
  if (count !== undefined && !/^\d+$/.test(count)) return `expected a whole COUNT, got ${quote(count, 20)}`;
  const until = parts.get('UNTIL');
  if (until !== undefined) return dateProblem(until);
  return null;
}

/**
 * Checks an event's dates, durations and rule by their text, before ical.js reads them, and
 * returns the first problem as `[property, problem]`, or null.
 */
export function eventProblem(props: RawProperty[]): [string, string] | null {
  for (const p of props) {
    if (DATE_PROPS.has(p.name)) {
      const period = /VALUE=PERIOD/.test(p.params);
      for (const v of p.value.split(',')) {
        const [start = '', end] = period ? v.split('/') : [v];
        const problem =
          dateProblem(start.trim()) ??
          (end === undefined
            ? null
            : /^[+-]?P/.test(end)
              ? durationProblem(end.trim())
              : dateProblem(end.trim()));
        if (problem) return [p.name, problem];
      }
    } else if (p.name === 'DURATION') {
      const problem = durationProblem(p.value);
      if (problem) return [p.name, problem];
    } else if (p.name === 'RRULE' || p.name === 'EXRULE') {
      const problem = ruleProblem(p.value);
      if (problem) return [p.name, problem];
    }
  }
  return null;
}
