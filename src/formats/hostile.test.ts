import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvCell } from './csv-write.js';
import type { ImportFormat } from './detect.js';
import { fixturePath, readBytes } from './test-support/read.js';
import { unsafeStrings } from './test-support/unsafe.js';

/**
 * Every importer fed generated hostile text: control characters (terminal escapes), bidi
 * overrides, separators and quotes, huge fields and bytes that are not text. Whatever comes
 * in, an import either reads records or refuses with a BadFileError naming the file: never a
 * crash, never an untyped error, and never a control character in what it read.
 */
const HOSTILE_UNITS = [
  '\x1b]52;c;ZWNobw==\x07',
  '\x1b[2J',
  '\x00',
  '\x08',
  '\x0b',
  '\x7f',
  '\x85',
  '\x9b',
  '\u202e',
  '\u2066',
  '\u2069',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '"',
  ',',
  ';',
  ':',
  '\\',
  '=',
  '@',
  ' ',
  'a',
  'Zoë',
  '😀',
  '\ufeff',
  'x@y.io',
];

const hostile = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 12 }) },
  // Huge fields: a long run of one unit, past every limit.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '\x1b', ',', '"'), fc.integer({ min: 300, max: 20_000 }))
      .map(([u, n]) => u.repeat(n)),
  },
);

/** How the text reaches us: UTF-8, Windows-1252 bytes, or with a stray invalid byte. */
const encoding = fc.constantFrom('utf-8', 'latin1', 'stray-byte');

function encode(text: string, how: string, at: number): Uint8Array {
  if (how === 'latin1') return Uint8Array.from(Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1'));
  const bytes = Buffer.from(text, 'utf8');
  if (how === 'utf-8' || bytes.length === 0) return bytes;
  const i = at % bytes.length;
  return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff, 0x81]), bytes.subarray(i)]);
}

const headerOf = (fixture: string) =>
  readFileSync(fixturePath(fixture), 'utf8')
    .split(/\r?\n/)[0]!
    .replace(/^\uFEFF/, '');
const rowsOf = (width: number, values: string[], quote: boolean) =>
  Array.from({ length: 3 }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const v = values[(r * width + c) % values.length] ?? '';
      return quote ? csvCell(v) : v;
    }).join(','),
  ).join('\r\n');

const csv = (header: string) => (values: string[], quote: boolean) =>
  `${header}\r\n${rowsOf(header.split(',').length, values, quote)}\r\n`;

const FILES: [ImportFormat, (values: string[], quote: boolean) => string][] = [
  ['org-chart', csv('Employee ID,Name,Email,Title,Department,Level,Manager ID,Phone,Assistant')],
  ['google-contacts', csv(headerOf('google-contacts.csv'))],
  ['outlook-contacts', csv(headerOf('outlook-contacts.csv'))],
  ['linkedin', csv('First Name,Last Name,URL,Email Address,Company,Position,Connected On')],
  ['ties', csv('From,To,Type,Weight')],
  [
    'vcard',
    (v, escaped) => {
      const e = (s: string) => (escaped ? s.replace(/\r?\n|\r/g, '\\n') : s);
      return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${e(v[0] ?? '')}\r\nN:${e(v[1] ?? '')};${e(v[2] ?? '')};;;\r\nEMAIL:${e(v[3] ?? '')}\r\nORG:${e(v[4] ?? '')}\r\nTITLE:${e(v[5] ?? '')}\r\nNOTE:${e(v[6] ?? '')}\r\nX-MS-MANAGER:${e(v[7] ?? '')}\r\nEND:VCARD\r\n`;
    },
  ],
  [
    'icalendar',
    (v, escaped) => {
      const e = (s: string) => (escaped ? s.replace(/\r?\n|\r/g, '\\n') : s);
      return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:${e(v[0] ?? '')}\r\nDTSTART:20261101T100000Z\r\nDTEND:20261101T110000Z\r\nSUMMARY:${e(v[1] ?? '')}\r\nORGANIZER;CN=${e(v[2] ?? '')}:mailto:${e(v[3] ?? '')}\r\nATTENDEE:mailto:${e(v[4] ?? '')}\r\nRRULE:${e(v[5] ?? '')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    },
  ],
];

const WINDOW = {
  since: '2026-01-01T00:00:00.000Z',
  until: '2027-01-01T00:00:00.000Z',
  now: '2026-12-01T00:00:00.000Z',
};

describe('hostile strings through every importer: typed errors only, no control character out', () => {
  test.each(FILES)('%s', async (format, build) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostile, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        encoding,
        fc.nat(),
        fc.boolean(),
        async (values, quote, how, at, named) => {
          const file = `hostile.${format}`;
          const bytes = encode(build(values, quote), how, at);
          try {
            const { records } = await readBytes([bytes], file, named ? format : undefined, WINDOW);
            for (const r of records) {
              if (r.kind === 'invalid' || r.kind === 'notice') {
                expect(r.error.name).toBe('BadFileError');
                expect(r.error.message.startsWith(file)).toBe(true);
              }
            }
            expect(unsafeStrings(records)).toEqual([]);
          } catch (e) {
            expect((e as Error).name, String((e as Error).stack)).toBe('BadFileError');
            expect((e as Error).message.startsWith(file)).toBe(true);
            expect(unsafeStrings(e)).toEqual([]);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
