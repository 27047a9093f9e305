import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '../../domain/errors.js';

export const MIN_PASSWORD_LENGTH = 10;

// The most common passwords of public breach lists that are at least MIN_PASSWORD_LENGTH long;
// shorter ones are refused by length already.
const COMMON = new Set([
  '1234567890',
  '0987654321',
  '1234512345',
  '1111111111',
  '0000000000',
  '123456789a',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'iloveyou12',
  'passw0rd123',
  'qwerty12345',
  'qwerty123456',
  'abcdefghij',
  'abc1234567',
  'letmein123',
  'welcome123',
  'admin12345',
  'administrator',
  'changeme123',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'superman123',
  'trustno1234',
  'starwars123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'qazwsxedcrfv',
  'asdfghjkl1',
  'zxcvbnm123',
  'aaaaaaaaaa',
  'passwordpassword',
  'correcthorse',
  'rapport1234',
]);

/** A password good enough to protect private notes: long enough and not a well-known one. */
export function checkPassword(password: string, email: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new ValidationError(
      'password',
      `password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || lower === email.toLowerCase() || new Set(lower).size < 4)
    throw new ValidationError(
      'password',
      'password is too easy to guess; choose a longer phrase of your own.',
    );
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Spends the time a real check would, so an unknown email answers as slowly as a known one. */
let decoy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('an unguessable decoy password');
  await passwordMatches(await decoy, password);
}
