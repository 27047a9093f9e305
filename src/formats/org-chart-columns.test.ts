import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Columns } from './csv-columns.js';
import { OrgColumns } from './org-chart-columns.js';
import { orgChartCsv, plainOrgRows } from './org-chart-csv.js';
import { personRecords } from './person-row.js';

const HEADER = [
  'Employee ID',
  'Name',
  'Job Title',
  'Manager ID',
  'Department',
  'Level',
  'Company',
  'Phone',
  'Location',
  'Work Email',
];

/** Cells made of what trips readers: separators, @, spaces of every kind, controls, digits. */
const cellText = fc
  .array(
    fc.constantFrom(
      'a',
      'B',
      'é',
      '7',
      '0',
      '12',
      ' ',
      '\u00a0',
      '\u3000',
      '\t',
      ';',
      ',',
      ':::',
      '@',
      '.',
      'x.org',
      'L',
      'Grade ',
      '\u0007',
      '\u202e',
      '"',
      '-',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
/** Mostly cells an HR export has; sometimes the tricky ones above. */
const usual = (common: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: common, weight: 9 }, { arbitrary: cellText, weight: 1 });
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}[a-z]$/);
const emailCell = fc.oneof(
  cellText,
  fc.constantFrom('ada@example.com', ' Ada@Example.COM ', 'a@b.co; c@d.co', 'bad@'),
);
const longCell = fc.nat(260).map((n) => 'x'.repeat(n));
const row = fc.tuple(
  usual(fc.oneof(fc.nat(99_999).map(String), longCell)),
  usual(fc.oneof(words, longCell)),
  usual(words),
  usual(fc.oneof(fc.nat(999).map(String), fc.constant(''))),
  usual(words),
  usual(fc.constantFrom('L3', 'Grade 7', '21', '0', '3 - VP', 'L1 L2', '')),
  usual(fc.constantFrom('', 'Globex')),
  usual(fc.oneof(fc.constant(''), longCell)),
  usual(fc.constantFrom('', 'Berlin')),
  usual(emailCell),
);

it('property: a row the columns take is the very record the usual reader makes of it', () => {
  const columns = new Columns(HEADER);
  const read = orgChartCsv.reader(columns, 'org.csv');
  const plain = plainOrgRows(columns)!;
  expect(plain).not.toBeNull();
  let taken = 0;
  fc.assert(
    fc.property(row, (cells) => {
      const into = new OrgColumns();
      if (!plain(cells, 2, into)) return;
      taken++;
      const usual = personRecords('org.csv', { unit: 'line', n: 2 }, read(cells));
      expect(usual).toEqual([into.record(0)]);
    }),
    { numRuns: 3000 },
  );
  // The generator reaches plain rows, not only the ones sent the usual way.
  expect(taken).toBeGreaterThan(100);
});

it('headers asking for more than plain rows give are read the usual way only', () => {
  for (const extra of ['Hire Date', 'Assistant', 'LinkedIn', 'Manager Email', 'Manager', 'Team'])
    expect(plainOrgRows(new Columns([...HEADER, extra]))).toBeNull();
  expect(plainOrgRows(new Columns(['First Name', 'Last Name', 'Title']))).toBeNull();
});
