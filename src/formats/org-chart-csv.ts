import { hasUnsafe } from './clean.js';
import { type Columns, joinName, cell as plainCell } from './csv-columns.js';
import { missingColumn, type PeopleCsvLayout } from './csv-people.js';
import { PEOPLE_CSV_HEADER, PEOPLE_CSV_HEADER_V1, unguard } from './csv-write.js';
import { type PlainRowReader, plainEmail, plainLevel, plainText } from './org-chart-columns.js';
import { type Found, LIMITS, refFrom } from './person-row.js';

/** Header names HRIS exports (Workday, BambooHR, hand-made sheets) use for each field. */
export const ORG_ALIASES = {
  id: ['employee id', 'id', 'employee number', 'employee no', 'emp id', 'worker id', 'person id', 'staff id'],
  name: ['name', 'full name', 'employee name', 'display name', 'preferred name', 'worker', 'legal name'],
  first: ['first name', 'given name', 'firstname', 'first', 'preferred first name'],
  last: ['last name', 'surname', 'family name', 'lastname', 'last'],
  title: ['title', 'job title', 'position', 'business title', 'role', 'job profile', 'position title'],
  department: ['department', 'dept', 'division', 'supervisory organization', 'organization', 'org'],
  team: ['team'],
  company: ['company', 'employer'],
  level: ['level', 'grade', 'job level', 'pay grade', 'management level', 'career level', 'band'],
  email: [
    'email',
    'work email',
    'email address',
    'e mail',
    'business email',
    'work email address',
    'primary work email',
  ],
  phone: ['phone', 'work phone', 'business phone', 'mobile', 'phone number'],
  managerId: [
    'manager id',
    'manager employee id',
    'supervisor id',
    'reports to id',
    'manager number',
    'manager employee number',
  ],
  managerEmail: [
    'manager email',
    'supervisor email',
    'manager e mail',
    'reports to email',
    'manager work email',
  ],
  managerName: [
    'manager',
    'manager name',
    'reports to',
    'supervisor',
    'supervisor name',
    'line manager',
    'direct manager',
  ],
  assistant: ['assistant', 'assistant name', 'executive assistant', 'assistant email', 'ea'],
  linkedin: ['linkedin url', 'linkedin', 'linkedin profile', 'linkedin profile url'],
  location: [
    'location',
    'office',
    'work location',
    'office location',
    'site',
    'work site',
    'primary work location',
  ],
  hireDate: [
    'hire date',
    'start date',
    'date of hire',
    'hired on',
    'original hire date',
    'employment start date',
    'joining date',
    'date joined',
  ],
} as const;

export const orgChartCsv: PeopleCsvLayout = {
  label: 'an org chart CSV',
  expected:
    'a name (or first and last name) column, optionally id, email, title, department, level, manager, assistant, location, hire date',
  isHeader: (c) => c.has(...ORG_ALIASES.name) || (c.has(...ORG_ALIASES.first) && c.has(...ORG_ALIASES.last)),
  reader(c: Columns, file: string) {
    const col = (k: keyof typeof ORG_ALIASES) => c.find(...ORG_ALIASES[k]);
    // Rapport's own export: every column goes back to its field, and the apostrophe that kept
    // a spreadsheet from running "=..." as a formula comes off again.
    const own = isRapportPeopleExport(c);
    const [id, name, first, last, email, level] = [
      // Its "Id" is Rapport's id (the manager column refers to it); the HR id has its own column.
      own ? c.find('id') : col('id'),
      col('name'),
      col('first'),
      col('last'),
      col('email'),
      col('level'),
    ];
    const [mId, mEmail, mName, assistant] = [
      col('managerId'),
      col('managerEmail'),
      col('managerName'),
      col('assistant'),
    ];
    if (name < 0 && (first < 0 || last < 0))
      throw missingColumn(file, 'An org chart', 'a "Name" (or "First Name" and "Last Name")');
    const [title, department, phone, team, company, location, hireDate] = [
      col('title'),
      col('department'),
      col('phone'),
      col('team'),
      col('company'),
      col('location'),
      col('hireDate'),
    ];
    const [employeeId, linkedin] = [own ? c.find('employee id') : -1, col('linkedin')];
    const cell = own ? (cells: readonly string[], i: number) => unguard(plainCell(cells, i)) : plainCell;
    const found = (cells: readonly string[], i: number): Found | undefined =>
      i < 0 ? undefined : { value: cell(cells, i), field: c.name(i) };
    return (cells) => ({
      company: cell(cells, company),
      ...(team >= 0 ? { team: cell(cells, team) } : {}),
      ...(own
        ? {
            category: found(cells, c.find('category')),
            tier: found(cells, c.find('tier')),
            cadenceDays: found(cells, c.find('cadence days')),
          }
        : {}),
      ref: cell(cells, id),
      // Rapport's own export carries Rapport ids, and the HR system's apart.
      externalIds: [
        ...splitIds(cell(cells, own ? employeeId : id)).map((value) => ({
          kind: 'employee' as const,
          value,
        })),
        ...splitIds(cell(cells, linkedin)).map((value) => ({ kind: 'linkedin' as const, value })),
      ],
      name: {
        value: name >= 0 ? cell(cells, name) : joinName(cell(cells, first), cell(cells, last)),
        field: c.name(name >= 0 ? name : first),
      },
      emails: email >= 0 ? [{ value: cell(cells, email), field: c.name(email) }] : [],
      title: cell(cells, title),
      department: cell(cells, department),
      phone: cell(cells, phone),
      level: level >= 0 ? { value: cell(cells, level), field: c.name(level) } : undefined,
      location: cell(cells, location),
      hireDate: hireDate >= 0 ? { value: cell(cells, hireDate), field: c.name(hireDate) } : undefined,
      manager:
        refFrom(cell(cells, mId), 'id') ??
        refFrom(cell(cells, mEmail), 'email') ??
        refFrom(cell(cells, mName), 'name'),
      assistant: refFrom(cell(cells, assistant), 'name'),
    });
  },
};

