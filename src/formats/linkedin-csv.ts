import { type Columns, cell, joinName } from './csv-columns.js';
import { missingColumn, type PeopleCsvLayout } from './csv-people.js';
import type { RawPerson } from './person-row.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** LinkedIn writes "12 Mar 2024"; returns 2024-03-12, or null when it is not a real day. */
export function linkedInDay(value: string): string | null {
  const m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const d = new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
  if (d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== month) return null;
  return d.toISOString().slice(0, 10);
}

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
