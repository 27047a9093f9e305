import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };

interface PersonView {
  name: string;
  manager: string | null;
  [field: string]: unknown;
}

/** Issue 10 on the real binary: what a user of hostile or wild files sees. */
describe('hostile and real-world imports, on the real binary', () => {
  const dir = tempDir();

  it("the demo's people exported as CSV re-import into a fresh database with every field the same", async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    const csv = join(dir, 'people.csv');
    expect((await rapport(['--db', a, 'demo'], NOW)).code).toBe(0);
    expect(
      (await rapport(['--db', a, 'export', '--format', 'csv', '--what', 'people', '--output', csv], NOW))
        .code,
    ).toBe(0);
    const imported = await rapport(['--db', b, 'import', csv], NOW);
    expect(imported.code, imported.stderr).toBe(0);
    const fields = [
      'name',
      'title',
      'team',
      'department',
      'level',
      'manager',
      'emails',
      'phone',
      'company',
      'category',
      'tier',
      'cadenceDays',
    ];
    const pick = (ps: PersonView[]) =>
      ps
        .map((p) => Object.fromEntries(fields.map((f) => [f, p[f]])))
        .sort((x, y) => String(x.name).localeCompare(String(y.name)));
    const before = pick(await rapportJson<PersonView[]>(['--db', a, 'people', '--json'], NOW));
    const after = pick(await rapportJson<PersonView[]>(['--db', b, 'people', '--json'], NOW));
    expect(before.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });

  it('a vCard name carrying a terminal escape is stored clean; a bad e-mail is left out with a warning, or refused with --strict', async () => {
    const db = join(dir, 'cards.db');
    const vcf = join(dir, 'phone.vcf');
    writeFileSync(
      vcf,
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:Mallory\x1b]52;c;ZWNobyBwd25lZA==\x07',
        'EMAIL;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D1=81=D1=81=D1=81',
        'EMAIL;WORK:mallory@example.com',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const strict = await rapport(['--db', db, 'import', vcf, '--strict'], NOW);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'phone.vcf, card 1, field "EMAIL": expected an email address like ada@example.com, got "ссс".',
    );
    const r = await rapport(['--db', db, 'import', vcf], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('People: 1 created');
    expect(r.stdout).toContain(
      'phone.vcf, card 1, field "EMAIL": expected an email address like ada@example.com, got "ссс". The field is left out.',
    );
    const people = await rapportJson<PersonView[]>(['--db', db, 'people', '--json'], NOW);
    expect(people.map((p) => [p.name, p.emails])).toEqual([
      ['Mallory]52;c;ZWNobyBwd25lZA==', ['mallory@example.com']],
    ]);
  });

  it('a calendar read with --until in the future logs no meeting after now, and one broken event costs only itself', async () => {
    const db = join(dir, 'cal.db');
    await rapport(['--db', db, 'person', 'add', 'Alan', '--email', 'alan@example.com'], NOW);
    const ics = join(dir, 'cal.ics');
    const event = (uid: string, start: string) =>
      `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART:${start}\r\nDTEND:${start.replace('T10', 'T11')}\r\nSUMMARY:${uid}\r\nATTENDEE:mailto:alan@example.com\r\nEND:VEVENT\r\n`;
    writeFileSync(
      ics,
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event('past', '20261110T100000Z')}${event('nov31', '20261131T100000Z')}${event('future', '20981231T100000Z')}END:VCALENDAR\r\n`,
    );
    const r = await rapport(['--db', db, 'import', ics, '--until', '2099-01-01'], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Meetings: 1 logged');
    expect(r.stdout).not.toContain('fell outside the window');
    expect(r.stdout).toContain(
      'cal.ics, line 10: field "DTSTART": "20261131T100000Z" is not a date: November 2026 has 30 days; the event "nov31" is left out.',
    );
    expect(r.stdout).toContain(
      '1 event has occurrences after now (2026-11-23T10:00:00.000Z); they are left out',
    );
  });
});
