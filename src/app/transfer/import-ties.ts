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
 * One map, built before the first row, from everything a ties file may name a person by:
 * external ids (HRIS employee id, LinkedIn URL), emails, then exact names. A key naming two
 * people is left out so the forgiving lookup reports the ambiguity. Rows then cost a map
 * lookup, not a query (issue 11: ties at the speed of the map).
 */
async function personLookup(store: Store, ws: number): Promise<Map<string, number>> {
  const keys = await store.imports.personKeys(ws);
  const out = new Map<string, number>();
  const taken = new Set<string>();
  for (const group of [keys.external, keys.emails, keys.names]) {
    const seen = new Map<string, number>();
    for (const [value, id] of group) {
      const k = value.trim().toLowerCase();
      if (taken.has(k)) continue;
      const before = seen.get(k);
      seen.set(k, before === undefined || before === id ? id : -1);
    }
    for (const [k, id] of seen) {
      taken.add(k);
      if (id >= 0) out.set(k, id);
    }
  }
  return out;
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
  const cache = await personLookup(store, ws);
  const resolve = async (ref: string, field: string, r: TieRecord): Promise<number> => {
    const key = ref.trim().toLowerCase();
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    // Not a unique id, email or exact name: the forgiving lookup (ids, 'me', accents, typos).
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
