import { type Backup, parseBackup } from './backup.js';
import { Columns } from './csv-columns.js';
import { type PeopleCsvChunk, readPeopleCsvBatches, readPeopleCsvChunks } from './csv-people.js';
import { type ByteSource, decodeText, readAll } from './decode.js';
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect.js';
import { BadFileError } from './errors.js';
import { googleContactsCsv, googleLegacyCsv } from './google-contacts-csv.js';
import { type CalendarWindow, readICalendar } from './icalendar.js';
import { linkedInCsv } from './linkedin-csv.js';
import { orgChartCsv, plainOrgRows } from './org-chart-csv.js';
import { outlookContactsCsv } from './outlook-contacts-csv.js';
import type { ImportRecord, InvalidRecord, NoticeRecord } from './records.js';
import { readTiesCsvBatches } from './ties-csv.js';
import { readVCards } from './vcard.js';

export * from './backup.js';
export type { PeopleCsvChunk } from './csv-people.js';
export type { ByteSource } from './decode.js';
export { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect.js';
export { BadFileError, type Place } from './errors.js';
export type { CalendarWindow } from './icalendar.js';
export type { OrgColumns } from './org-chart-columns.js';
export * from './records.js';
export * from './writers.js';

export interface OpenOptions {
  /** The name shown in error messages. */
  file: string;
  format?: ImportFormat | 'auto';
  /** For calendars: which occurrences to read. */
  window?: CalendarWindow;
  /**
   * All or nothing: what a lenient read would leave out with a notice (an unreadable event, a
   * contact's bad field) becomes an invalid record, which stops the import.
   */
  strict?: boolean;
  /** Today, for the checks that refuse records dated in the future. */
  now?: Date;
}

export type OpenedRecord = ImportRecord | InvalidRecord | NoticeRecord;

export type Opened =
  | { format: 'backup'; backup: Backup }
  | {
      format: Exclude<ImportFormat, 'backup'>;
      records: AsyncIterable<OpenedRecord>;
      /**
       * The same records a chunk of the file at a time, for the readers that produce them so
       * (people CSVs, ties): one async step per chunk instead of per record. Read one or the other.
       */
      batches?: AsyncIterable<OpenedRecord[]>;
      /**
       * An org chart's rows again, a chunk at a time, its plain rows as columns (OrgColumns):
       * for an importer that can take them so. Read one of the three.
       */
      chunks?: AsyncIterable<PeopleCsvChunk>;
    };

const HEAD_CHARS = 16 * 1024;

/**
 * Opens an import: decodes the bytes, names the format (from content unless given) and
 * returns a stream of records, or the whole backup. Nothing is read past the head until the
 * caller iterates, so a million-row file is never held in memory.
 */
export async function openImport(source: ByteSource, options: OpenOptions): Promise<Opened> {
  const { file } = options;
  const text = decodeText(source, file);
  const headParts: string[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < HEAD_CHARS) {
    const next = await text.next();
    if (next.done) {
      ended = true;
      break;
    }
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const head = headParts.join('');
  if (head.trim() === '') throw new BadFileError(file, null, null, 'the file is empty.');
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(head);
  if (format === null) {
    throw new BadFileError(
      file,
      null,
      null,
      `cannot tell what kind of file this is. Expected one of: ${IMPORT_FORMATS.join(', ')}; name the format to say which.`,
      { input: 'format' },
    );
  }
  const all = (async function* () {
    yield head;
    if (!ended) yield* text;
  })();
  if (format === 'backup') {
    const backup = parseBackup(await readAll(all), file, options.now ? { now: options.now } : {});
    return { format, backup };
  }
  const batches = csvBatches(format, all, head, options);
  if (batches) {
    const read = options.strict ? strictBatches(batches) : batches;
    if (format !== 'org-chart') return { format, batches: read, records: flatten(read) };
    const chunks = readPeopleCsvChunks(
      all,
      file,
      orgChartCsv,
      { strict: options.strict ?? false },
      plainOrgRows,
    );
    return {
      format,
      batches: read,
      records: flatten(read),
      chunks: options.strict ? strictChunks(chunks) : chunks,
    };
  }
  const records = await recordsOf(format, all, options);
  return { format, records: options.strict ? strictly(records) : records };
}

/** The CSV formats (people, ties), read a chunk at a time; null for the other formats. */
function csvBatches(
  format: Exclude<ImportFormat, 'backup'>,
  all: AsyncIterable<string>,
  head: string,
  options: OpenOptions,
): AsyncIterable<OpenedRecord[]> | null {
  const strict = { strict: options.strict ?? false };
  switch (format) {
    case 'linkedin':
      return readPeopleCsvBatches(all, options.file, linkedInCsv, strict);
    case 'outlook-contacts':
      return readPeopleCsvBatches(all, options.file, outlookContactsCsv, strict);
    case 'google-contacts':
      return readPeopleCsvBatches(
        all,
        options.file,
        isLegacyGoogle(head) ? googleLegacyCsv : googleContactsCsv,
        strict,
      );
    case 'org-chart':
      return readPeopleCsvBatches(all, options.file, orgChartCsv, strict);
    case 'ties':
      return readTiesCsvBatches(all, options.file);
    default:
      return null;
  }
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

async function recordsOf(
  format: Exclude<ImportFormat, 'backup'>,
  all: AsyncIterable<string>,
  options: OpenOptions,
): Promise<AsyncIterable<OpenedRecord>> {
  const { file } = options;
  switch (format) {
    case 'icalendar': {
      const window = options.window;
      if (!window) throw new Error('a calendar import needs a window');
      const calendar = await readAll(all);
      return toAsync(readICalendar(calendar, file, window));
    }
    case 'vcard':
      return readVCards(all, file, { strict: options.strict ?? false });
    default:
      throw new Error(`${format} is read in batches`);
  }
}

const isLegacyGoogle = (head: string): boolean => {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return googleLegacyCsv.isHeader(new Columns(firstLine.split(',')));
};

/** Notices become invalid records: a strict import stops at the first thing it would leave out. */
async function* strictly(records: AsyncIterable<OpenedRecord>): AsyncGenerator<OpenedRecord> {
  for await (const r of records) yield strict(r);
}

async function* strictBatches(batches: AsyncIterable<OpenedRecord[]>): AsyncGenerator<OpenedRecord[]> {
  for await (const batch of batches) yield batch.map(strict);
}

async function* strictChunks(chunks: AsyncIterable<PeopleCsvChunk>): AsyncGenerator<PeopleCsvChunk> {
  for await (const c of chunks)
    yield { records: c.records.map((r) => (r === null ? r : (strict(r) as typeof r))), plain: c.plain };
}

// Notes about the whole file (occurrences outside the window) are never a reason to refuse it.
const strict = (r: OpenedRecord): OpenedRecord =>
  r.kind === 'notice' && !r.info && r.at !== null
    ? ({ kind: 'invalid', at: r.at, error: r.error } as const)
    : r;

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}

export { mapExcalidraw } from './map-excalidraw.js';
export type { MapDrawingInput, MapDrawingPerson } from './map-layout.js';
export { mapSvg } from './map-svg.js';
