import ICAL from 'ical.js';
import { singleLine } from './clean.js';
import { BadFileError, type Place, quote } from './errors.js';
import { type Block, splitCalendars, unfold } from './ical-blocks.js';
import { CALENDAR_LIMITS, eventProblem, type RawProperty, rawProperty } from './ical-checks.js';
import type { InvalidRecord, MeetingRecord, NoticeRecord } from './records.js';
import { zonedToUtcMs } from './time-zones.js';

export { CALENDAR_LIMITS } from './ical-checks.js';

export interface CalendarWindow {
  /** Occurrences starting before this UTC instant are left out. */
  since: string;
  /** Occurrences starting at or after this UTC instant are left out. */
  until: string;
  /**
   * The present, passed in (formats have no clock): an occurrence after it has not happened,
   * so it is not an interaction, whatever `until` says.
   */
  now?: string;
  /** All-day events (holidays, out of office) are not meetings unless asked for. */
  includeAllDay?: boolean;
}

/** A meeting title longer than an interaction note may be is shortened, and the import says so. */
const MAX_SUMMARY = 5000;
const NOT_EVENTS: Record<string, [string, string]> = {
  VTODO: ['task', 'tasks'],
  VJOURNAL: ['journal entry', 'journal entries'],
  VFREEBUSY: ['free/busy block', 'free/busy blocks'],
};

type Comp = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Out = MeetingRecord | InvalidRecord | NoticeRecord;

interface Event {
  c: Comp;
  at: Place;
  uid: string;
}

interface Tally {
  outside: number;
  future: number;
  meetings: number;
}

interface Bounds {
  since: number;
  until: number;
  /** The window's own end, past `now`: occurrences between the two are counted as future. */
  windowUntil: number;
  includeAllDay: boolean;
}

/**
 * Reads an iCalendar file (Google, Outlook/Exchange, Apple, Thunderbird, Android) into one
 * MeetingRecord per occurrence inside the window. Each event is read on its own: one that
 * cannot be read (no DTSTART, 31 November, an unknown FREQ, an absurd DURATION) is left out
 * with a notice naming its line and UID, and the rest still come in. Recurring series are
 * expanded with RDATE (dates and periods), EXDATE and RECURRENCE-ID overrides, up to
 * CALENDAR_LIMITS; times honour the file's VTIMEZONE blocks (Exchange names like "Pacific
 * Standard Time"), the first of a repeated one, or IANA names the runtime knows when a block
 * is missing. Cancelled events and occurrences, and attendees who declined, are left out.
 */
