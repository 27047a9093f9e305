import { RapportError } from '../../domain/errors.js';
import { BadFileError, type InvalidRecord, type TieRecord } from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import { resolvePersonId } from '../core/resolve.js';
import { type ImportReport, skip, where } from './import-report.js';

export interface TieImportOptions {
  file: string;
  skipInvalid: boolean;
  now: string;
  onProgress?: (records: number) => void;
}

/**
 * Declared ties ("From goes to To for advice") into the influence network, people named by
 * id, email or exact name. Declaring a tie again with the same weight changes nothing.
 */
export async function importTies(
  store: Store,
  ws: number,
  records: AsyncIterable<TieRecord | InvalidRecord>,
  report: ImportReport,
  opts: TieImportOptions,
): Promise<void> {
  const cache = new Map<string, number>();
  const resolve = async (ref: string, field: string, r: TieRecord): Promise<number> => {
    const key = ref.trim().toLowerCase();
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    try {
      const id = await resolvePersonId(store, ws, ref);
      cache.set(key, id);
      return id;
    } catch (e) {
      if (e instanceof RapportError) throw new BadFileError(opts.file, r.at, field, e.message);
      throw e;
    }
  };
  let seen = 0;
  for await (const r of records) {
    seen++;
    report.counts.records++;
    if (seen % 1000 === 0) opts.onProgress?.(seen);
    try {
      if (r.kind === 'invalid') throw r.error;
      const from = await resolve(r.from, 'From', r);
      const to = await resolve(r.to, 'To', r);
      if (from === to)
        throw new BadFileError(opts.file, r.at, 'To', `"${r.from}" and "${r.to}" are the same person.`);
      const outcome = await store.network.upsertTie(ws, from, to, r.tieKind, r.weight, opts.now);
      if (outcome === 'unchanged') report.ties.unchanged++;
      else report.ties.created++;
    } catch (e) {
      if (!(e instanceof BadFileError) || !opts.skipInvalid) throw e;
      skip(report, where(opts.file, r.at), e.message);
    }
  }
  opts.onProgress?.(seen);
}
