import ICAL from 'ical.js';

export type ReminderKind = 'nurture' | 'plan-step' | 'stale-review';

/** One thing to do on a day, as a calendar app shows it. */
export interface Reminder {
  /** Stable across feeds, so a subscribed calendar moves an event instead of adding another. */
  uid: string;
  kind: ReminderKind;
  /** YYYY-MM-DD, shown as an all-day event. */
  day: string;
  summary: string;
  description: string | null;
}

const CATEGORY: Record<ReminderKind, string> = {
  nurture: 'Rapport: nurture',
  'plan-step': 'Rapport: plan step',
  'stale-review': 'Rapport: stale review',
};

const icalDate = (day: string): InstanceType<typeof ICAL.Time> => ICAL.Time.fromDateString(day);

/**
 * The reminders feed (RFC 5545): all-day events a calendar app can subscribe to. `now` stamps
 * DTSTAMP, passed in so a feed built twice from the same data is the same text.
 */
export function writeRemindersIcs(
  reminders: readonly Reminder[],
  now: Date,
  name = 'Rapport reminders',
): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//Rapport//Reminders//EN');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', name);
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const r of reminders) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', r.uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    ev.addPropertyWithValue('dtstart', icalDate(r.day));
    const end = icalDate(r.day);
    end.adjust(1, 0, 0, 0);
    ev.addPropertyWithValue('dtend', end);
    ev.addPropertyWithValue('summary', r.summary);
    if (r.description) ev.addPropertyWithValue('description', r.description);
    ev.addPropertyWithValue('categories', CATEGORY[r.kind]);
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    cal.addSubcomponent(ev);
  }
  return `${cal.toString().replace(/\r?\n/g, '\r\n')}\r\n`;
}
