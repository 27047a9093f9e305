import { Columns } from './csv-columns.js';
import { csvRowBatches } from './csv-rows.js';
import { BadFileError } from './errors.js';
import { OrgColumns, type PlainRowReader } from './org-chart-columns.js';
import { personRecords, type RawPerson } from './person-row.js';
import type { InvalidRecord, NoticeRecord, PersonRecord } from './records.js';

/** What a people CSV format knows: how to spot its header and how to read a row. */
export interface PeopleCsvLayout {
  /** Shown in errors: "a LinkedIn Connections.csv". */
  label: string;
  /** Lines before the header (LinkedIn's "Notes:") are skipped until this says yes. */
  isHeader(columns: Columns): boolean;
  /** How many records may precede the header before we give up looking. */
  preambleLimit?: number;
  /** Checks the header and returns the row reader; throws BadFileError naming the missing column. */
  reader(columns: Columns, file: string): (cells: string[]) => RawPerson;
  expected: string;
}

export async function* readPeopleCsv(
  text: AsyncIterable<string>,
  file: string,
  layout: PeopleCsvLayout,
  options: { strict?: boolean } = {},
): AsyncGenerator<PersonRecord | InvalidRecord | NoticeRecord> {
  for await (const batch of readPeopleCsvBatches(text, file, layout, options)) yield* batch;
}

/**
 * The same records, as the batches each chunk of text completes: an importer that loops over
 * a batch pays one async step per chunk instead of one per record (a million-row org chart).
 */
export async function* readPeopleCsvBatches(
  text: AsyncIterable<string>,
  file: string,
  layout: PeopleCsvLayout,
  options: { strict?: boolean } = {},
): AsyncGenerator<(PersonRecord | InvalidRecord | NoticeRecord)[]> {
  for await (const chunk of readPeopleCsvChunks(text, file, layout, options, null))
    yield chunk.records as (PersonRecord | InvalidRecord | NoticeRecord)[];
}

/**
 * What a chunk of text held: per entry, a record read the usual way, or null for a plain row
 * that went into `plain` instead (the nth null is plain row n).
 */
export interface PeopleCsvChunk {
  records: (PersonRecord | InvalidRecord | NoticeRecord | null)[];
  plain: OrgColumns | null;
}

/**
 * The rows of a people CSV a chunk at a time. With `plainRows`, the rows its reader takes
 * (for the header found) go into columns instead of records.
 */
export async function* readPeopleCsvChunks(
  text: AsyncIterable<string>,
  file: string,
  layout: PeopleCsvLayout,
  options: { strict?: boolean },
  plainRows: ((columns: Columns) => PlainRowReader | null) | null,
): AsyncGenerator<PeopleCsvChunk> {
  let read: ((cells: string[]) => RawPerson) | null = null;
  let plain: PlainRowReader | null = null;
  let width = 0;
  let skipped = 0;
  // With columns, a chunk's rows live until every batch cut from it is written; 16 K characters
  // (~350 org chart rows) at a time, few of them outlive a young-generation collection (1M rows:
  // 7.0 against 8.9 CPU s and 260 against 304 MB peak RSS for 256 K at a time; BENCHMARKS.md).
  for await (const rows of csvRowBatches(text, file, plainRows ? 16 * 1024 : Number.POSITIVE_INFINITY)) {
    const out: (PersonRecord | InvalidRecord | NoticeRecord | null)[] = [];
    const columns = plain ? new OrgColumns() : null;
    for (const row of rows) {
      if (read === null) {
        const columns = new Columns(row.cells);
        if (!layout.isHeader(columns)) {
          if (++skipped > (layout.preambleLimit ?? 0)) {
            throw new BadFileError(
              file,
              { unit: 'line', n: row.line },
              null,
              `expected the header of ${layout.label} (${layout.expected}).`,
            );
          }
          continue;
        }
        read = layout.reader(columns, file);
        plain = plainRows?.(columns) ?? null;
        width = row.cells.length;
        continue;
      }
      // A spreadsheet's trailing all-empty row (",,,,") is not a person.
      if (row.cells.every((c) => c.trim() === '')) continue;
      if (plain && columns && plain(row.cells, row.line, columns)) {
        out.push(null);
        continue;
      }
      const at = { unit: 'line', n: row.line } as const;
      if (row.cells.length > width && row.cells.slice(width).some((c) => c.trim() !== '')) {
        out.push({
          kind: 'invalid',
          at,
          error: new BadFileError(
            file,
            at,
            null,
            `expected ${width} columns as in the header, found ${row.cells.length}; a cell with a comma needs quotes.`,
          ),
        });
        continue;
      }
      const raw = read(row.cells);
      if (raw.hidden) {
        out.push({
          kind: 'notice',
          at,
          hidden: true,
          error: new BadFileError(file, at, null, 'a hidden member.'),
        });
        continue;
      }
      for (const r of personRecords(file, at, raw, { strict: options.strict ?? false })) out.push(r);
    }
    if (out.length > 0) yield { records: out, plain: columns };
  }
  if (read === null) {
    throw new BadFileError(
      file,
      null,
      null,
      `expected ${layout.label} with a header (${layout.expected}); the file has none.`,
    );
  }
}

export function missingColumn(file: string, label: string, what: string): BadFileError {
  return new BadFileError(
    file,
    { unit: 'line', n: 1 },
    null,
    `${label} needs ${what} column; none found in the header.`,
  );
}
