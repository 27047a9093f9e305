import ICAL from 'ical.js';
import { BadFileError, type Place } from './errors.js';
import type { InvalidRecord, MeetingRecord } from './records.js';
import { zonedToUtcMs } from './time-zones.js';

export interface CalendarWindow {
  /** Occurrences starting before this UTC instant are left out. */
  since: string;
  /** Occurrences starting at or after this UTC instant are left out. */
  until: string;
  /** All-day events (holidays, out of office) are not meetings unless asked for. */
  includeAllDay?: boolean;
}

/** A runaway rule (FREQ=SECONDLY, a fuzzed COUNT) must not hang an import. */
const MAX_STEPS_PER_EVENT = 100_000;

type Comp = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/**
 * Reads an iCalendar file (Google, Outlook/Exchange, Apple) into one MeetingRecord per
 * occurrence inside the window. Recurring series are expanded with their EXDATEs and
 * RECURRENCE-ID overrides; times honour the file's VTIMEZONE blocks (Exchange names like
 * "Pacific Standard Time") or, when a block is missing, IANA names the runtime knows.
 * Cancelled events and occurrences are left out, and so are attendees who declined.
 */
export function* readICalendar(
  text: string,
  file: string,
  window: CalendarWindow,
): Generator<MeetingRecord | InvalidRecord> {
  const root = parseCalendar(text, file);
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  const since = Date.parse(window.since);
  const until = Date.parse(window.until);
  let eventNo = 0;
  for (const cal of calendars) {
    const method = String(cal.getFirstPropertyValue('method') ?? '').toUpperCase();
    const events = cal.getAllSubcomponents('vevent').map((c) => ({ c, n: ++eventNo }));
    if (method === 'CANCEL') continue;
    const masters = new Map<string, { c: Comp; n: number }>();
    const overrides = new Map<string, { c: Comp; n: number }[]>();
    for (const e of events) {
      const uid = uidOf(e.c);
      if (e.c.hasProperty('recurrence-id')) overrides.set(uid, [...(overrides.get(uid) ?? []), e]);
      else if (!masters.has(uid)) masters.set(uid, e);
    }
    for (const [uid, master] of masters) {
      yield* expand(
        file,
        { unit: 'event', n: master.n },
        master.c,
        overrides.get(uid) ?? [],
        since,
        until,
        window,
      );
      overrides.delete(uid);
    }
    // An invitation to one occurrence arrives as an override without its series.
    for (const [, list] of overrides) {
      for (const o of list) yield* expand(file, { unit: 'event', n: o.n }, o.c, [], since, until, window);
    }
  }
  if (eventNo === 0 && calendars.length === 0) {
    throw new BadFileError(
      file,
      null,
      null,
      'expected a BEGIN:VCALENDAR … END:VCALENDAR calendar; found none.',
    );
  }
}

function parseCalendar(text: string, file: string): Comp {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) {
    throw new BadFileError(
      file,
      { unit: 'line', n: 1 },
      null,
      'expected BEGIN:VCALENDAR at the start of the file.',
    );
  }
  if (!/END:VCALENDAR\s*$/i.test(text)) {
    throw new BadFileError(
      file,
      null,
      null,
      'the calendar has no END:VCALENDAR at the end; the file may be cut short.',
    );
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new BadFileError(
      file,
      lineOf(text, message),
      null,
      `the calendar cannot be read: ${message.slice(0, 200)}.`,
    );
  }
  const list = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[]);
  if (!Array.isArray(list) || list.length === 0) {
    throw new BadFileError(
      file,
      null,
      null,
      'expected a BEGIN:VCALENDAR … END:VCALENDAR calendar; found none.',
    );
  }
  // Several VCALENDAR blocks in one file (concatenated exports) become one tree.
  if (list.length === 1) return new ICAL.Component(list[0] as unknown[]);
  const root = new ICAL.Component('xroot');
  for (const j of list) root.addSubcomponent(new ICAL.Component(j as unknown[]));
  return root;
}

/** ical.js quotes the offending line in its message; find it to give a line number. */
function lineOf(text: string, message: string): Place | null {
  const m = /"([^"]{3,})"/.exec(message);
  if (!m) return null;
  const idx = text.indexOf(m[1]!);
  if (idx < 0) return null;
  return { unit: 'line', n: text.slice(0, idx).split(/\r\n|\n|\r/).length };
}

