import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText, readAll } from './decode.js';
import { peopleOf, readBytes } from './test-support/read.js';

const CHUNK = 256 * 1024;
const chunked = (bytes: Uint8Array, size = CHUNK): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

/** A UTF-8 org chart ("Pérson1" … ) with one Windows-1252 "é" (0xE9) in row `badRow`. */
function mixedCsv(rows: number, badRow: number): { bytes: Uint8Array; offset: number; line: number } {
  const lines = ['Name,Title'];
  for (let i = 1; i <= rows; i++) lines.push(`Pérson${i},Engineer`);
  const before = Buffer.from(`${lines.slice(0, badRow).join('\n')}\nP`);
  const after = Buffer.from(`rson${badRow},Engineer\n${lines.slice(badRow + 1).join('\n')}\n`);
  return {
    bytes: Buffer.concat([before, Buffer.from([0xe9]), after]),
    offset: before.length,
    line: badRow + 1,
  };
}

describe('encoding: UTF-8 when valid everywhere, Windows-1252 when plausible throughout, else refused where it breaks', () => {
  test('UTF-8 with one Windows-1252 byte early on is refused naming the real byte offset and line, not read as Windows-1252', async () => {
    const { bytes, offset, line } = mixedCsv(3000, 2999);
    expect(offset).toBeLessThan(CHUNK);
    await expect(readBytes(chunked(bytes), 'people.csv')).rejects.toThrow(
      `people.csv, byte ${offset}: the text is UTF-8 (from byte offset 12, line 2) but the byte at offset ${offset} (line ${line}) is not UTF-8: the file mixes encodings. Save it as UTF-8 and import it again.`,
    );
  });

  test('beyond the first 256 KB the offset is the byte itself, not the start of its chunk', async () => {
    const { bytes, offset, line } = mixedCsv(40_000, 30_000);
    expect(offset).toBeGreaterThan(CHUNK);
    expect(offset % CHUNK).not.toBe(0);
    await expect(readBytes(chunked(bytes), 'people.csv')).rejects.toThrow(
      `but the byte at offset ${offset} (line ${line}) is not UTF-8`,
    );
  });

  test('Windows-1252 with UTF-8 further on, or with a byte Windows-1252 leaves undefined, is refused', async () => {
    const cp = Buffer.concat([
      Buffer.from('Name,Title\nZo'),
      Buffer.from([0xeb]),
      Buffer.from(',CEO\nJos\u00e9,CTO\n'),
    ]);
    await expect(readBytes([cp], 'o.csv')).rejects.toThrow(
      'o.csv, byte 22: the text reads as Windows-1252 (from byte offset 13, line 2) but holds UTF-8 at byte offset 22 (line 3): the file mixes encodings.',
    );
    const undefinedByte = Buffer.concat([
      Buffer.from('Name,Title\nA'),
      Buffer.from([0x81]),
      Buffer.from(',CEO\n'),
    ]);
    await expect(readBytes([undefinedByte], 'o.csv')).rejects.toThrow(
      'o.csv, byte 12: the byte 0x81 at byte offset 12 (line 2) is neither UTF-8 nor Windows-1252 text',
    );
  });

  test('a Windows-1252 file whose first accent comes after 256 KB of ASCII is read whole as Windows-1252', async () => {
    const ascii = `Name,Title\n${'Ana,CEO\n'.repeat(40_000)}`;
    const bytes = Buffer.concat([
      Buffer.from(ascii),
      Buffer.from('Zo'),
      Buffer.from([0xeb, 0x2c, 0x93]),
      Buffer.from('Boss'),
      Buffer.from([0x94, 0x0a]),
    ]);
    const { records } = await readBytes(chunked(bytes), 'o.csv');
    expect(peopleOf(records).at(-1)).toMatchObject({ name: 'Zoë', title: '“Boss”' });
  });

  test('property: valid UTF-8 cut into chunks anywhere decodes to the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        async (s, size) => {
          const text = await readAll(decodeText(chunked(new TextEncoder().encode(s), size), 'x'));
          expect(text).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
  });
});
