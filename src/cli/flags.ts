import { readDate } from '../app/core/index.js';
import { clock } from './context.js';
import { UsageError } from './errors.js';

/**
 * A flag that picks one of a fixed set. Anything else cannot be run as typed: a usage error
 * (exit 2) naming the flag and the choices.
 */
export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}

/**
 * Numeric text becomes a number; any other text is passed on as it is, for the contract to
 * refuse with a message naming the input (which the CLI then names as the flag).
 */
export function numberFlag(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  // One number rule: decimals yes, exponent notation (1e2), hex and the like no.
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : value;
}

/** Like numberFlag, but an empty value ("") clears the field. */
export const clearableNumber = (value: string | undefined): number | string | null | undefined =>
  value === '' ? null : numberFlag(value);

/**
 * Every date flag reads the same forms (YYYY-MM-DD, today, yesterday, N days ago, -Nd, last
 * monday…): relative ones become a day here, by the command's clock, so the contract sees ISO dates.
 */
export const dateFlag = (value: string | undefined, field: string): string | undefined =>
  value === undefined ? undefined : readDate(value, clock()(), field);
