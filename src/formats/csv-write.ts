export type CsvValue = string | number | null | undefined;

/**
 * One CSV line (RFC 4180, CRLF). Text that a spreadsheet would run as a formula (=, +, -, @)
 * gets a leading apostrophe: an exported note must not become code when someone opens it.
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * Text a spreadsheet would run: starts with =, +, -, @, tab or CR, after any apostrophes (so
 * "'=x" is guarded too and `unguard` can always take exactly one apostrophe off).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const safe = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes `csvCell`'s guard on a cell read back from Rapport's own export. */
export const unguard = (v: string): string =>
  v.startsWith("'") && FORMULA.test(v.slice(1)) ? v.slice(1) : v;

/** People as an org chart CSV: the header is one `rapport import` reads back as an org chart. */
export const PEOPLE_CSV_HEADER = [
  'Id',
  'Name',
  'Email',
  'Title',
  'Department',
  'Team',
  'Level',
  'Manager Id',
  'Company',
  'Phone',
  'Category',
  'Tier',
  'Cadence Days',
  'Location',
  'Hire Date',
  'Employee Id',
  'LinkedIn URL',
] as const;

/** The header before location, hire date and the external ids were exported (still read back). */
export const PEOPLE_CSV_HEADER_V1 = PEOPLE_CSV_HEADER.slice(0, 13);

export interface PersonCsvRow {
  id: number;
  name: string;
  emails: string[];
  title: string | null;
  department: string | null;
  team: string | null;
  level: number | null;
  managerId: number | null;
  company: string | null;
  phone: string | null;
  category: string;
  tier: string;
  cadenceDays: number | null;
  location?: string | null;
  hireDate?: string | null;
  /** Ids other systems give them: an HRIS employee id, a LinkedIn URL. */
  externalIds?: readonly { kind: string; value: string }[];
}

export const personCsvLine = (p: PersonCsvRow): string =>
  csvLine([
    p.id,
    p.name,
    p.emails.join('; '),
    p.title,
    p.department,
    p.team,
    p.level,
    p.managerId,
    p.company,
    p.phone,
    p.category,
    p.tier,
    p.cadenceDays,
    p.location ?? null,
    p.hireDate ?? null,
    externalOf(p, 'employee'),
    externalOf(p, 'linkedin'),
  ]);

/** One id of a kind per column; a person with several of a kind (after a merge) lists them all. */
const externalOf = (p: PersonCsvRow, kind: string): string | null =>
  (p.externalIds ?? [])
    .filter((x) => x.kind === kind)
    .map((x) => x.value)
    .join('; ') || null;

export const INTERACTIONS_CSV_HEADER = [
  'Occurred At',
  'Kind',
  'Capital',
  'People',
  'Emails',
  'Initiative',
  'Note',
  'Source',
] as const;

export interface InteractionCsvRow {
  occurredAt: string;
  kind: string;
  capital: number;
  people: { name: string; email: string | null }[];
  initiative: string | null;
  note: string | null;
  source: string | null;
}

export const interactionCsvLine = (i: InteractionCsvRow): string =>
  csvLine([
    i.occurredAt,
    i.kind,
    i.capital,
    i.people.map((p) => p.name).join('; '),
    i.people.map((p) => p.email ?? '').join('; '),
    i.initiative,
    i.note,
    i.source,
  ]);

export const ASSESSMENTS_CSV_HEADER = [
  'Assessed At',
  'Initiative',
  'Person',
  'Email',
  'Influence',
  'Stance',
  'Interconnectedness',
  'Note',
] as const;

export interface AssessmentCsvRow {
  assessedAt: string;
  initiative: string;
  person: string;
  email: string | null;
  influence: number;
  stance: number;
  interconnectedness: number | null;
  note: string | null;
}

export const assessmentCsvLine = (a: AssessmentCsvRow): string =>
  csvLine([
    a.assessedAt,
    a.initiative,
    a.person,
    a.email,
    a.influence,
    a.stance,
    a.interconnectedness,
    a.note,
  ]);
