import { ValidationError } from '../domain/errors.js';
import { CATEGORIES, MAX_CADENCE_DAYS, MAX_LEVEL, TIERS } from '../domain/person.js';
import { email as checkEmail, integerIn, oneOf } from '../domain/validate.js';
import { multiLine, singleLine } from './clean.js';
import { BadFileError, type Place, quote } from './errors.js';
import { HR_DATE_FORMS, hrDay } from './hr-date.js';
import type { ExternalId, InvalidRecord, NoticeRecord, PersonRecord, PersonRef } from './records.js';

/** A value as found in a file, with the column (or property) it came from for error messages. */
export interface Found {
  value: string;
  field: string;
}

/** What a contacts row or card says about a person, still as text. */
export interface RawPerson {
  /** A row a service left empty on purpose (LinkedIn's hidden members): counted, not read. */
  hidden?: boolean;
  ref?: string;
  name?: Found;
  emails?: Found[];
  title?: string;
  department?: string;
  company?: string;
  phone?: string;
  level?: Found;
  location?: string;
  hireDate?: Found;
  manager?: PersonRef | null;
  assistant?: PersonRef | null;
  notes?: string[];
  externalIds?: ExternalId[];
  /** Fields only Rapport's own people export carries. */
  team?: string;
  category?: Found;
  tier?: Found;
  cadenceDays?: Found;
}

/** The limits the domain checks on a person's fields; a longer value is refused, never cut. */
export const LIMITS = { name: 200, text: 200, phone: 50, email: 254, notes: 10_000 } as const;

export interface PersonRowOptions {
  /**
   * Contact files (vCards) are lenient: a field that breaks a rule is dropped with a notice and
   * the contact kept; a contact with neither name nor email is skipped with a notice. Org
   * charts and strict imports refuse the record instead.
   */
  lenient?: boolean;
  /** A strict import refuses what it would otherwise leave out (a hire date it cannot read). */
  strict?: boolean;
}

/** A field over its limit: the message names the limit and the length found. */
const tooLong = (what: string, max: number, length: number): string =>
  `expected ${what} of at most ${max.toLocaleString('en-US')} characters, got ${length.toLocaleString('en-US')}.`;

/**
 * Turns what a file says into a checked PersonRecord, or an InvalidRecord naming the field
 * and what was expected. A contact with no name but an email is named by the email, as
 * address books show it; one with neither is invalid. Text is cleaned of control and bidi
 * override characters. Leniently read records come with notices for each dropped field.
 */
