import { ValidationError } from '../domain/errors.js';
import { MAX_LEVEL } from '../domain/person.js';
import { email as checkEmail } from '../domain/validate.js';
import { BadFileError, type Place, quote } from './errors.js';
import type { InvalidRecord, PersonRecord, PersonRef } from './records.js';

/** A value as found in a file, with the column (or property) it came from for error messages. */
export interface Found {
  value: string;
  field: string;
}

/** What a contacts row or card says about a person, still as text. */
export interface RawPerson {
  ref?: string;
  name?: Found;
  emails?: Found[];
  title?: string;
  department?: string;
  company?: string;
  phone?: string;
  level?: Found;
  manager?: PersonRef | null;
  assistant?: PersonRef | null;
  notes?: string[];
}

const MAX_TEXT = 200;

/**
 * Turns what a file says into a checked PersonRecord, or an InvalidRecord naming the field
 * and what was expected. A contact with no name but an email is named by the email, as
 * address books show it; one with neither is invalid.
 */
export function personRecord(file: string, at: Place, raw: RawPerson): PersonRecord | InvalidRecord {
  try {
    const emails: string[] = [];
    for (const e of raw.emails ?? []) {
      for (const one of splitEmails(e.value)) {
        let ok: string;
        try {
          ok = checkEmail('email', one);
        } catch {
          throw new BadFileError(
            file,
            at,
            e.field,
            `expected an email address like ada@example.com, got ${quote(one)}.`,
          );
        }
        if (!emails.includes(ok)) emails.push(ok);
      }
    }
    const name = raw.name?.value.trim() || emails[0] || '';
    if (name === '') {
      throw new BadFileError(
        file,
        at,
        raw.name?.field ?? 'name',
        'expected a name or an email address; the record has neither.',
      );
    }
    if (name.length > MAX_TEXT) {
      throw new BadFileError(
        file,
        at,
        raw.name?.field ?? 'name',
        `expected a name of at most ${MAX_TEXT} characters.`,
      );
    }
    const notes = (raw.notes ?? []).map((n) => n.trim()).filter((n) => n !== '');
    return {
      kind: 'person',
      at,
      ref: raw.ref?.trim() || null,
      name,
      emails,
      title: text(raw.title),
      department: text(raw.department),
      company: text(raw.company),
      phone: text(raw.phone, 50),
      level: raw.level ? parseLevel(file, at, raw.level) : null,
      manager: raw.manager ?? null,
      assistant: raw.assistant ?? null,
      notes: notes.length > 0 ? notes.join('\n').slice(0, 10_000) : null,
    };
  } catch (e) {
    if (e instanceof BadFileError) return { kind: 'invalid', at, error: e };
    if (e instanceof ValidationError)
      return { kind: 'invalid', at, error: new BadFileError(file, at, e.field, e.message) };
    throw e;
  }
}

const text = (v: string | undefined, max = MAX_TEXT): string | null => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t.slice(0, max);
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
