import { BadFileError } from './errors.js';

/** Bytes in, text out. Anything that yields byte chunks (a file stream, an array in tests). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Where a byte sits: its offset from the start of the file (0-based) and its line (1-based). */
interface BytePlace {
  offset: number;
  line: number;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes a byte stream as text. Exports in the wild come as UTF-8 (with or without BOM),
 * UTF-16 with a BOM (Excel "Unicode text", Outlook on Windows) or Windows-1252 (old Excel
 * CSV, what "Latin-1" files from Windows really are). The rule, checked over the whole file
 * as it streams, never on a sample:
 * - a BOM names the encoding;
 * - a file that is valid UTF-8 throughout is UTF-8;
 * - a file whose first non-ASCII byte is not UTF-8 is Windows-1252, as long as it stays
 *   plausible: no byte Windows-1252 leaves undefined and no UTF-8 sequence later on;
 * - anything else (UTF-8 with a stray Windows-1252 byte, Windows-1252 with UTF-8 in it, NUL
 *   bytes) is refused naming the byte offset and line of the first byte that breaks the rule.
 * Before the first non-ASCII byte both readings give the same text, so nothing is held back.
 */
export async function* decodeText(source: ByteSource, file: string): AsyncGenerator<string> {
  const it = toAsyncIterator(source);
  let head: Uint8Array = new Uint8Array(0);
  let done = false;
  // Enough bytes to see a BOM.
  while (head.length < 4) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head = concat(head, next.value);
  }
  const utf16 =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : null;
  if (utf16) {
    yield* decodeUtf16(utf16, head, done, it, file);
    return;
  }
  const bom = hasUtf8Bom(head);
  const reader = new Utf8OrWindows1252(file, bom ? 'utf-8' : null, bom ? 3 : 0);
  const first = reader.push(bom ? head.subarray(3) : head, done);
  if (first !== '') yield first;
  if (done) return;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    const text = reader.push(next.value, false);
    if (text !== '') yield text;
  }
  const tail = reader.push(new Uint8Array(0), true);
  if (tail !== '') yield tail;
}

/** Validates and decodes UTF-8 or Windows-1252 chunk by chunk, keeping byte offsets and lines exact. */
class Utf8OrWindows1252 {
  private carry: Uint8Array = new Uint8Array(0);
  private offset: number;
  private line = 1;
  private lastWasCR = false;
  private firstUtf8: BytePlace | null = null;
  private firstOther: BytePlace | null = null;
  private readonly utf8 = new TextDecoder('utf-8');
  private readonly cp1252 = new TextDecoder('windows-1252');

  constructor(
    private readonly file: string,
    private mode: 'utf-8' | 'windows-1252' | null,
    startOffset: number,
  ) {
    this.offset = startOffset;
  }

  push(chunk: Uint8Array, final: boolean): string {
    const data = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    // `offset` is the file offset of data[0].
    const n = data.length;
    let i = 0;
    let line = this.line;
    let lastWasCR = this.lastWasCR;
    const here = (at: number): BytePlace => ({ offset: this.offset + at, line });
    while (i < n) {
      const b = data[i]!;
      if (b < 0x80) {
        if (b === 0x0a) {
          if (!lastWasCR) line++;
          lastWasCR = false;
        } else if (b === 0x0d) {
          line++;
          lastWasCR = true;
        } else {
          lastWasCR = false;
          if (b === 0) this.refuseNul(here(i));
        }
        i++;
        continue;
      }
      lastWasCR = false;
      const length = utf8SequenceLength(data, i);
      if (length < 0 && !final) break; // cut by the chunk's end: wait for the rest
      if (length > 0) {
        if (this.mode === 'windows-1252') this.refuseMixed(this.firstOther!, here(i), 'utf-8');
        this.mode = 'utf-8';
        this.firstUtf8 ??= here(i);
        i += length;
        continue;
      }
      if (this.mode === 'utf-8') this.refuseMixed(this.firstUtf8 ?? here(0), here(i), 'windows-1252');
      if (CP1252_UNDEFINED.has(b)) this.refuseUndefined(here(i), b);
      this.mode = 'windows-1252';
      this.firstOther ??= here(i);
      i++;
    }
    this.carry = i < n ? data.slice(i) : new Uint8Array(0);
    this.offset += i;
    this.line = line;
    this.lastWasCR = lastWasCR;
    const done = data.subarray(0, i);
    if (done.length === 0) return '';
    return this.mode === 'windows-1252' ? fixWindows1252(this.cp1252.decode(done)) : this.utf8.decode(done);
  }

