import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface Report {
  skipped: unknown[];
  unknownAttendees: string[];
  counts: { records: number; skipped: number; unknownAttendees: number };
  changed: boolean;
}

async function emptyDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'rapport.db');
  expect((await rapport(['--db', db, 'init'])).code).toBe(0);
  return { dir, db };
}

describe('import reports count exactly and say each thing once', () => {
  it('1,500 invalid rows are counted as 1,500, not 1,000, in the text and the JSON', async () => {
    const { dir, db } = await emptyDb();
    const rows = ['Name,Email', 'Good One,good@example.com'];
    for (let i = 0; i < 1500; i++) rows.push(`Bad ${i},not-an-email-${i}`);
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const text = await rapport(['--db', db, 'import', file, '--skip-invalid', '--dry-run']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Skipped 1500 records:');
    expect(text.stdout).toContain('… and 1480 more');
    const json = await rapportJson<Report>(['--db', db, 'import', file, '--skip-invalid']);
    expect(json.counts.skipped).toBe(1500);
    expect(json.counts.records).toBe(1501);
    expect(json.skipped.length).toBeLessThanOrEqual(1000);
  });

  it('names the place of a skipped row once, and does not claim the file was already here', async () => {
    const { dir, db } = await emptyDb();
    const file = join(dir, 'bademail.csv');
    writeFileSync(file, 'Name,Email\nAda,not-an-email\nBob,bob@example.com\n');
    expect((await rapport(['--db', db, 'import', file, '--skip-invalid'])).code).toBe(0);
    const again = await rapport(['--db', db, 'import', file, '--skip-invalid']);
    expect(again.code).toBe(0);
    const line = again.stdout.split('\n').find((l) => l.includes('line 2'))!;
    expect(line.match(/bademail\.csv, line 2/g)).toHaveLength(1);
    expect(line).toMatch(/field "Email"/);
    expect(again.stdout).not.toMatch(/everything in the file was already here/);
    expect(again.stdout).toMatch(/records not skipped were already here/);
  });

  it('a header-only file says it holds no records', async () => {
    const { dir, db } = await emptyDb();
    const file = join(dir, 'header.csv');
    writeFileSync(file, 'Name,Email\n');
    const r = await rapport(['--db', db, 'import', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/holds no records/);
    expect(r.stdout).not.toMatch(/already here/);
  });

  it('counts every unknown meeting attendee, not the first 1,000', async () => {
    const { dir, db } = await emptyDb();
    expect(
      (await rapport(['--db', db, 'person', 'add', 'Alex Kim', '--email', 'alex@example.com'])).code,
    ).toBe(0);
    expect((await rapport(['--db', db, 'me', 'Alex Kim'])).code).toBe(0);
    const attendees = Array.from({ length: 1200 }, (_, i) => `ATTENDEE:mailto:guest${i}@example.com`);
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:all-hands@example.com',
      'DTSTAMP:20261101T090000Z',
      'DTSTART:20261101T090000Z',
      'DTEND:20261101T100000Z',
      'SUMMARY:All hands',
      'ORGANIZER:mailto:alex@example.com',
      'ATTENDEE:mailto:alex@example.com',
      ...attendees,
      'END:VEVENT',
      'END:VCALENDAR',
    ];
    const file = join(dir, 'cal.ics');
    writeFileSync(file, `${ics.join('\r\n')}\r\n`);
    const env = { RAPPORT_NOW: '2026-12-01T12:00:00Z' };
    const json = await rapportJson<Report>(
      ['--db', db, 'import', file, '--since', '2026-10-01', '--dry-run'],
      env,
    );
    expect(json.counts.unknownAttendees).toBe(1200);
    expect(json.unknownAttendees.length).toBe(1000);
    const text = await rapport(['--db', db, 'import', file, '--since', '2026-10-01', '--dry-run'], env);
    expect(text.stdout).toMatch(/1200 attendees not in Rapport/);
  });
});
