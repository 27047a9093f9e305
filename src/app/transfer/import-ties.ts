import { RapportError } from '../../domain/errors.js';
import { TIE_KINDS } from '../../domain/influence.js';
import { BadFileError, type InvalidRecord, type TieRecord } from '../../formats/index.js';
import type { Store, TieArrays } from '../../store/index.js';
import { resolvePersonId } from '../core/resolve.js';
import { type ImportReport, skip, where } from './import-report.js';
import { TieWeights } from './tie-weights.js';

export interface TieImportOptions {
  file: string;
  skipInvalid: boolean;
  now: string;
  onProgress?: (records: number) => void;
}

/** What a ties file may name a person by, read before the first row. */
interface PersonLookup {
  /** External ids (HRIS employee id, LinkedIn URL), then emails, then exact names, lower-cased. */
  keys: Map<string, number>;
  /** Rapport's own ids ("12", "#12"), for the names no key above claims. */
  ids: Set<number>;
}

/**
 * One map, built before the first row, from everything a ties file may name a person by:
 * external ids (HRIS employee id, LinkedIn URL), emails, then exact names; Rapport ids after
 * them, as the forgiving lookup orders them. A key naming two people is left out so the
 * forgiving lookup reports the ambiguity. Rows then cost a map lookup, not a query (issue 11:
 * ties at the speed of the map).
 */
async function personLookup(store: Store, ws: number): Promise<PersonLookup> {
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
  return { keys: out, ids: new Set(keys.names.map(([, id]) => id)) };
}

const RAPPORT_ID = /^#?(\d+)$/;
const KIND_INDEX = new Map(TIE_KINDS.map((k, i) => [k, i]));
/** Rows written per call to the store: large enough that the call costs nothing per row. */
const BATCH = 8192;

/** Ties waiting to be written, as columns (no object per row). */
class TieBuffer {
  private readonly ties: TieArrays = {
    from: new Int32Array(BATCH),
    to: new Int32Array(BATCH),
    weight: new Float64Array(BATCH),
    kind: new Uint8Array(BATCH),
  };
  length = 0;

  /** Adds a tie; true when the buffer is full. */
  push(from: number, to: number, kind: number, weight: number): boolean {
    const i = this.length++;
    this.ties.from[i] = from;
    this.ties.to[i] = to;
    this.ties.kind[i] = kind;
    this.ties.weight[i] = weight;
    return this.length === BATCH;
  }

  view(): TieArrays {
    const n = this.length;
    const t = this.ties;
    return {
      from: t.from.subarray(0, n),
      to: t.to.subarray(0, n),
      weight: t.weight.subarray(0, n),
      kind: t.kind.subarray(0, n),
    };
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * Declared ties ("From goes to To for advice") into the influence network, people named by
 * id, email or exact name. Declaring a tie again with the same weight changes nothing.
 *
 * The workspace's ties are read once into a table of weights, so telling a new tie from a
 * re-weighted or unchanged one costs no query; only the changes are written, in batches, and
 * the network's version moves once for the whole file.
 */
export async function importTies(
  store: Store,
  ws: number,
  batches: AsyncIterable<(TieRecord | InvalidRecord)[]>,
  report: ImportReport,
  opts: TieImportOptions,
): Promise<void> {
  const lookup = await personLookup(store, ws);
  const known = TieWeights.of(await store.network.tieArrays(ws));
  /** Names the lookup missed: the forgiving lookup (ids, 'me', accents, typos), once per name. */
  const resolveSlowly = async (ref: string, key: string, field: string, r: TieRecord): Promise<number> => {
    const id = RAPPORT_ID.exec(key);
    if (id && lookup.ids.has(Number(id[1]))) return Number(id[1]);
    try {
      const found = await resolvePersonId(store, ws, ref);
      lookup.keys.set(key, found);
      return found;
    } catch (e) {
      if (e instanceof RapportError) throw new BadFileError(opts.file, r.at, field, e.message);
      throw e;
    }
  };
  const added = new TieBuffer();
  const reweighted = new TieBuffer();
  let changed = false;
  let deferred = false;
  const flush = async () => {
    if (added.length + reweighted.length === 0) return;
    // A first network of at least one full batch: the index of who points at whom is built
    // once at the end, not kept up tie by tie in random order (1M new ties: 0.45 s less).
    if (!changed && added.length === BATCH) deferred = await store.imports.deferIndexes(['ties']);
    await store.imports.writeTies(ws, added.view(), reweighted.view(), opts.now);
    added.clear();
    reweighted.clear();
    changed = true;
  };
  let seen = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      seen++;
      report.counts.records++;
      if (seen % 1000 === 0) opts.onProgress?.(seen);
      try {
        if (r.kind === 'invalid') throw r.error;
        const fromKey = r.from.trim().toLowerCase();
        const toKey = r.to.trim().toLowerCase();
        const from = lookup.keys.get(fromKey) ?? (await resolveSlowly(r.from, fromKey, 'From', r));
        const to = lookup.keys.get(toKey) ?? (await resolveSlowly(r.to, toKey, 'To', r));
        if (from === to)
          throw new BadFileError(opts.file, r.at, 'To', `"${r.from}" and "${r.to}" are the same person.`);
        const kind = KIND_INDEX.get(r.tieKind) ?? 0;
        const outcome = known.set(from, to, kind, r.weight);
        if (outcome === 'unchanged') {
          report.ties.unchanged++;
          continue;
        }
        // A re-weighted tie counts as created, as it always has ("changed" in the report).
        report.ties.created++;
        const full = (outcome === 'created' ? added : reweighted).push(from, to, kind, r.weight);
        if (full) await flush();
      } catch (e) {
        if (!(e instanceof BadFileError) || !opts.skipInvalid) throw e;
        skip(report, where(opts.file, r.at), e.message);
      }
    }
  }
  await flush();
  if (deferred) await store.imports.restoreIndexes();
  if (changed) await store.network.bumpVersion(ws);
  opts.onProgress?.(seen);
}
