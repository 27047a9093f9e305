import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { csvCell, csvLine, PEOPLE_CSV_HEADER, personCsvLine } from './csv-write.js';
import { writeRemindersIcs } from './reminders-ics.js';
import { peopleOf, readBytes, utf8 } from './test-support/read.js';
import { foldLine, type VCardPerson, writeVCard } from './vcard-write.js';

const people = peopleOf;

describe('CSV writer', () => {
  test('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 42, -3])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,42,-3\r\n',
    );
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('the people CSV reads back as an org chart with ids and managers', async () => {
    const text =
      csvLine(PEOPLE_CSV_HEADER) +
      personCsvLine({
        id: 7,
        name: 'Ada Lovelace',
        emails: ['ada@example.com', 'ada@home.example'],
        title: 'Director, Platform',
        department: 'Platform',
        team: 'Core',
        level: 3,
        managerId: 2,
        company: null,
        phone: null,
        category: 'own-team',
        tier: 'friend',
        cadenceDays: null,
      });
    const { format, records } = await readBytes(utf8(text), 'people.csv');
    expect(format).toBe('org-chart');
    expect(people(records)[0]).toMatchObject({
      ref: '7',
      name: 'Ada Lovelace',
      emails: ['ada@example.com', 'ada@home.example'],
      title: 'Director, Platform',
      department: 'Platform',
      level: 3,
      manager: { by: 'id', value: '2' },
    });
  });
});

describe('vCard writer', () => {
  test('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`NOTE:${'é'.repeat(100)}`);
    for (const l of folded.split('\r\n').filter(Boolean))
      expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'é'.repeat(100)}\r\n`);
  });

  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '\\', 'ü', '漢', ':', '"') });
  const name = text.map((s) => s.trim()).filter((s) => s !== '' && !s.includes('  '));
  const optional = fc.option(
    text.map((s) => s.trim()).filter((s) => s !== ''),
    { nil: null },
  );
  const person: fc.Arbitrary<VCardPerson> = fc.record({
    uid: fc.uuid(),
    name,
    emails: fc.uniqueArray(
      fc.emailAddress().map((e) => e.toLowerCase()),
      { maxLength: 3 },
    ),
    title: optional,
    company: optional,
    department: optional,
    phone: fc.option(fc.constantFrom('+1 555 0100', '030 1234'), { nil: null }),
    notes: fc.option(fc.constantFrom('Line one\nLine two', 'semi; colon, comma \\ backslash'), { nil: null }),
    managerName: optional,
  });

  test.each(['3.0', '4.0'] as const)(
    'property: vCard %s written then read gives the same person',
    async (version) => {
      await fc.assert(
        fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 4 }), async (ps) => {
          const file = ps.map((p) => writeVCard(p, version)).join('');
          const { records } = await readBytes(utf8(file), 'out.vcf');
          expect(records.map((r) => r.kind)).toEqual(ps.map(() => 'person'));
          people(records).forEach((r, i) => {
            const p = ps[i]!;
            expect(r).toMatchObject({
              ref: p.uid,
              name: p.name,
              emails: p.emails,
              title: p.title,
              company: p.company,
              department: p.department,
              phone: p.phone,
              notes: p.notes,
              manager: p.managerName ? expect.objectContaining({ value: p.managerName }) : null,
            });
          });
        }),
        { numRuns: 150 },
      );
    },
  );
});

describe('reminders ICS', () => {
  test('all-day events with stable UIDs that ical.js reads back', () => {
    const ics = writeRemindersIcs(
      [
        {
          uid: 'nurture-3@rapport',
          kind: 'nurture',
          day: '2026-11-30',
          summary: 'Catch up with Ada, Lovelace',
          description: 'Last touch 2026-10-01; friend, every 30 days.',
        },
        {
          uid: 'stale-review-9@rapport',
          kind: 'stale-review',
          day: '2026-11-23',
          summary: 'Re-assess Alan on "Search"',
          description: null,
        },
      ],
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(
      events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.startDate.isDate, e.endDate.toString()]),
    ).toEqual([
      ['nurture-3@rapport', 'Catch up with Ada, Lovelace', '2026-11-30', true, '2026-12-01'],
      ['stale-review-9@rapport', 'Re-assess Alan on "Search"', '2026-11-23', true, '2026-11-24'],
    ]);
    expect(events[0]!.description).toBe('Last touch 2026-10-01; friend, every 30 days.');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(events[0]!.component.getFirstPropertyValue('categories')).toBe('Rapport: nurture');
  });
});
