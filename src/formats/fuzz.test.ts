import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { writeBackup } from './backup.js';
import { detectFormat } from './detect.js';
import { fixturePath, readBytes } from './test-support/read.js';
import { sampleBackup } from './test-support/sample-backup.js';

const FILES: [string, Uint8Array][] = [
  ...readdirSync(fixturePath('.'))
    .filter((f) => /\.(csv|vcf|ics)$/.test(f))
    .map((f): [string, Uint8Array] => [f, readFileSync(fixturePath(f))]),
  ['backup.json', new TextEncoder().encode(writeBackup(sampleBackup()))],
];

/** Bytes that break parsers: quotes, separators, line breaks, colons, NUL, a stray high byte. */
const NASTY = [0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x3a, 0x3d, 0x20, 0x00, 0xff, 0x5c, 0x41];

type Mutation = { at: number; kind: 'flip' | 'insert' | 'delete'; byte: number };

function mutate(bytes: Uint8Array, cut: number, mutations: Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'flip') out[at] = m.byte;
    else if (m.kind === 'insert') out.splice(at, 0, m.byte);
    else out.splice(at, 1);
  }
  out = out.slice(0, Math.max(1, cut % (out.length + 1)));
  return Uint8Array.from(out);
}

describe('fuzzing: mutated and truncated files never crash or hang', () => {
  test.each(FILES)('%s', async (name, original) => {
    // Mostly with the format given, so a damaged header reaches the parser instead of stopping at detection.
    const utf16 = original[0] === 0xff && original[1] === 0xfe;
    const format = detectFormat(new TextDecoder(utf16 ? 'utf-16le' : 'windows-1252').decode(original));
    expect(format).not.toBeNull();
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('flip' as const, 'insert' as const, 'delete' as const),
      byte: fc.constantFrom(...NASTY),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(mutation, { maxLength: 4 }),
        fc.nat({ max: 300 }),
        fc.boolean(),
        async (cut, ms, chunk, auto) => {
          const bytes = mutate(original, cut + (cut % 2 === 0 ? original.length : 0), ms);
          const chunks: Uint8Array[] = [];
          const size = chunk + 1;
          for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
          try {
            const { records } = await readBytes(chunks, name, auto ? undefined : (format ?? undefined));
            for (const r of records) {
              if (r.kind === 'invalid') {
                expect(r.error.name).toBe('BadFileError');
                expect(r.error.message.startsWith(name)).toBe(true);
              }
            }
          } catch (e) {
            // Only a clear, user-facing error is allowed out: it names the file and is not a bug.
            expect((e as Error).name, String((e as Error).stack)).toBe('BadFileError');
            expect((e as Error).message.startsWith(name)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
