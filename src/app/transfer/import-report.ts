import type { CategoryRule } from '../../domain/import-category.js';
import type { Category } from '../../domain/person.js';
import type { ImportFormat, InvalidRecord, NoticeRecord, Place } from '../../formats/index.js';

/** What an import did (or, as a dry run, would do). Stable camelCase JSON. */
export interface ImportReport {
  file: string;
  format: ImportFormat;
  dryRun: boolean;
  people: { created: number; updated: number; unchanged: number };
  interactions: { created: number; unchanged: number };
  ties: { created: number; unchanged: number };
  /** Records left out: invalid ones when skipping invalid records, meetings with nobody known. */
  skipped: { where: string; reason: string }[];
  /** What the file held that was left out so the rest could be read (a contact's bad field, an unreadable event). */
  warnings: { where: string; reason: string }[];
  /** Managers named in the file that are neither in it nor in the workspace. */
  missingManagers: { where: string; person: string; manager: string }[];
  /** Meeting attendees who are not people here (added as acquaintances when asked to add attendees). */
  unknownAttendees: string[];
  /**
   * Exact numbers: the lists above stop at LIST_LIMIT entries, these do not. `records` is how
   * many records the file held (0 for a header-only file).
   */
  counts: {
    records: number;
    skipped: number;
    warnings: number;
    missingManagers: number;
    unknownAttendees: number;
    /** LinkedIn members who hide their data: empty rows, left out by design. */
    hidden: number;
  };
  /**
   * The people this import created, by the category they got and the rule that gave it
   * (`because` in words): the category chosen for the file, a company list, my own company, the default.
   */
  categories: { category: Category; rule: CategoryRule; because: string; count: number }[];
  /** False when the import found everything already in place. */
  changed: boolean;
}

export function emptyReport(file: string, format: ImportFormat, dryRun: boolean): ImportReport {
  return {
    file,
    format,
    dryRun,
    people: { created: 0, updated: 0, unchanged: 0 },
    interactions: { created: 0, unchanged: 0 },
    ties: { created: 0, unchanged: 0 },
    skipped: [],
    warnings: [],
    missingManagers: [],
    unknownAttendees: [],
    counts: { records: 0, skipped: 0, warnings: 0, missingManagers: 0, unknownAttendees: 0, hidden: 0 },
    categories: [],
    changed: false,
  };
}

export const where = (file: string, at: Place | null): string => (at ? `${file}, ${at.unit} ${at.n}` : file);

/** The report lists at most this many skipped records and missing managers; counts stay exact. */
export const LIST_LIMIT = 1000;

export function finish(report: ImportReport): ImportReport {
  report.changed =
    report.people.created + report.people.updated + report.interactions.created + report.ties.created > 0;
  return report;
}

/** A reason without the place when its message starts with it, so the place is said once. */
const withoutPlace = (reason: string, place: string): string =>
  reason.startsWith(`${place}, `) || reason.startsWith(`${place}: `)
    ? reason.slice(place.length + 2)
    : reason;

export function skip(report: ImportReport, place: string, reason: string): void {
  report.counts.skipped++;
  if (report.skipped.length < LIST_LIMIT)
    report.skipped.push({ where: place, reason: withoutPlace(reason, place) });
}

export function warn(report: ImportReport, place: string, reason: string): void {
  report.counts.warnings++;
  if (report.warnings.length < LIST_LIMIT) report.warnings.push({ where: place, reason });
}

export interface BatchOptions {
  file: string;
  skipInvalid: boolean;
  onProgress?: (records: number) => void;
}

/**
 * Hands valid records to `handle` in batches (one lookup query per batch, not per record).
 * An invalid record stops the import, or, when skipping invalid records, is listed and left out.
 * `records` may come one at a time or, from the readers that produce them so, a chunk of the
 * file at a time (`{ batches }`): then the loop pays one async step per chunk, not per record.
 */
export async function inBatches<T>(
  records:
    | AsyncIterable<T | InvalidRecord | NoticeRecord>
    | { batches: AsyncIterable<(T | InvalidRecord | NoticeRecord)[]> },
  report: ImportReport,
  opts: BatchOptions,
  size: number,
  handle: (batch: T[]) => Promise<void>,
): Promise<void> {
  let batch: T[] = [];
  let seen = 0;
  const flush = async () => {
    if (batch.length > 0) await handle(batch);
    batch = [];
    opts.onProgress?.(seen);
  };
  /** Takes one record; says whether the batch is full. */
  const take = (r: T | InvalidRecord | NoticeRecord): boolean => {
    seen++;
    if (!counted(r, report, opts)) return false;
    batch.push(r as T);
    return batch.length >= size;
  };
  if ('batches' in records) {
    for await (const chunk of records.batches) for (const r of chunk) if (take(r)) await flush();
  } else {
    for await (const r of records) if (take(r)) await flush();
  }
  await flush();
}

/**
 * Counts a record the file held and reports it when it is a notice or invalid (an invalid one
 * stops the import unless skipping invalid records); says whether it is one to import.
 */
export function counted<T>(
  r: T | InvalidRecord | NoticeRecord,
  report: ImportReport,
  opts: BatchOptions,
): boolean {
  report.counts.records++;
  const notice = r as NoticeRecord;
  if (notice.kind === 'notice') {
    if (notice.hidden) {
      report.counts.hidden++;
      return false;
    }
    const place = where(opts.file, notice.at);
    if (notice.skipped) skip(report, place, notice.error.message);
    else warn(report, place, notice.error.message);
    return false;
  }
  const invalid = r as InvalidRecord;
  if (invalid.kind === 'invalid') {
    if (!opts.skipInvalid) throw invalid.error;
    skip(report, where(opts.file, invalid.at), invalid.error.message);
    return false;
  }
  return true;
}