/**
 * The plain-row reader for an org chart with this header, or null when its columns ask for
 * more than plain rows can give (first and last names, hire dates, assistants, LinkedIn,
 * managers by email or name, teams, Rapport's own export).
 */
export function plainOrgRows(c: Columns): PlainRowReader | null {
  const col = (k: keyof typeof ORG_ALIASES) => c.find(...ORG_ALIASES[k]);
  const name = col('name');
  if (name < 0 || isRapportPeopleExport(c)) return null;
  for (const k of ['managerEmail', 'managerName', 'assistant', 'linkedin', 'team', 'hireDate'] as const)
    if (col(k) >= 0) return null;
  const [id, mId, email, level] = [col('id'), col('managerId'), col('email'), col('level')];
  const [title, department, company, phone, location] = [
    col('title'),
    col('department'),
    col('company'),
    col('phone'),
    col('location'),
  ];
  const width = c.names.length;
  return (cells, line, into) => {
    if (cells.length > width) return false;
    const mail = email < 0 ? null : plainEmail(plainCell(cells, email), LIMITS.email);
    if (mail === undefined) return false;
    const n = plainCell(cells, name);
    if (n === '' || n.length > LIMITS.name || hasUnsafe(n)) return false;
    const ref = plainCell(cells, id);
    if (ref.length > LIMITS.text || ref.includes(';') || hasUnsafe(ref)) return false;
    const manager = plainCell(cells, mId);
    if (manager.includes('@') || hasUnsafe(manager)) return false;
    const lv = level < 0 ? null : plainLevel(plainCell(cells, level));
    if (lv === undefined) return false;
    const t = plainText(cells, title, LIMITS.text);
    const d = plainText(cells, department, LIMITS.text);
    const co = plainText(cells, company, LIMITS.text);
    const p = plainText(cells, phone, LIMITS.phone);
    const lo = plainText(cells, location, LIMITS.text);
    if (t === undefined || d === undefined || co === undefined || p === undefined || lo === undefined)
      return false;
    into.line.push(line);
    into.name.push(n);
    into.ref.push(ref === '' ? null : ref);
    into.manager.push(manager === '' ? null : manager);
    into.title.push(t);
    into.department.push(d);
    into.company.push(co);
    into.phone.push(p);
    into.location.push(lo);
    into.level.push(lv);
    into.email.push(mail);
    return true;
  };
}

/** The header `rapport export people` writes (or wrote, before location and external ids), column for column. */
export const isRapportPeopleExport = (c: Columns): boolean =>
  [PEOPLE_CSV_HEADER, PEOPLE_CSV_HEADER_V1].some(
    (header) =>
      c.names.length === header.length &&
      header.every((h, i) => c.names[i]?.toLowerCase() === h.toLowerCase()),
  );

/** An export lists several ids of a kind as "a; b". */
const splitIds = (v: string): string[] =>
  v
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
