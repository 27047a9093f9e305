import { describe, expect, test } from 'vitest';
import { readICalendar } from './icalendar.js';
import { type MeetingRecord, meetingSource } from './records.js';
import { fixtureText, outcome, readBytes, readFixture, utf8, WINDOW } from './test-support/read.js';

const meetings = (rs: { kind: string }[]) => rs.filter((r): r is MeetingRecord => r.kind === 'meeting');

describe('iCalendar', () => {
  test('Google: weekly series across a DST change, EXDATE, a moved and a cancelled occurrence, declined attendee', async () => {
    const { format, records } = await readFixture('calendar-google.ics');
    expect(format).toBe('icalendar');
    expect(records.every((r) => r.kind === 'meeting')).toBe(true);
    const series = meetings(records).filter((m) => m.uid === '0a1b2c3d4e5f6g7h8i9j@google.com');
    expect(series.map((m) => [m.start, m.recurrenceId])).toEqual([
      ['2026-10-06T14:00:00.000Z', '2026-10-06T14:00:00.000Z'],
      ['2026-10-13T14:00:00.000Z', '2026-10-13T14:00:00.000Z'],
      ['2026-10-28T19:00:00.000Z', '2026-10-27T14:00:00.000Z'],
      ['2026-11-03T15:00:00.000Z', '2026-11-03T15:00:00.000Z'],
      ['2026-11-17T15:00:00.000Z', '2026-11-17T15:00:00.000Z'],
    ]);
    expect(series[2]!.summary).toBe('Ada / Alan 1:1 (moved)');
    expect(series[0]).toMatchObject({
      end: '2026-10-06T14:30:00.000Z',
      organizer: 'ada.lovelace@example.com',
      attendees: ['ada.lovelace@example.com', 'alan.turing@example.com'],
    });
    expect(meetingSource(series[2]!)).toBe(
      'calendar:0a1b2c3d4e5f6g7h8i9j@google.com:2026-10-27T14:00:00.000Z',
    );
  });

  test('Google: single meeting keeps guests, drops the room; all-day, cancelled and out-of-window events are left out', async () => {
    const { records } = await readFixture('calendar-google.ics');
    const others = meetings(records).filter((m) => m.uid !== '0a1b2c3d4e5f6g7h8i9j@google.com');
    expect(others).toHaveLength(1);
    expect(others[0]).toMatchObject({
      uid: 'roadmap-review-2026q4@google.com',
      recurrenceId: null,
      start: '2026-11-05T13:00:00.000Z',
      attendees: [
        'ada.lovelace@example.com',
        'grace.hopper@example.com',
        'guest@partner.example',
        'jose.marti@example.com',
      ],
    });
    expect(meetingSource(others[0]!)).toBe('calendar:roadmap-review-2026q4@google.com:single');
  });

  test('all-day events come in when asked', () => {
    const all = [
      ...readICalendar(fixtureText('calendar-google.ics'), 'g.ics', { ...WINDOW, includeAllDay: true }),
    ];
    const ooo = meetings(all).find((m) => m.uid === 'ooo-1111@google.com');
    expect(ooo).toMatchObject({ allDay: true, start: '2026-11-11T00:00:00.000Z' });
  });

  test('Exchange: "Pacific Standard Time" VTIMEZONE, folded UID, daily COUNT=5', async () => {
    const { records } = await readFixture('calendar-exchange.ics');
    const ms = meetings(records);
    expect(ms.map((m) => m.start)).toEqual([
      '2026-11-16T17:00:00.000Z',
      '2026-11-17T17:00:00.000Z',
      '2026-11-18T17:00:00.000Z',
      '2026-11-19T17:00:00.000Z',
      '2026-11-20T17:00:00.000Z',
    ]);
    expect(ms[0]!.uid).toBe(
      '040000008200E00074C5B7101A82E00800000000D0F9C7C2E2ABDA01000000000000000010000000F1C9D0A2B3C4D5E6F708192A3B4C5D6E',
    );
    expect(ms[0]!.attendees).toEqual([
      'pat.doe@contoso.com',
      'radia.perlman@contoso.com',
      'satya@contoso.com',
    ]);
  });

  test('Apple: an IANA TZID without its VTIMEZONE block still lands at the right instant', async () => {
    const { records } = await readFixture('calendar-apple.ics');
    expect(meetings(records)[0]).toMatchObject({
      start: '2026-11-03T13:00:00.000Z',
      end: '2026-11-03T13:30:00.000Z',
      attendees: ['ada.lovelace@example.com', 'juergen.mueller@example.de'],
    });
  });

  test('the window bounds the expansion of an endless series', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:daily',
      'DTSTART:20200101T090000Z',
      'RRULE:FREQ=DAILY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const ms = meetings([
      ...readICalendar(ics, 'd.ics', { since: '2026-11-01T00:00:00Z', until: '2026-11-08T00:00:00Z' }),
    ]);
    expect(ms.map((m) => m.start.slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
    ]);
  });

  test('an event without DTSTART is left out with a notice naming its line and UID; a cut file is rejected', async () => {
    const { records } = await readBytes(
      utf8('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:No time\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
      'c.ics',
    );
    expect(records.map(outcome)).toEqual([
      'c.ics, line 2, field "DTSTART": expected a start time; the event has none; the event "x" is left out.',
    ]);
    await expect(readBytes(utf8('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n'), 'c.ics')).rejects.toThrow(
      'c.ics: the calendar has no END:VCALENDAR at the end; the file may be cut short.',
    );
  });
});
