import { type Columns, cell, joinName } from './csv-columns.js';
import type { PeopleCsvLayout } from './csv-people.js';
import type { Found, RawPerson } from './person-row.js';

/** Google's labels cell: "* myContacts ::: Work"; the system label is noise. */
const labels = (v: string): string =>
  v
    .split(/\s*:::\s*/)
    .filter((l) => l !== '' && !l.startsWith('*'))
    .join(', ');

/** Where the two Google layouts keep the same facts, and how each spells a person's name. */
interface GoogleColumns {
  org: string;
  title: string;
  department: string;
  labels: string;
  labelsNote: string;
  name(c: Columns, cells: string[]): Found;
}

function googleReader(c: Columns, g: GoogleColumns): (cells: string[]) => RawPerson {
  const [org, title, dept, notes, lab, phone] = [
    g.org,
    g.title,
    g.department,
    'notes',
    g.labels,
    'phone 1 value',
  ].map((h) => c.find(h)) as [number, number, number, number, number, number];
  const emails = c.matching(/^e mail \d+ value$/);
  return (cells) => {
    const tags = labels(cell(cells, lab));
    return {
      name: g.name(c, cells),
      emails: emails.map((i) => ({ value: cell(cells, i), field: c.name(i) })),
      company: cell(cells, org),
      title: cell(cells, title),
      department: cell(cells, dept),
      phone: cell(cells, phone).split(' ::: ')[0],
      notes: [cell(cells, notes), tags && `${g.labelsNote}: ${tags}`],
    };
  };
}

/**
 * Google Contacts "Google CSV", current layout (2023-): First Name, Middle Name, Last Name, …,
 * Organization Name, Organization Title, Organization Department, Labels, E-mail 1 - Label,
 * E-mail 1 - Value, …; several values in one cell are joined by " ::: ". Starts with a BOM.
 */
export const googleContactsCsv: PeopleCsvLayout = {
  label: 'a Google Contacts CSV',
  expected: 'First Name, Middle Name, Last Name, …, E-mail 1 - Value, …',
  isHeader: (c) => c.has('first name') && c.has('e mail 1 value') && c.has('organization name', 'labels'),
  reader: (c: Columns) =>
    googleReader(c, {
      org: 'organization name',
      title: 'organization title',
      department: 'organization department',
      labels: 'labels',
      labelsNote: 'Google labels',
      name: (c, cells) => ({
        value:
          joinName(
            cell(cells, c.find('first name')),
            cell(cells, c.find('middle name')),
            cell(cells, c.find('last name')),
          ) ||
          cell(cells, c.find('file as')) ||
          cell(cells, c.find('nickname')),
        field: c.name(c.find('first name')),
      }),
    }),
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
  reader: (c: Columns) =>
    googleReader(c, {
      org: 'organization 1 name',
      title: 'organization 1 title',
      department: 'organization 1 department',
      labels: 'group membership',
      labelsNote: 'Google groups',
      name: (c, cells) => {
        const name = c.find('name');
        return {
          value:
            cell(cells, name) ||
            joinName(
              cell(cells, c.find('given name')),
              cell(cells, c.find('additional name')),
              cell(cells, c.find('family name')),
            ),
          field: c.name(name >= 0 ? name : c.find('given name')),
        };
      },
    }),
};
