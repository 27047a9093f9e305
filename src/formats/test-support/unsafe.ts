/** Characters no parsed value may hold: C0 (tab and line feed aside), DEL, C1 and bidi controls. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const BREAKS = /[\t\n]/;

/**
 * The paths of every string in a parsed record (and its error message) that holds a control
 * or bidi character; line breaks and tabs are allowed in notes only. JSON.stringify would hide
 * C0 characters behind \u escapes, so the values are walked one by one.
 */
export function unsafeStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const multiLine = /\.notes$/.test(path);
    return UNSAFE.test(value) || (!multiLine && BREAKS.test(value) && !/\.message$/.test(path)) ? [path] : [];
  }
  if (value instanceof Error) return unsafeStrings(value.message.replace(/\n/g, ' '), `${path}.message`);
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeStrings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => unsafeStrings(v, `${path}.${k}`));
  }
  return [];
}
