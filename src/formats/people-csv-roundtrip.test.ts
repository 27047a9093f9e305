import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CATEGORIES, MAX_CADENCE_DAYS, MAX_LEVEL, TIERS } from '../domain/person.js';
import { csvLine, PEOPLE_CSV_HEADER, type PersonCsvRow, personCsvLine } from './csv-write.js';
import type { PersonRecord } from './records.js';
import { outcome, peopleOf, readBytes, utf8 } from './test-support/read.js';

/** One-line text as a person's fields hold it: trimmed, with what spreadsheets and CSV trip on. */
const text = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom('a', 'Z', 'é', ' ', ',', '"', "'", '=', '+', '-', '@', ';', '😀', '1'),
      minLength: 1,
      maxLength: Math.min(max, 30),
    })
    .map((s) => s.trim())
    .filter((s) => s !== '');
const optional = (max: number) => fc.option(text(max), { nil: null });
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.+-]{0,10}$/), fc.stringMatching(/^[a-z]{1,8}\.[a-z]{2,4}$/))
  .map(([local, domain]) => `${local}@${domain}`);

const person = (id: number): fc.Arbitrary<PersonCsvRow> =>
  fc.record({
    id: fc.constant(id),
    name: text(200),
    emails: fc.uniqueArray(email, { maxLength: 3 }),
    title: optional(200),
    department: optional(200),
    team: optional(200),
    level: fc.option(fc.integer({ min: 1, max: MAX_LEVEL }), { nil: null }),
    managerId: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
    company: optional(200),
    phone: optional(50),
    category: fc.constantFrom(...CATEGORIES),
    tier: fc.constantFrom(...TIERS),
    cadenceDays: fc.option(fc.integer({ min: 1, max: MAX_CADENCE_DAYS }), { nil: null }),
    location: optional(200),
    hireDate: fc.option(
      fc
        .date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    externalIds: fc
      .tuple(
        fc.option(fc.stringMatching(/^E[0-9]{1,6}$/), { nil: null }),
        fc.option(fc.stringMatching(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]{1,20}$/), { nil: null }),
      )
      .map(([e, l]) => [
        ...(e ? [{ kind: 'employee', value: e }] : []),
        ...(l ? [{ kind: 'linkedin', value: l }] : []),
      ]),
  });

/** What Rapport's importer should make of an exported row: every column back in its field. */
const expected = (p: PersonCsvRow): Partial<PersonRecord> => ({
  ref: String(p.id),
  name: p.name,
  emails: p.emails,
  title: p.title,
  department: p.department,
  team: p.team,
  level: p.level,
  manager: p.managerId === null ? null : { by: 'id', value: String(p.managerId) },
  company: p.company,
  phone: p.phone,
  category: p.category as PersonRecord['category'],
  tier: p.tier as PersonRecord['tier'],
  cadenceDays: p.cadenceDays,
  location: p.location ?? null,
  hireDate: p.hireDate ?? null,
  externalIds: (p.externalIds ?? []) as PersonRecord['externalIds'],
});

describe("Rapport's own people CSV re-imports into the same fields", () => {
  test('property: every exported column comes back, formula guards taken off', async () => {
    const people = fc
      .array(fc.nat(), { minLength: 1, maxLength: 8 })
      .chain((ns) => fc.tuple(...ns.map((_, i) => person(i + 1))));
    await fc.assert(
      fc.asyncProperty(people, async (rows) => {
        const csv = csvLine(PEOPLE_CSV_HEADER) + rows.map(personCsvLine).join('');
        const { format, records } = await readBytes(utf8(csv), 'people.csv');
        expect(format).toBe('org-chart');
        expect(records.map(outcome)).toEqual(rows.map(() => 'person'));
        peopleOf(records).forEach((r, i) => {
          expect(r).toMatchObject(expected(rows[i]!));
        });
      }),
      { numRuns: 200 },
    );
  });

  test('an export made before location, hire date and external ids were exported still reads back as one', async () => {
    const old =
      'Id,Name,Email,Title,Department,Team,Level,Manager Id,Company,Phone,Category,Tier,Cadence Days\r\n1,Ada,,,,,,,,,client,partner,\r\n';
    const { records } = await readBytes(utf8(old), 'people.csv');
    expect(peopleOf(records)[0]).toMatchObject({
      ref: '1',
      category: 'client',
      tier: 'partner',
      externalIds: [],
    });
  });

  test('a guarded phone comes back without its apostrophe; another file keeps what it says', async () => {
    const row: PersonCsvRow = {
      id: 1,
      name: '=Eve',
      emails: [],
      title: "'quoted'",
      department: null,
      team: 'Core',
      level: null,
      managerId: null,
      company: 'Acme',
      phone: '+1 555 0100',
      category: 'client',
      tier: 'partner',
      cadenceDays: 21,
    };
    const { records } = await readBytes(utf8(csvLine(PEOPLE_CSV_HEADER) + personCsvLine(row)), 'people.csv');
    expect(peopleOf(records)[0]).toMatchObject({
      name: '=Eve',
      phone: '+1 555 0100',
      title: "'quoted'",
      company: 'Acme',
      team: 'Core',
    });
    // A hand-made org chart is not Rapport's export: its apostrophes are data.
    const { records: other } = await readBytes(utf8("Name,Phone\r\nBo,'+1 555 0101\r\n"), 'org.csv');
    expect(peopleOf(other)[0]!.phone).toBe("'+1 555 0101");
  });
});