function uidOf(c: Comp): string {
  const uid = c.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim() !== '') return uid.trim();
  // Some hand-made exports omit UID; a stable stand-in keeps re-imports idempotent.
  return `nouid-${hash(`${String(c.getFirstPropertyValue('summary'))}|${c.getFirstProperty('dtstart')?.toICALString() ?? ''}`)}`;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function* expand(
  file: string,
  at: Place,
  master: Comp,
  exceptions: { c: Comp; n: number }[],
  since: number,
  until: number,
  window: CalendarWindow,
): Generator<MeetingRecord | InvalidRecord> {
  try {
    if (!master.hasProperty('dtstart'))
      throw new BadFileError(file, at, 'DTSTART', 'expected a start time; the event has none.');
    // Exceptions are passed in: left to itself ical.js scans every event of the calendar for
    // them, once per event, which made a 20,000-event calendar quadratic.
    const event = new ICAL.Event(master, { strictExceptions: false, exceptions: exceptions.map((e) => e.c) });
    const uid = uidOf(master);
    if (!event.isRecurring()) {
      if (isCancelled(master)) return;
      const rid = master.hasProperty('recurrence-id')
        ? new Date(
            instant(master.getFirstPropertyValue('recurrence-id') as Time, master, 'recurrence-id'),
          ).toISOString()
        : null;
      const m = meeting(file, at, uid, rid, master, event.startDate, event.endDate, since, until, window);
      if (m) yield m;
      return;
    }
    if (isCancelled(master)) return;
    const it = event.iterator();
    for (let steps = 0; ; steps++) {
      if (steps > MAX_STEPS_PER_EVENT) {
        throw new BadFileError(
          file,
          at,
          'RRULE',
          `expected a recurrence that ends or repeats at most ${MAX_STEPS_PER_EVENT} times before the window ends.`,
        );
      }
      const next = it.next();
      if (!next) break;
      const originalMs = instant(next, master, 'dtstart');
      const details = event.getOccurrenceDetails(next);
      const startMs = instant(details.startDate, details.item.component, 'dtstart');
      if (originalMs >= until && startMs >= until) break;
      if (isCancelled(details.item.component)) continue;
      const m = meeting(
        file,
        at,
        uid,
        new Date(originalMs).toISOString(),
        details.item.component,
        details.startDate,
        details.endDate,
        since,
        until,
        window,
      );
      if (m) yield m;
    }
    // An override can move an occurrence from after the window into it.
    for (const e of exceptions) {
      const rid = instant(e.c.getFirstPropertyValue('recurrence-id') as Time, e.c, 'recurrence-id');
      if (rid < until || isCancelled(e.c)) continue;
      const ex = new ICAL.Event(e.c, { exceptions: [] });
      const m = meeting(
        file,
        at,
        uid,
        new Date(rid).toISOString(),
        e.c,
        ex.startDate,
        ex.endDate,
        since,
        until,
        window,
      );
      if (m) yield m;
    }
  } catch (e) {
    if (e instanceof BadFileError) yield { kind: 'invalid', at, error: e };
    else {
      const message = e instanceof Error ? e.message : String(e);
      yield {
        kind: 'invalid',
        at,
        error: new BadFileError(file, at, null, `the event cannot be read: ${message.slice(0, 200)}.`),
      };
    }
  }
}

const isCancelled = (c: Comp): boolean =>
  String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

function instant(t: Time, comp: Comp, prop: string): number {
  if (t.zone?.tzid === 'floating') {
    const tzid = comp.getFirstProperty(prop)?.getParameter('tzid');
    if (typeof tzid === 'string') {
      const ms = zonedToUtcMs(t, tzid);
      if (ms !== null) return ms;
    }
  }
  const ms = t.toUnixTime() * 1000;
  if (!Number.isFinite(ms)) throw new Error(`invalid ${prop.toUpperCase()}`);
  return ms;
}

function meeting(
  file: string,
  at: Place,
  uid: string,
  recurrenceId: string | null,
  comp: Comp,
  start: Time,
  end: Time,
  since: number,
  until: number,
  window: CalendarWindow,
): MeetingRecord | null {
  if (start.isDate && !window.includeAllDay) return null;
  const startMs = instant(start, comp, 'dtstart');
  if (startMs < since || startMs >= until) return null;
  const endMs = Math.max(startMs, instant(end, comp, comp.hasProperty('dtend') ? 'dtend' : 'dtstart'));
  const organizer = mailOf(comp.getFirstPropertyValue('organizer'));
  const attendees = new Set<string>(organizer ? [organizer] : []);
  for (const p of comp.getAllProperties('attendee')) {
    const status = String(p.getParameter('partstat') ?? '').toUpperCase();
    // Rooms and projectors are invited by email too, but they are not people.
    const cutype = String(p.getParameter('cutype') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const email = mailOf(p.getFirstValue());
    if (email === null) continue;
    if (status === 'DECLINED') attendees.delete(email);
    else attendees.add(email);
  }
  const summary = comp.getFirstPropertyValue('summary');
  if (!Number.isFinite(startMs)) throw new BadFileError(file, at, 'DTSTART', 'expected a valid start time.');
  return {
    kind: 'meeting',
    at,
    uid,
    recurrenceId,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    allDay: start.isDate,
    summary: typeof summary === 'string' && summary.trim() !== '' ? summary.trim().slice(0, 500) : null,
    organizer,
    attendees: [...attendees].sort(),
  };
}

/** "mailto:Ada@Example.com" → "ada@example.com"; room resources and "invalid:nomail" → null. */
function mailOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return /^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}