export function* readICalendar(text: string, file: string, window: CalendarWindow): Generator<Out> {
  const calendars = splitCalendars(text, file);
  const windowUntil = Date.parse(window.until);
  const now = window.now ? Date.parse(window.now) : Number.POSITIVE_INFINITY;
  const bounds: Bounds = {
    since: Date.parse(window.since),
    until: Math.min(windowUntil, now),
    windowUntil,
    includeAllDay: window.includeAllDay ?? false,
  };
  const tally: Tally = { outside: 0, future: 0, meetings: 0 };
  let eventCount = 0;
  const others = new Map<string, number>();
  for (const cal of calendars) {
    const method = cal.props
      .find((p) => /^METHOD:/i.test(p))
      ?.slice(7)
      .trim()
      .toUpperCase();
    const root = new ICAL.Component('vcalendar');
    addZones(root, cal.blocks);
    const events: Event[] = [];
    for (const b of cal.blocks) {
      if (b.name in NOT_EVENTS) others.set(b.name, (others.get(b.name) ?? 0) + 1);
      if (b.name !== 'VEVENT') continue;
      eventCount++;
      if (method === 'CANCEL') continue;
      const e = readEvent(file, b, root);
      if ('kind' in e) yield e;
      else events.push(e);
    }
    const masters = new Map<string, Event>();
    const overrides = new Map<string, Event[]>();
    for (const e of events) {
      if (e.c.hasProperty('recurrence-id')) overrides.set(e.uid, [...(overrides.get(e.uid) ?? []), e]);
      else if (!masters.has(e.uid)) masters.set(e.uid, e);
    }
    for (const [uid, master] of masters) {
      yield* expand(file, master, overrides.get(uid) ?? [], bounds, tally);
      overrides.delete(uid);
    }
    // An invitation to one occurrence arrives as an override without its series.
    for (const [, list] of overrides) for (const o of list) yield* expand(file, o, [], bounds, tally);
  }
  if (eventCount === 0 && others.size > 0) {
    const what = [...others].map(([name, n]) => `${n} ${NOT_EVENTS[name]![n === 1 ? 0 : 1]}`).join(', ');
    throw new BadFileError(
      file,
      null,
      null,
      `the calendar holds ${what} and no events; Rapport reads events (meetings) only.`,
    );
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (tally.meetings === 0 && tally.outside > 0) {
    yield info(
      file,
      `${plural(tally.outside, 'occurrence')} fell outside the window from ${day(bounds.since)} to ${day(bounds.until)} and ${tally.outside === 1 ? 'was' : 'were'} left out; an earlier since reads older ones.`,
    );
  }
  if (tally.future > 0) {
    yield info(
      file,
      `${plural(tally.future, 'event')} ${tally.future === 1 ? 'has' : 'have'} occurrences after now (${new Date(now).toISOString()}); they are left out: a meeting that has not happened is not an interaction.`,
    );
  }
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Part of an event was left out or shortened; the event itself came in. */
const warning = (file: string, at: Place, field: string, text: string): NoticeRecord => ({
  kind: 'notice',
  at,
  error: new BadFileError(file, at, field, text),
});

const info = (file: string, text: string): NoticeRecord => ({
  kind: 'notice',
  at: null,
  error: new BadFileError(file, null, null, text),
  info: true,
});

/** The first VTIMEZONE of each TZID; an unreadable one is passed over (its times then read by IANA name, if known). */
function addZones(root: Comp, blocks: Block[]): void {
  const seen = new Set<string>();
  for (const b of blocks) {
    if (b.name !== 'VTIMEZONE' || !b.closed) continue;
    try {
      const zone = new ICAL.Component(ICAL.parse(b.text) as unknown[]);
      const tzid = String(zone.getFirstPropertyValue('tzid') ?? '');
      if (tzid === '' || seen.has(tzid)) continue;
      seen.add(tzid);
      root.addSubcomponent(zone);
    } catch {
      // A broken zone is as good as a missing one.
    }
  }
}

/** Parses one VEVENT block into a component of `root`, or a notice saying why it is left out. */
function readEvent(file: string, b: Block, root: Comp): Event | NoticeRecord {
  const at: Place = { unit: 'line', n: b.line };
  const lines = unfold(b.text);
  const props = lines.map((l) => rawProperty(l.text)).filter((p): p is RawProperty => p !== null);
  const uid = singleLine(props.find((p) => p.name === 'UID')?.value ?? '').trim();
  const leftOut = (field: string | null, problem: string): NoticeRecord =>
    skippedEvent(file, at, uid, field, problem);
  if (!b.closed) return leftOut(null, 'the event has no END:VEVENT');
  if (!props.some((p) => p.name === 'DTSTART'))
    return leftOut('DTSTART', 'expected a start time; the event has none');
  const problem = eventProblem(props);
  if (problem) return leftOut(problem[0], problem[1]);
  let c: Comp;
  try {
    c = new ICAL.Component(ICAL.parse(b.text) as unknown[]);
  } catch {
    // Name the line ical.js could not read, in our words rather than its own.
    for (const l of lines.slice(1, -1)) {
      try {
        ICAL.parse(`BEGIN:VEVENT\r\n${l.text}\r\nEND:VEVENT`);
      } catch {
        const p = rawProperty(l.text);
        return leftOut(p?.name ?? null, `the line ${quote(l.text, 60)} cannot be read`);
      }
    }
    return leftOut(null, 'the event cannot be read');
  }
  root.addSubcomponent(c);
  return { c, at, uid: uid || stableUid(c) };
}

function skippedEvent(
  file: string,
  at: Place,
  uid: string,
  field: string | null,
  problem: string,
): NoticeRecord {
  const which = uid ? `the event ${quote(uid, 60)}` : 'the event';
  return {
    kind: 'notice',
    at,
    error: new BadFileError(file, at, field, `${problem}; ${which} is left out.`, uid ? { uid } : undefined),
    skipped: true,
  };
}

/** Some hand-made exports omit UID; a stable stand-in keeps re-imports idempotent. */
function stableUid(c: Comp): string {
  return `nouid-${hash(`${String(c.getFirstPropertyValue('summary'))}|${c.getFirstProperty('dtstart')?.toICALString() ?? ''}`)}`;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function* expand(file: string, e: Event, exceptions: Event[], bounds: Bounds, tally: Tally): Generator<Out> {
  const { at, uid, c: master } = e;
  const out: Out[] = [];
  try {
    // Exceptions are passed in: left to itself ical.js scans every event of the calendar for
    // them, once per event, which made a 20,000-event calendar quadratic.
    const event = new ICAL.Event(master, { strictExceptions: false, exceptions: exceptions.map((x) => x.c) });
    if (isCancelled(master)) return;
    if (!event.isRecurring()) {
      const rid = master.hasProperty('recurrence-id')
        ? new Date(
            instant(master.getFirstPropertyValue('recurrence-id') as Time, master, 'recurrence-id'),
          ).toISOString()
        : null;
      take(file, at, uid, rid, master, event.startDate, event.endDate, bounds, tally, out);
      yield* out;
      return;
    }
    const it = event.iterator();
    const meetingsBefore = tally.meetings;
    for (let steps = 0; ; steps++) {
      const taken = tally.meetings - meetingsBefore;
      if (steps >= CALENDAR_LIMITS.steps || taken >= CALENDAR_LIMITS.occurrences) {
        const cap =
          taken >= CALENDAR_LIMITS.occurrences
            ? `has more than ${CALENDAR_LIMITS.occurrences.toLocaleString('en-US')} occurrences in the window`
            : `repeats more than ${CALENDAR_LIMITS.steps.toLocaleString('en-US')} times before the window ends`;
        out.push(warning(file, at, 'RRULE', `the series ${cap}; the occurrences after that are left out.`));
        break;
      }
      const next = it.next() as Time | InstanceType<typeof ICAL.Period> | null;
      if (!next) break;
      // RDATE;VALUE=PERIOD gives a start and an end (or duration) of its own.
      if (next instanceof ICAL.Period) {
        const startMs = instant(next.start, master, 'dtstart');
        if (startMs >= bounds.windowUntil) continue;
        take(
          file,
          at,
          uid,
          new Date(startMs).toISOString(),
          master,
          next.start,
          next.getEnd(),
          bounds,
          tally,
          out,
        );
        continue;
      }
      const originalMs = instant(next, master, 'dtstart');
      const details = event.getOccurrenceDetails(next);
      const startMs = instant(details.startDate, details.item.component, 'dtstart');
      if (originalMs >= bounds.windowUntil && startMs >= bounds.windowUntil) break;
      if (isCancelled(details.item.component)) continue;
      const kept = take(
        file,
        at,
        uid,
        new Date(originalMs).toISOString(),
        details.item.component,
        details.startDate,
        details.endDate,
        bounds,
        tally,
        out,
      );
      // Past now, one future occurrence is enough to say so.
      if (kept === 'future') break;
    }
    // An override can move an occurrence from after the window into it.
    for (const x of exceptions) {
      const rid = instant(x.c.getFirstPropertyValue('recurrence-id') as Time, x.c, 'recurrence-id');
      if (rid < bounds.windowUntil || isCancelled(x.c)) continue;
      const ex = new ICAL.Event(x.c, { exceptions: [] });
      take(file, at, uid, new Date(rid).toISOString(), x.c, ex.startDate, ex.endDate, bounds, tally, out);
    }
  } catch (err) {
    const problem =
      err instanceof BadFileError
        ? err.message.slice(err.message.indexOf(': ') + 2).replace(/\.$/, '')
        : 'its dates or recurrence cannot be read';
    // The occurrences read before the problem are kept out too: one event is all or nothing.
    yield skippedEvent(file, at, uid, err instanceof BadFileError ? err.field : null, problem);
    return;
  }
  yield* out;
}

const isCancelled = (c: Comp): boolean =>
  String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

function instant(t: Time, comp: Comp, prop: string): number {
  if (!(t instanceof ICAL.Time))
    throw new BadFileError('', null, prop.toUpperCase(), `expected a date or date-time.`);
  if (t.zone?.tzid === 'floating') {
    const tzid = comp.getFirstProperty(prop)?.getParameter('tzid');
    if (typeof tzid === 'string') {
      const ms = zonedToUtcMs(t, tzid);
      if (ms !== null) return ms;
    }
  }
  const ms = t.toUnixTime() * 1000;
  if (!Number.isFinite(ms)) throw new BadFileError('', null, prop.toUpperCase(), 'expected a valid date.');
  return ms;
}

/**
 * Adds the occurrence to `out` when it is a meeting inside the window; says where it fell
 * otherwise, so the caller can count what it left out.
 */
function take(
  file: string,
  at: Place,
  uid: string,
  recurrenceId: string | null,
  comp: Comp,
  start: Time,
  end: Time,
  bounds: Bounds,
  tally: Tally,
  out: Out[],
): 'meeting' | 'outside' | 'future' | 'all-day' {
  if (start.isDate && !bounds.includeAllDay) return 'all-day';
  const startMs = instant(start, comp, 'dtstart');
  if (startMs >= bounds.until && startMs < bounds.windowUntil) {
    tally.future++;
    return 'future';
  }
  if (startMs < bounds.since || startMs >= bounds.until) {
    tally.outside++;
    return 'outside';
  }
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
  const raw = comp.getFirstPropertyValue('summary');
  let summary = typeof raw === 'string' ? singleLine(raw).trim() : '';
  if (summary.length > MAX_SUMMARY) {
    out.push(
      warning(
        file,
        at,
        'SUMMARY',
        `the title has ${summary.length.toLocaleString('en-US')} characters; it is shortened to the ${MAX_SUMMARY.toLocaleString('en-US')} a note may hold.`,
      ),
    );
    summary = summary.slice(0, MAX_SUMMARY);
  }
  tally.meetings++;
  out.push({
    kind: 'meeting',
    at,
    uid,
    recurrenceId,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    allDay: start.isDate,
    summary: summary === '' ? null : summary,
    organizer,
    attendees: [...attendees].sort(),
  });
  return 'meeting';
}

/** "mailto:Ada@Example.com" → "ada@example.com"; room resources and "invalid:nomail" → null. */
function mailOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = singleLine(value)
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return v.length <= 254 && /^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}
