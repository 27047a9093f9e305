import { parse } from 'csv-parse';
import { BadFileError } from './errors.js';

export interface CsvRow {
  /** 1-based line where the record starts, as a text editor counts. */
  line: number;
  cells: string[];
}

/**
 * Streams CSV records with their line numbers. Quoting errors (an unclosed quote, a stray
 * quote inside a bare cell) become a BadFileError naming the line; short and long rows are
 * passed on so the format can say which column is missing.
 */
export async function* csvRows(source: AsyncIterable<string>, file: string): AsyncGenerator<CsvRow> {
  const { head, text } = await peek(source);
  const parser = parse({
    delimiter: sniffDelimiter(head),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // Spreadsheet exports put a stray quote in bare cells ("5'11\"", 'O"Brien'); keep it literally.
    relax_quotes: true,
  });
  const feed = (async () => {
    try {
      for await (const chunk of text) {
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  try {
    for await (const rec of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; raw?: string };
    }>) {
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (e) {
    if (e instanceof BadFileError) throw e;
    throw csvError(e, file);
  } finally {
    parser.destroy();
    await feed;
  }
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

async function peek(source: AsyncIterable<string>): Promise<{ head: string; text: AsyncIterable<string> }> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? '' : first.value;
  return {
    head,
    text: (async function* () {
      if (first.done) return;
      yield head;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  };
}

function csvError(e: unknown, file: string): BadFileError {
  const err = e as { code?: string; lines?: number; message?: string };
  const line = typeof err.lines === 'number' ? err.lines : null;
  const why =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell is never closed; check for a missing " near here.'
      : `the CSV cannot be read (${err.message ?? String(e)}).`;
  return new BadFileError(file, line === null ? null : { unit: 'line', n: line }, null, why);
}
