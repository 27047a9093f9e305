import { type Columns, cell, joinName } from './csv-columns.js';
import type { PeopleCsvLayout } from './csv-people.js';
import type { Found } from './person-row.js';
import { refFrom } from './person-row.js';

/**
 * Exchange accounts export their own address as an X.500 path ("/o=ExchangeLabs/ou=…/cn=…"),
 * not an email; such cells say nothing we can match on, so they are dropped.
 */
const isX500 = (v: string): boolean => v.startsWith('/o=') || v.startsWith('/O=');

/**
 * Outlook's "Comma Separated Values" export: Title (Mr., Dr.), First Name, Middle Name,
 * Last Name, Suffix, Company, Department, Job Title, …, E-mail Address, E-mail Type,
 * E-mail Display Name, E-mail 2 Address, …, Manager's Name, Assistant's Name. The manager
 * and assistant columns become the reporting line and the gatekeeper hint.
 */
export const outlookContactsCsv: PeopleCsvLayout = {
  label: 'an Outlook contacts CSV',
  expected: "First Name, Middle Name, Last Name, …, E-mail Address, …, Manager's Name",
  isHeader: (c) => c.has('first name') && c.has('e mail address') && c.has('job title', 'manager s name'),
  reader(c: Columns) {
    const idx = (h: string) => c.find(h);
    const [first, middle, last, suffix] = ['first name', 'middle name', 'last name', 'suffix'].map(idx) as [
      number,
      number,
      number,
      number,
    ];
    const emailCols = ['e mail address', 'e mail 2 address', 'e mail 3 address']
      .map(idx)
      .filter((i) => i >= 0);
    const [company, dept, title, notes, manager, assistant] = [
      'company',
      'department',
      'job title',
      'notes',
      'manager s name',
      'assistant s name',
    ].map(idx) as [number, number, number, number, number, number];
    const phone = c.find('business phone', 'mobile phone', 'primary phone');
    return (cells) => {
      const emails: Found[] = emailCols
        .map((i) => ({ value: cell(cells, i), field: c.name(i) }))
        .filter((e) => !isX500(e.value));
      return {
        name: {
          value: joinName(cell(cells, first), cell(cells, middle), cell(cells, last), cell(cells, suffix)),
          field: c.name(first),
        },
        emails,
        company: cell(cells, company),
        department: cell(cells, dept),
        title: cell(cells, title),
        phone: cell(cells, phone),
        notes: [cell(cells, notes)],
        manager: refFrom(cell(cells, manager), 'name'),
        assistant: refFrom(cell(cells, assistant), 'name'),
      };
    };
  },
};
