import { BadFileError } from './errors.js';

/** Bytes in, text out. Anything that yields byte chunks (a file stream, an array in tests). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

/** How much of a file we look at before choosing an encoding. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a byte stream as text. Exports in the wild come as UTF-8 (with or without BOM),
 * UTF-16 with a BOM (Excel "Unicode text", Outlook on Windows) or Latin-1 (old Excel CSV).
 * The first 64 KB choose: a BOM wins; else valid UTF-8; else, if the bytes hold no NULs,
 * Windows-1252, which is what "Latin-1" files from Windows really are. A file that switches
 * encoding later on is rejected with the byte offset rather than decoded into mojibake.
 */
export async function* decodeText(source: ByteSource, file: string): AsyncGenerator<string> {
  let head: Uint8Array = new Uint8Array(0);
  const it = toAsyncIterator(source);
  let done = false;
  while (head.length < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head = concat(head, next.value);
  }
  const encoding = sniffEncoding(head, file, done);
  const bomLength = encoding === 'utf-8' ? (hasUtf8Bom(head) ? 3 : 0) : encoding === 'latin1' ? 0 : 2;
  const decoder = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : encoding, {
    fatal: true,
    ignoreBOM: true,
  });
  let offset = 0;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      const text = decoder.decode(chunk, { stream });
      offset += chunk.length;
      return encoding === 'latin1' ? fixWindows1252(text) : text;
    } catch {
      throw new BadFileError(
        file,
        { unit: 'byte', n: offset },
        null,
        `the text is not valid ${encoding.toUpperCase()} after byte ${offset}; save the file as UTF-8 and import it again.`,
      );
    }
  };
  const first = decode(head.subarray(bomLength), !done);
  offset += bomLength;
  if (first !== '') yield first;
  if (done) return;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    const text = decode(next.value, true);
    if (text !== '') yield text;
  }
  const tail = decode(new Uint8Array(0), false);
  if (tail !== '') yield tail;
}

/**
 * Node's "windows-1252" decoder maps 0x80–0x9F to C1 controls (ISO-8859-1), but Windows files
 * mean curly quotes, dashes and the euro sign there.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const fixWindows1252 = (text: string): string =>
  text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);

const hasUtf8Bom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

export function sniffEncoding(head: Uint8Array, file: string, complete: boolean): Encoding {
  if (hasUtf8Bom(head)) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // NUL is valid UTF-8 but never appears in a text export; UTF-16 without a BOM is full of them.
  if (head.includes(0)) {
    throw new BadFileError(
      file,
      null,
      null,
      'this looks like UTF-16 text without a byte-order mark, or a binary file; save it as UTF-8 (or "Unicode text" with a BOM) and import it again.',
    );
  }
  if (isUtf8(head, complete)) return 'utf-8';
  return 'latin1';
}

/** A chunk cut mid-character is still UTF-8: only a bad sequence before the last 3 bytes counts. */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function toAsyncIterator(source: ByteSource): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return source[Symbol.iterator]();
}

/** Reads a whole text stream; for formats (JSON, iCalendar) whose parsers need all of it. */
export async function readAll(text: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const t of text) parts.push(t);
  return parts.join('');
}

/** Splits a text stream into lines (CRLF, LF or CR) without holding the whole file. */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  // A chunk may end between the CR and LF of one line break.
  let afterCR = false;
  for await (let chunk of text) {
    if (afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    if (chunk === '') continue;
    afterCR = chunk.endsWith('\r');
    const parts = (rest + chunk).split(/\r\n|\n|\r/);
    rest = parts.pop() ?? '';
    for (const p of parts) yield p;
  }
  if (rest !== '') yield rest;
}
