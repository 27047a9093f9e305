import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { OpenedRecord } from './index.js';
import { fixturePath, readBytes } from './test-support/read.js';
import { unsafeStrings } from './test-support/unsafe.js';

/**
 * Calendars and contact files as Google, Outlook/Exchange, Apple, Android and Thunderbird write
 * them, the RFC features they use, and broken ones. Each file's expected outcome is in the
 * folder's expected.json: how many meetings or people it yields, how many entries are left out
 * with a notice, or the refusal it earns.
 */
interface Expected {
  meetings?: number;
  people?: number;
  skipped: number;
  notices?: number;
  invalid?: number;
  error?: string;
}

/** Wide open: every dated event from 1900 on, "now" fixed so the figures never drift. */
const WIDE = {
  since: '1900-01-01T00:00:00.000Z',
  until: '2100-01-01T00:00:00.000Z',
  now: '2026-12-01T00:00:00.000Z',
  includeAllDay: true,
};

/** Words of ical.js and JavaScript internals that must never reach a user. */
const INTERNAL =
  /is not a function|Could not extract|undefined|TypeError|invalid date-time value|\[object|expected: "SECONDLY/;

function corpus(folder: string): [string, Expected][] {
  const dir = fixturePath(`corpus/${folder}`);
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Record<string, Expected>;
  const files = readdirSync(dir).filter((f) => f !== 'expected.json');
  expect(Object.keys(expected).sort()).toEqual(files.sort());
  return Object.entries(expected);
}

function messages(records: OpenedRecord[]): string[] {
  return records.flatMap((r) => (r.kind === 'invalid' || r.kind === 'notice' ? [r.error.message] : []));
}

async function outcome(folder: string, name: string) {
  const bytes = readFileSync(fixturePath(`corpus/${folder}/${name}`));
  try {
    const { records } = await readBytes([bytes], name, undefined, WIDE);
    return { records, error: null };
  } catch (e) {
    return { records: [] as OpenedRecord[], error: e as Error };
  }
}

describe('calendar corpus: every readable event comes in, an unreadable one is left out and named', () => {
  const files = corpus('calendars');
  test('holds at least 60 calendars', () => expect(files.length).toBeGreaterThanOrEqual(60));
  test.each(files)('%s', async (name, want) => {
    const { records, error } = await outcome('calendars', name);
    if (want.error) {
      expect(error?.name).toBe('BadFileError');
      expect(error?.message).toContain(want.error);
      return;
    }
    expect(error, String(error?.stack)).toBeNull();
    const notices = records.filter((r) => r.kind === 'notice');
    expect({
      meetings: records.filter((r) => r.kind === 'meeting').length,
      skipped: notices.filter((r) => r.kind === 'notice' && r.skipped).length,
      notices: notices.filter((r) => r.kind === 'notice' && !r.skipped).length,
    }).toEqual({ meetings: want.meetings, skipped: want.skipped, notices: want.notices ?? 0 });
    expect(records.every((r) => r.kind !== 'invalid')).toBe(true);
    for (const m of messages(records)) {
      expect(m).not.toMatch(INTERNAL);
      expect(m.startsWith(`${name}`)).toBe(true);
    }
    // Every event left out is named by its line, and by its UID when it has one.
    for (const r of notices)
      if (r.kind === 'notice' && r.skipped) expect(r.error.message).toMatch(/, line \d+/);
    expect(unsafeStrings(records)).toEqual([]);
  });
});

describe('contact corpus: a bad field is dropped with a notice, the contact kept', () => {
  const files = corpus('contacts');
  test('holds at least 20 contact files', () => expect(files.length).toBeGreaterThanOrEqual(20));
  test.each(files)('%s', async (name, want) => {
    const { records, error } = await outcome('contacts', name);
    expect(error, String(error?.stack)).toBeNull();
    const count = (f: (r: OpenedRecord) => boolean) => records.filter(f).length;
    expect({
      people: count((r) => r.kind === 'person'),
      skipped: count((r) => r.kind === 'notice' && r.skipped === true),
      notices: count((r) => r.kind === 'notice' && !r.skipped),
      invalid: count((r) => r.kind === 'invalid'),
    }).toEqual({
      people: want.people,
      skipped: want.skipped,
      notices: want.notices ?? 0,
      invalid: want.invalid ?? 0,
    });
    for (const m of messages(records)) expect(m.startsWith(name)).toBe(true);
    expect(unsafeStrings(records)).toEqual([]);
  });
});
