import { RapportError } from '../domain/errors.js';
import { singleLine } from './clean.js';

/** Where in a file something was found: the unit matches how people look the place up. */
export interface Place {
  unit: 'line' | 'card' | 'event' | 'byte' | 'record';
  n: number;
}

export const placeText = (at: Place | null | undefined): string => (at ? `, ${at.unit} ${at.n}` : '');

/**
 * A file a user handed us is not what it claims to be. The message names the file, the place,
 * the field and what was expected, so the user can open the file and fix that one spot.
 */
export class BadFileError extends RapportError {
  readonly file: string;
  readonly at: Place | null;
  readonly field: string | null;
  /** `extra.input` names the request input that would resolve it (e.g. `format`). */
  constructor(
    file: string,
    at: Place | null,
    field: string | null,
    problem: string,
    extra?: Record<string, unknown>,
  ) {
    // A file's own header names reach this message: no control characters from them.
    const where = `${singleLine(file)}${placeText(at)}${field ? `, field "${singleLine(field)}"` : ''}`;
    super('bad_file', `${where}: ${problem}`, {
      file,
      ...(at ? { [at.unit]: at.n } : {}),
      ...(field ? { field } : {}),
      ...extra,
    });
    this.name = 'BadFileError';
    this.file = file;
    this.at = at;
    this.field = field;
  }
}

/** Shortens and escapes a value for quoting in a message so a 10 MB cell does not flood the terminal. */
export function quote(value: string, max = 60): string {
  const v = value.length > max ? `${value.slice(0, max)}…` : value;
  // JSON escapes C0 controls; C1 controls and bidi overrides must not reach a terminal either.
  return JSON.stringify(v).replace(
    /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
