import { type Columns, cell, joinName } from './csv-columns.js';
import { missingColumn, type PeopleCsvLayout } from './csv-people.js';
import { linkedInDay } from './hr-date.js';
import type { RawPerson } from './person-row.js';

export { linkedInDay } from './hr-date.js';

/**
 * LinkedIn's Connections.csv: a "Notes:" preamble (a paragraph about missing emails and a
 * blank line), then First Name, Last Name, URL, Email Address, Company, Position, Connected On.
 * Most emails are empty because members hide them, so people are matched by name too.
 */
export const linkedInCsv: PeopleCsvLayout = {
  label: 'a LinkedIn Connections.csv',
  expected: 'First Name, Last Name, URL, Email Address, Company, Position, Connected On',
  preambleLimit: 5,
  isHeader: (c) => c.has('first name') && c.has('last name') && c.has('connected on'),
  reader(c: Columns, file: string) {
    const [first, last, url, email, company, position, on] = [
      'first name',
      'last name',
      'url',
      'email address',
      'company',
      'position',
      'connected on',
    ].map((h) => c.find(h)) as [number, number, number, number, number, number, number];
    if (first < 0 || last < 0) throw missingColumn(file, 'A LinkedIn file', '"First Name" and "Last Name"');
    return (cells: string[]): RawPerson => {
      // Members who hide their data come as rows with no name, URL or email: not an error.
      if (!cell(cells, first) && !cell(cells, last) && !cell(cells, email) && !cell(cells, url))
        return { hidden: true };
      const connected = cell(cells, on);
      const day = connected === '' ? null : linkedInDay(connected);
      return {
        name: { value: joinName(cell(cells, first), cell(cells, last)), field: c.name(first) },
        emails: email >= 0 ? [{ value: cell(cells, email), field: c.name(email) }] : [],
        company: cell(cells, company),
        title: cell(cells, position),
        externalIds: [{ kind: 'linkedin', value: cell(cells, url) }],
        notes: [
          cell(cells, url) && `LinkedIn: ${cell(cells, url)}`,
          connected && `Connected on LinkedIn ${day ?? connected}`,
        ],
      };
    };
  },
};