  private refuseNul(at: BytePlace): never {
    throw new BadFileError(
      this.file,
      { unit: 'byte', n: at.offset },
      null,
      `a NUL byte at byte offset ${at.offset} (line ${at.line}): this looks like UTF-16 text without a byte-order mark, or a binary file; save it as UTF-8 (or "Unicode text" with a BOM) and import it again.`,
    );
  }

  private refuseMixed(first: BytePlace, at: BytePlace, found: 'utf-8' | 'windows-1252'): never {
    const problem =
      found === 'windows-1252'
        ? `the text is UTF-8 (from byte offset ${first.offset}, line ${first.line}) but the byte at offset ${at.offset} (line ${at.line}) is not UTF-8`
        : `the text reads as Windows-1252 (from byte offset ${first.offset}, line ${first.line}) but holds UTF-8 at byte offset ${at.offset} (line ${at.line})`;
    throw new BadFileError(
      this.file,
      { unit: 'byte', n: at.offset },
      null,
      `${problem}: the file mixes encodings. Save it as UTF-8 and import it again.`,
    );
  }

  private refuseUndefined(at: BytePlace, byte: number): never {
    throw new BadFileError(
      this.file,
      { unit: 'byte', n: at.offset },
      null,
      `the byte 0x${byte.toString(16).toUpperCase()} at byte offset ${at.offset} (line ${at.line}) is neither UTF-8 nor Windows-1252 text; save the file as UTF-8 and import it again.`,
    );
  }
}

/**
 * The length of the well-formed UTF-8 sequence starting at `i` (2–4), 0 when the bytes there
 * are not UTF-8, or -1 when the data ends before the sequence could be told complete.
 */
function utf8SequenceLength(d: Uint8Array, i: number): number {
  const b = d[i]!;
  let length: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= d.length) return -1;
    const c = d[i + k]!;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return length;
}

async function* decodeUtf16(
  encoding: 'utf-16le' | 'utf-16be',
  head: Uint8Array,
  done: boolean,
  it: AsyncIterator<Uint8Array> | Iterator<Uint8Array>,
  file: string,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = 2;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      const text = decoder.decode(chunk, { stream });
      offset += chunk.length;
      return text;
    } catch {
      throw new BadFileError(
        file,
        { unit: 'byte', n: offset },
        null,
        `the text is not valid ${encoding.toUpperCase()} in the bytes from offset ${offset}; save the file as UTF-8 and import it again.`,
      );
    }
  };
  const first = decode(head.subarray(2), !done);
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

/**
 * Splits a text stream into lines (CRLF, LF or CR) without holding the whole file. A line
 * longer than a chunk is gathered in pieces and joined once, so a 100 MB line costs 100 MB of
 * work, not a re-split of everything so far at every chunk.
 */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let pieces: string[] = [];
  // A chunk may end between the CR and LF of one line break.
  let afterCR = false;
  for await (let chunk of text) {
    if (afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    if (chunk === '') continue;
    afterCR = chunk.endsWith('\r');
    const parts = chunk.split(/\r\n|\n|\r/);
    if (parts.length === 1) {
      pieces.push(chunk);
      continue;
    }
    pieces.push(parts[0]!);
    yield pieces.join('');
    pieces = [];
    for (let k = 1; k < parts.length - 1; k++) yield parts[k]!;
    const last = parts[parts.length - 1]!;
    if (last !== '') pieces.push(last);
  }
  const rest = pieces.join('');
  if (rest !== '') yield rest;
}
