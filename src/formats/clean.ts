/**
 * Imported text reaches terminals, XML exports and spreadsheets. A contact file can carry
 * escape sequences (a vCard `FN:Mallory\x1b]52;c;…\x07` sets the clipboard through OSC 52)
 * or bidi overrides that make a name read differently from what it is. Imports strip them:
 * C0 and C1 controls, DEL, and the bidi embedding/override/isolate characters.
 */
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\r\n]+/g;

/** Names, titles, emails: one line, no controls; tabs and line breaks become one space. */
export const singleLine = (v: string): string =>
  // One test first: nearly every value is clean, and two replaces cost twice the scan.
  hasUnsafe(v) ? v.replace(UNSAFE, '').replace(BREAKS, ' ') : v;

/** Notes: line breaks (as \n) and tabs stay, every other control goes. */
export const multiLine = (v: string): string => v.replace(UNSAFE, '').replace(/\r\n?/g, '\n');

/** True when a value holds anything `singleLine` would remove or change. */
export const hasUnsafe = (v: string): boolean => ANY_UNSAFE.test(v);
const ANY_UNSAFE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
