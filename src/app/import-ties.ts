import { isRapportError } from '../domain/errors.js';
import { BadFileError, type InvalidRecord, type TieRecord } from '../formats/index.js';
import type { Store } from '../store/index.js';
import { type ImportReport, LIST_LIMIT, where } from './import-report.js';
import { resolvePersonId } from './resolve.js';

export interface TiesImportOptions {
  file: string;
  skipInvalid: boolean;
  now: string;
  onProgress?: (records: number) => void;
}

/**
 * Declared ties from a ties CSV (Kumu's connections sheet): each row "From goes to To for
 * <Type>", people named by id, email or name as on the command line. A row whose people are
 * unknown or ambiguous fails the import (nothing is written) unless --skip-invalid lists it.
 * Re-importing the same file changes nothing.
 */
export async function importTies(
  store: Store,
  ws: number,
  records: AsyncIterable<TieRecord | InvalidRecord>,
  report: ImportReport,
  opts: TiesImportOptions,
): Promise<void> {
  const people = new Map<string, number>();
  const person = async (ref: string, field: string, r: TieRecord): Promise<number> => {
    const known = people.get(ref);
    if (known !== undefined) return known;
    try {
      const id = await resolvePersonId(store, ws, ref);
      people.set(ref, id);
      return id;
    } catch (e) {
      if (isRapportError(e)) throw new BadFileError(opts.file, r.at, field, e.message);
      throw e;
    }
  };
  let seen = 0;
  for await (const r of records) {
    opts.onProgress?.(++seen);
    try {
      if (r.kind === 'invalid') throw r.error;
      const from = await person(r.from, 'from', r);
      const to = await person(r.to, 'to', r);
      if (from === to)
        throw new BadFileError(opts.file, r.at, 'to', `"${r.from}" and "${r.to}" are the same person.`);
      const status = await store.network.upsertTie(ws, from, to, r.type, r.weight, opts.now);
      if (status === 'unchanged') report.ties.unchanged++;
      else report.ties.created++;
    } catch (e) {
      if (!(e instanceof BadFileError) || !opts.skipInvalid) throw e;
      if (report.skipped.length < LIST_LIMIT)
        report.skipped.push({ where: where(opts.file, r.at), reason: e.message });
    }
  }
}
