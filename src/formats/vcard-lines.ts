import { lines } from './decode.js';

/** One vCard property as written: `item1.EMAIL;TYPE=work:ada@example.com`. */
export interface ContentLine {
  /** Physical line where the property starts. */
  line: number;
  group: string | null;
  /** Upper-case property name. */
  name: string;
  /** Upper-case parameter names; values as written, unquoted. 2.1's bare `WORK` is TYPE=WORK. */
  params: Map<string, string[]>;
  /** The value with quoted-printable and charset decoded, escapes still in place. */
  value: string;
}

const isQuotedPrintable = (head: string): boolean => /QUOTED-PRINTABLE/i.test(head);

/**
 * Reads logical vCard lines: folded lines (CRLF + space or tab) are joined, as are 2.1
 * quoted-printable soft breaks (a value ending in "="), which continue on an unindented line.
 * Lines that are not properties come back with name "" so the caller can decide (2.1 writers
 * leave base64 photo data unindented, and a blank line ends it).
 */
export async function* contentLines(text: AsyncIterable<string>): AsyncGenerator<ContentLine> {
  // A property's physical lines are gathered in pieces and joined once: a value folded over
  // thousands of lines must not be copied at each one.
  let pieces: string[] | null = null;
  let quotedPrintable = false;
  let softBreak = false;
  let start = 0;
  let n = 0;
  for await (const raw of lines(text)) {
    n++;
    if (pieces !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      pieces.push(raw.slice(1));
      softBreak = quotedPrintable && raw.endsWith('=');
      continue;
    }
    if (pieces !== null && softBreak) {
      pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
      pieces.push(raw);
      softBreak = raw.endsWith('=');
      continue;
    }
    if (pieces !== null) yield parseContentLine(pieces.length === 1 ? pieces[0]! : pieces.join(''), start);
    pieces = [raw];
    quotedPrintable = isQuotedPrintable(headOf(raw));
    softBreak = quotedPrintable && raw.endsWith('=');
    start = n;
  }
  if (pieces !== null) yield parseContentLine(pieces.join(''), start);
}

const headOf = (line: string): string => {
  const colon = line.indexOf(':');
  return colon < 0 ? line : line.slice(0, colon);
};

export function parseContentLine(text: string, line: number): ContentLine {
  // The name and parameters end at the first colon outside double quotes.
  let i = text.indexOf(':');
  const quote = text.indexOf('"');
  if (quote >= 0 && (i < 0 || quote < i)) {
    // A quoted parameter value may hold a colon: walk on from the first quote.
    let quoted = false;
    for (i = quote; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (ch === ':' && !quoted) break;
    }
  }
  if (i < 0) i = text.length;
  if (i >= text.length || text.trim() === '')
    return { line, group: null, name: '', params: new Map(), value: text };
  const head = splitOutsideQuotes(text.slice(0, i), ';');
  const [groupName = '', ...paramParts] = head;
  const dot = groupName.lastIndexOf('.');
  const group = dot >= 0 ? groupName.slice(0, dot) : null;
  const name = (dot >= 0 ? groupName.slice(dot + 1) : groupName).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return { line, group: null, name: '', params: new Map(), value: text };
  const params = new Map<string, string[]>();
  for (const p of paramParts) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).trim().toUpperCase();
    const raw = eq < 0 ? p : p.slice(eq + 1);
    const values = splitOutsideQuotes(raw, ',').map((v) => v.trim().replace(/^"|"$/g, ''));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = text.slice(i + 1);
  const encoding = (params.get('ENCODING') ?? params.get('TYPE') ?? []).map((v) => v.toUpperCase());
  if (encoding.includes('QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  }
  return { line, group, name, params, value };
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  // Most parameters hold no quotes: one native split, no per-character strings to collect.
  if (!s.includes('"')) return s.split(sep);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * 2.1 writers (old phones, Outlook) put non-ASCII names as "=C3=A9" bytes in the card's CHARSET.
 * Unknown charsets fall back to UTF-8 so a name is at worst slightly garbled, never lost.
 */
export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const cp = value.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Undoes vCard 3.0/4.0 escapes (\n, \, \; \\) in one component. */
export const unescapeValue = (v: string): string =>
  v.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Splits a structured value (N, ORG) on semicolons that are not escaped. */
export function splitStructured(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '\\' && i + 1 < v.length) {
      cur += ch + v[i + 1];
      i++;
    } else if (ch === ';') {
      out.push(unescapeValue(cur));
      cur = '';
    } else cur += ch;
  }
  out.push(unescapeValue(cur));
  return out;
}
