import { ValidationError } from './errors.js';

/** Small checks shared by the entity rules; each names the field and the accepted range. */
export function requireText(field: string, value: unknown, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, `${field} is required and cannot be empty.`);
  }
  const text = value.trim();
  if (text.length > max) throw new ValidationError(field, `${field} is longer than ${max} characters.`);
  return text;
}

export function optionalText(field: string, value: unknown, max = 2000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(field, `${field} must be text.`);
  const text = value.trim();
  if (text.length > max) throw new ValidationError(field, `${field} is longer than ${max} characters.`);
  return text === '' ? null : text;
}

/** Accepts numbers or numeric strings (as typed on a command line), rejecting "high" or 1e400. */
export function integerIn(field: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isInteger(n)) {
    throw new ValidationError(
      field,
      `${field} must be a whole number from ${min} to ${max}; got "${String(value)}".`,
    );
  }
  if (n < min || n > max) {
    throw new ValidationError(field, `${field} must be from ${min} to ${max}; got ${n}.`);
  }
  return n;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationError(field, `${field} must be one of ${allowed.join(', ')}; got "${String(value)}".`);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(field: string, value: string): string {
  const e = value.trim().toLowerCase();
  if (!EMAIL_RE.test(e)) throw new ValidationError(field, `${field} "${value}" is not an email address.`);
  return e;
}
