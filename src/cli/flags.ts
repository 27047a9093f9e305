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
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
