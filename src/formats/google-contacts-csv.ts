import { type Columns, cell, joinName } from './csv-columns.js';
import type { PeopleCsvLayout } from './csv-people.js';
import type { Found } from './person-row.js';

const emailColumns = (c: Columns): number[] => c.matching(/^e mail \d+ value$/);

function emailsOf(c: Columns, cols: number[], cells: string[]): Found[] {
  return cols.map((i) => ({ value: cell(cells, i), field: c.name(i) }));
}

/** Google's labels cell: "* myContacts ::: Work"; the system label is noise. */
const labels = (v: string): string =>
  v
    .split(/\s*:::\s*/)
    .filter((l) => l !== '' && !l.startsWith('*'))
    .join(', ');

/**
 * Google Contacts "Google CSV", current layout (2023-): First Name, Middle Name, Last Name, …,
 * Organization Name, Organization Title, Organization Department, Labels, E-mail 1 - Label,
 * E-mail 1 - Value, …; several values in one cell are joined by " ::: ". Starts with a BOM.
 */
export const googleContactsCsv: PeopleCsvLayout = {
  label: 'a Google Contacts CSV',
  expected: 'First Name, Middle Name, Last Name, …, E-mail 1 - Value, …',
  isHeader: (c) => c.has('first name') && c.has('e mail 1 value') && c.has('organization name', 'labels'),
  reader(c: Columns) {
    const [first, middle, last, nick, fileAs] = [
      'first name',
      'middle name',
      'last name',
      'nickname',
      'file as',
    ].map((h) => c.find(h)) as [number, number, number, number, number];
    const [org, title, dept, notes, lab] = [
      'organization name',
      'organization title',
      'organization department',
      'notes',
      'labels',
    ].map((h) => c.find(h)) as [number, number, number, number, number];
    const phone = c.find('phone 1 value');
    const emails = emailColumns(c);
    return (cells) => ({
      name: {
        value:
          joinName(cell(cells, first), cell(cells, middle), cell(cells, last)) ||
          cell(cells, fileAs) ||
          cell(cells, nick),
        field: c.name(first),
      },
      emails: emailsOf(c, emails, cells),
      company: cell(cells, org),
      title: cell(cells, title),
      department: cell(cells, dept),
      phone: cell(cells, phone).split(' ::: ')[0],
      notes: [cell(cells, notes), labels(cell(cells, lab)) && `Google labels: ${labels(cell(cells, lab))}`],
    });
  },
};

/**
 * The legacy Google CSV (before 2023, still produced by many tools): Name, Given Name,
 * Additional Name, Family Name, …, Group Membership, E-mail 1 - Type, E-mail 1 - Value, …,
 * Organization 1 - Name, Organization 1 - Title, Organization 1 - Department.
 */
export const googleLegacyCsv: PeopleCsvLayout = {
  label: 'a Google Contacts CSV (legacy layout)',
  expected: 'Name, Given Name, Additional Name, Family Name, …, E-mail 1 - Type, E-mail 1 - Value, …',
  isHeader: (c) => c.has('given name') && c.has('family name') && c.has('e mail 1 value'),
  reader(c: Columns) {
    const [name, given, additional, family] = ['name', 'given name', 'additional name', 'family name'].map(
      (h) => c.find(h),
    ) as [number, number, number, number];
    const [org, title, dept, notes, groups] = [
      'organization 1 name',
      'organization 1 title',
      'organization 1 department',
      'notes',
      'group membership',
    ].map((h) => c.find(h)) as [number, number, number, number, number];
    const phone = c.find('phone 1 value');
    const emails = emailColumns(c);
    return (cells) => ({
      name: {
        value:
          cell(cells, name) || joinName(cell(cells, given), cell(cells, additional), cell(cells, family)),
        field: c.name(name >= 0 ? name : given),
      },
      emails: emailsOf(c, emails, cells),
      company: cell(cells, org),
      title: cell(cells, title),
      department: cell(cells, dept),
      phone: cell(cells, phone).split(' ::: ')[0],
      notes: [
        cell(cells, notes),
        labels(cell(cells, groups)) && `Google groups: ${labels(cell(cells, groups))}`,
      ],
    });
  },
};