export function personRecords(
  file: string,
  at: Place,
  raw: RawPerson,
  options: PersonRowOptions = {},
): (PersonRecord | InvalidRecord | NoticeRecord)[] {
  const notices: NoticeRecord[] = [];
  /** A bad optional field: dropped with a notice when lenient, else the record is refused. */
  const reject = (field: string, problem: string): void => {
    const error = new BadFileError(
      file,
      at,
      field,
      `${problem}${options.lenient ? ' The field is left out.' : ''}`,
    );
    if (!options.lenient) throw error;
    notices.push({ kind: 'notice', at, error });
  };
  try {
    const emails = new Set<string>();
    for (const e of raw.emails ?? []) {
      const value = e.value.length > 16 * LIMITS.email ? e.value.trim() : singleLine(e.value);
      // A vCard EMAIL (the lenient reader) holds one address; CSV cells may list several.
      for (const one of value.length > 16 * LIMITS.email || options.lenient
        ? [value.trim()]
        : splitEmails(value)) {
        if (one.length > LIMITS.email) {
          reject(e.field, tooLong('an email address', LIMITS.email, one.length));
          continue;
        }
        try {
          emails.add(checkEmail('email', one));
        } catch {
          reject(e.field, `expected an email address like ada@example.com, got ${quote(one)}.`);
        }
      }
    }
    const rawName = raw.name?.value ?? '';
    const name =
      (rawName.length > 2 * LIMITS.name + 1024 ? rawName : singleLine(rawName).trim()) ||
      [...emails][0] ||
      '';
    const nameField = raw.name?.field ?? 'name';
    if (name === '') {
      const error = new BadFileError(
        file,
        at,
        nameField,
        `expected a name or an email address; the record has neither${options.lenient ? ', so it is skipped' : ''}.`,
      );
      if (!options.lenient) throw error;
      return [...notices, { kind: 'notice', at, error, skipped: true }];
    }
    if (name.length > LIMITS.name)
      throw new BadFileError(file, at, nameField, tooLong('a name', LIMITS.name, name.length));
    const text = (
      field: string,
      v: string | undefined,
      max: number = LIMITS.text,
      clean: (v: string) => string = singleLine,
    ): string | null => {
      // Cleaning only shortens: a value far over its limit is refused before any work on it.
      const t = (v ?? '').length > 2 * max + 1024 ? (v ?? '') : clean(v ?? '').trim();
      if (t === '') return null;
      if (t.length > max) {
        reject(field, tooLong(field === 'notes' ? field : `a ${field}`, max, t.length));
        return null;
      }
      return t;
    };
    const notesText = (raw.notes ?? [])
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .join('\n');
    let level: number | null = null;
    if (raw.level) {
      try {
        level = parseLevel(file, at, raw.level);
      } catch (e) {
        if (!(e instanceof BadFileError) || !options.lenient) throw e;
        notices.push({ kind: 'notice', at, error: e });
      }
    }
    // A date the file does not give for certain is left out with a warning naming the line,
    // never guessed (03/04/2019: March or April?); the person still comes in.
    let hireDate: string | null = null;
    const hired = raw.hireDate?.value.trim() ?? '';
    if (raw.hireDate && hired !== '') {
      hireDate = hrDay(hired);
      if (hireDate === null)
        notices.push({
          kind: 'notice',
          at,
          error: new BadFileError(
            file,
            at,
            raw.hireDate.field,
            `expected a date as ${HR_DATE_FORMS}, got ${quote(hired.slice(0, 40))}.${options.strict ? '' : ' The date is left out.'}`,
          ),
        });
    }
    const record: PersonRecord = {
      kind: 'person',
      at,
      ref: singleLine(raw.ref ?? '').trim() || null,
      name,
      emails: [...emails],
      title: text('title', raw.title),
      department: text('department', raw.department),
      company: text('company', raw.company),
      phone: text('phone', raw.phone, LIMITS.phone),
      level,
      manager: cleanRef(raw.manager ?? null),
      assistant: cleanRef(raw.assistant ?? null),
      notes: text('notes', notesText, LIMITS.notes, multiLine),
      location: text('location', raw.location),
      hireDate,
      externalIds: (raw.externalIds ?? [])
        .map((x) => ({ kind: x.kind, value: singleLine(x.value).trim() }))
        .filter((x) => x.value !== '' && x.value.length <= LIMITS.text),
      ...(raw.team !== undefined ? { team: text('team', raw.team) } : {}),
      ...(raw.category ? { category: oneOf(raw.category.field, raw.category.value.trim(), CATEGORIES) } : {}),
      ...(raw.tier ? { tier: oneOf(raw.tier.field, raw.tier.value.trim(), TIERS) } : {}),
      ...(raw.cadenceDays
        ? {
            cadenceDays:
              raw.cadenceDays.value.trim() === ''
                ? null
                : integerIn(raw.cadenceDays.field, raw.cadenceDays.value, 1, MAX_CADENCE_DAYS),
          }
        : {}),
    };
    return [...notices, record];
  } catch (e) {
    if (e instanceof BadFileError) return [{ kind: 'invalid', at, error: e }];
    if (e instanceof ValidationError)
      return [{ kind: 'invalid', at, error: new BadFileError(file, at, e.field, e.message) }];
    throw e;
  }
}

const cleanRef = (ref: PersonRef | null): PersonRef | null => {
  if (ref === null) return null;
  const value = singleLine(ref.value).trim();
  return value === '' ? null : { by: ref.by, value };
};

/** Google joins several values in one cell with " ::: "; others use ";" or ",". */
export const splitEmails = (v: string): string[] =>
  v
    .split(/\s*:::\s*|[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * HRIS levels come as "5", "L5", "Grade 5" or "IC5". Rapport counts 1 as the top of the
 * organisation; the number is kept as written, so a file must use that direction too.
 */
function parseLevel(file: string, at: Place, level: Found): number | null {
  const v = level.value.trim();
  if (v === '') return null;
  // Exactly one number in the cell: "L5", "Grade 7", "3 - Vice President".
  const numbers = v.match(/\d+/g) ?? [];
  const n = numbers.length === 1 ? Number(numbers[0]) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LEVEL) {
    throw new BadFileError(
      file,
      at,
      level.field,
      `expected a level from 1 to ${MAX_LEVEL} (like 3 or L3), got ${quote(v)}.`,
    );
  }
  return n;
}

/** A manager/assistant cell: an email when it looks like one, otherwise as the column says. */
export function refFrom(value: string, by: PersonRef['by']): PersonRef | null {
  const v = value.trim();
  if (v === '') return null;
  if (v.includes('@') && !v.includes(' ')) return { by: 'email', value: v.toLowerCase() };
  return { by, value: v };
}
