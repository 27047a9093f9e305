import { type CsvRow, CsvTokenizer, UnclosedQuote } from './csv-tokenizer.js';
import { BadFileError } from './errors.js';

export type { CsvRow } from './csv-tokenizer.js';

/**
 * Streams CSV records with the line each starts on. A quoted cell never closed becomes a
 * BadFileError naming that line; short and long rows are passed on so the format can say
 * which column is wrong.
 */
export async function* csvRows(source: AsyncIterable<string>, file: string): AsyncGenerator<CsvRow> {
  for await (const rows of csvRowBatches(source, file)) yield* rows;
}

/**
 * The same rows, as the batches each chunk of text completes: a reader that loops over a
 * batch pays one async step per chunk instead of one per row (a ties file of a million rows).
 */
export async function* csvRowBatches(
  source: AsyncIterable<string>,
  file: string,
  /** Tokenizes at most this many characters at a time: fewer rows alive at once. */
  maxChars = Number.POSITIVE_INFINITY,
): AsyncGenerator<CsvRow[]> {
  let tokenizer: CsvTokenizer | null = null;
  try {
    for await (let chunk of source) {
      if (tokenizer === null) {
        chunk = chunk.replace(/^\uFEFF/, '');
        tokenizer = new CsvTokenizer(sniffDelimiter(chunk));
      }
      for (let from = 0; from < chunk.length; from += maxChars) {
        const rows = tokenizer.push(
          from === 0 && chunk.length <= maxChars ? chunk : chunk.slice(from, from + maxChars),
        );
        if (rows.length > 0) yield rows;
      }
    }
    if (tokenizer) {
      const rows = tokenizer.end();
      if (rows.length > 0) yield rows;
    }
  } catch (e) {
    if (e instanceof UnclosedQuote) {
      throw new BadFileError(
        file,
        { unit: 'line', n: e.line },
        null,
        'a quoted cell starting on this line is never closed; check for a missing " here.',
      );
    }
    throw e;
  }
}

/** Reads all rows of a short text (a file's head) synchronously; stops at an unclosed quote. */
export function headRows(text: string, limit: number): string[][] {
  const t = new CsvTokenizer(sniffDelimiter(text));
  const rows = t.push(text.replace(/^\uFEFF/, ''));
  try {
    rows.push(...t.end());
  } catch {
    // The head may end inside a quoted cell; the rows before it are what we need.
  }
  return rows.slice(0, limit).map((r) => r.cells);
}

/**
 * Excel in much of Europe saves "CSV" with semicolons, and "Unicode text" with tabs; the
 * header line says which: the separator it holds most of, outside quotes.
 */
export function sniffDelimiter(head: string): string {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}
