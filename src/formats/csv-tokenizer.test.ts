import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvTokenizer, UnclosedQuote } from './csv-tokenizer.js';
import { csvLine } from './csv-write.js';

const tokenize = (chunks: string[], delimiter = ','): { line: number; cells: string[] }[] => {
  const t = new CsvTokenizer(delimiter);
  const rows = chunks.flatMap((c) => t.push(c));
  return [...rows, ...t.end()];
};

describe('CSV tokenizer', () => {
  test('quotes, escaped quotes, embedded line breaks, CRLF/LF/CR, blank lines, start lines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,2,3\r4,,\n';
    expect(tokenize([text])).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, cells: ['1', '2', '3'] },
      { line: 6, cells: ['4', '', ''] },
    ]);
  });

  test('a stray quote inside a bare cell is kept; text after a closing quote joins the cell', () => {
    expect(tokenize(['O"Brien,5\'11"\n"abc"def,x\n'])).toEqual([
      { line: 1, cells: ['O"Brien', '5\'11"'] },
      { line: 2, cells: ['abcdef', 'x'] },
    ]);
  });

  test('an unclosed quote at the end names the line its record started on', () => {
    expect(() => tokenize(['a,b\n1,"open\nmore\n'])).toThrow(UnclosedQuote);
    try {
      tokenize(['a,b\n1,"open\nmore\n']);
    } catch (e) {
      expect((e as UnclosedQuote).line).toBe(2);
    }
  });

  const cellText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', ';') });
  const table = fc.array(
    fc.array(
      cellText.filter((s) => !/^[=+\-@\t\r]/.test(s)),
      { minLength: 2, maxLength: 4 },
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  );

  test('property: what csvLine writes, the tokenizer reads back, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const text = rows.map(csvLine).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        // Rows of only empty cells would be blank lines only when they have one cell; ours have two or more.
        expect(tokenize(chunks).map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });
});
