import { MAX_LEVEL } from '../domain/person.js';
import { email as checkEmail } from '../domain/validate.js';
import { hasUnsafe } from './clean.js';
import { cell } from './csv-columns.js';
import type { PersonRecord } from './records.js';

/**
 * An org chart's plain rows as columns, one array per field and no object per row: what a
 * million-row HR export is made of. A row is plain when reading it the usual way
 * (orgChartCsv's reader, then personRecords) would give a person with nothing cleaned, split,
 * dropped or refused: then its cells, trimmed, are the record's fields. Any other row (a
 * control character, a bad level or email, two ids or emails in a cell) is read the usual way;
 * `record(i)` turns a plain row into the very record the usual way gives.
 */
export class OrgColumns {
  readonly line: number[] = [];
  readonly name: string[] = [];
  /** The id column: the file's own id of the person and their employee id; null when empty. */
  readonly ref: (string | null)[] = [];
  /** The manager's id in the file, null when the cell is empty. */
  readonly manager: (string | null)[] = [];
  readonly title: (string | null)[] = [];
  readonly department: (string | null)[] = [];
  readonly company: (string | null)[] = [];
  readonly phone: (string | null)[] = [];
  readonly location: (string | null)[] = [];
  readonly level: (number | null)[] = [];
  /** The one work email, checked and lower-cased as personRecords keeps it; null for none. */
  readonly email: (string | null)[] = [];

  get length(): number {
    return this.line.length;
  }

  /** The record the usual reader makes of plain row i. */
  record(i: number): PersonRecord {
    const ref = this.ref[i]!;
    const manager = this.manager[i]!;
    const email = this.email[i]!;
    return {
      kind: 'person',
      at: { unit: 'line', n: this.line[i]! },
      ref,
      name: this.name[i]!,
      emails: email === null ? [] : [email],
      title: this.title[i]!,
      department: this.department[i]!,
      company: this.company[i]!,
      phone: this.phone[i]!,
      level: this.level[i]!,
      manager: manager === null ? null : { by: 'id', value: manager },
      assistant: null,
      notes: null,
      location: this.location[i]!,
      hireDate: null,
      externalIds: ref === null ? [] : [{ kind: 'employee', value: ref }],
    };
  }
}

/** Reads an org chart's rows into OrgColumns; says whether a row was plain (and taken). */
export type PlainRowReader = (cells: readonly string[], line: number, into: OrgColumns) => boolean;

/** A text cell as personRecords keeps it (null when empty), or undefined when it is not plain. */
export function plainText(cells: readonly string[], i: number, max: number): string | null | undefined {
  const v = cell(cells, i);
  if (v === '') return null;
  return v.length > max || hasUnsafe(v) ? undefined : v;
}

/**
 * A level cell as personRecords reads it ("5", "L5", "Grade 5": exactly one number, 1 to
 * MAX_LEVEL), null when empty, undefined when it would refuse it.
 */
export function plainLevel(v: string): number | null | undefined {
  if (v === '') return null;
  let start = -1;
  let end = -1;
  for (let i = 0; i < v.length; i++) {
    const digit = v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57;
    if (!digit) continue;
    if (start >= 0 && end < i) return undefined; // a second number
    if (start < 0) start = i;
    end = i + 1;
  }
  if (start < 0) return undefined;
  const n = Number(v.slice(start, end));
  return n >= 1 && n <= MAX_LEVEL ? n : undefined;
}

/**
 * An email cell as personRecords keeps it when it holds one address: checked and lower-cased;
 * null when empty; undefined for anything else (several addresses, a bad one).
 */
export function plainEmail(v: string, max: number): string | null | undefined {
  if (v === '') return null;
  if (v.length > max || hasUnsafe(v) || SEPARATORS.test(v)) return undefined;
  try {
    return checkEmail('email', v);
  } catch {
    return undefined;
  }
}

/** What splitEmails splits a cell at. */
const SEPARATORS = /[;,\s]|:::/;
