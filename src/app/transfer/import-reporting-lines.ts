import type { PersonRef, Place } from '../../formats/index.js';
import { BadFileError } from '../../formats/index.js';
import type { ImportsStore, Store } from '../../store/index.js';
import { fmix32 } from './hash-mix.js';
import { type ImportReport, LIST_LIMIT, skip, where } from './import-report.js';
import type { PersonLookup } from './person-lookup.js';

// Reporting lines and assistants of an imported file: resolved once every person of the file
// is in (a manager may come after their reports), then checked for loops.

/** What the reporting-line steps need of the import's options. */
interface LineOptions {
  file: string;
  now: string;
}

/**
 * The file's own ids (employee ids) to person ids. Most HRIS ids are numbers: those are kept in
 * an open-addressing table on typed arrays (a million ids: 24 MB, no rehashing of a Map, nothing
 * for the garbage collector to trace); other ids in a Map.
 */
export class RefIndex {
  private readonly numeric = new NumericIds();
  private readonly text = new Map<string, number>();
  private static num(ref: string): number | null {
    return /^[1-9]\d{0,14}$/.test(ref) ? Number(ref) : null;
  }
  get(ref: string): number | undefined {
    const n = RefIndex.num(ref);
    return n === null ? this.text.get(ref) : this.numeric.get(n);
  }
  has(ref: string): boolean {
    return this.get(ref) !== undefined;
  }
  set(ref: string, id: number): void {
    const n = RefIndex.num(ref);
    if (n === null) this.text.set(ref, id);
    else this.numeric.set(n, id);
  }
}

/** Positive integer keys (below 2^53) to person ids; key 0 marks an empty slot. */
export class NumericIds {
  private keys = new Float64Array(1024);
  private ids = new Int32Array(1024);
  private size = 0;

  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let i = spread(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.ids[i]!;
      if (k === 0) return undefined;
    }
  }

  set(key: number, id: number): void {
    const mask = this.keys.length - 1;
    for (let i = spread(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key || k === 0) {
        this.keys[i] = key;
        this.ids[i] = id;
        if (k === 0 && ++this.size * 2 > this.keys.length) this.grow();
        return;
      }
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, ids[i]!);
  }
}

/** Mixes both halves of a key up to 2^53 into a slot number. */
const spread = (key: number): number =>
  fmix32((key | 0) ^ Math.imul(Math.floor(key / 4294967296) | 0, 0x9e3779b1));

/**
 * Who-reports-to-whom waits until every person of the file is in: a manager may come after
 * their reports. Kept as parallel arrays, not objects, so a million rows stay small.
 */
export class PendingManagers {
  readonly personIds: number[] = [];
  readonly current: (number | null)[] = [];
  readonly refs: PersonRef[] = [];
  readonly places: Place[] = [];
  readonly names: string[] = [];
  /** Whether the batch counted the person as unchanged: a new manager then makes it updated. */
  readonly unchanged: boolean[] = [];
  add(
    personId: number,
    current: number | null,
    ref: PersonRef,
    place: Place,
    name: string,
    unchanged: boolean,
  ) {
    this.unchanged.push(unchanged);
    this.personIds.push(personId);
    this.current.push(current);
    this.refs.push(ref);
    this.places.push(place);
    this.names.push(name);
  }
}

/**
 * Who a manager or assistant cell names: by the file's own id, by email, or by exact name
 * (an id the file does not define may be a name typed into an id column). Several
 * candidates mean the name is ambiguous.
 */
async function resolver(
  lookup: PersonLookup,
  byRef: RefIndex,
  refs: readonly PersonRef[],
): Promise<(ref: PersonRef) => number[]> {
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const ref of refs) {
    if (ref.by === 'email') emails.add(ref.value);
    else if (ref.by === 'name' || !byRef.has(ref.value)) names.add(ref.value);
  }
  const emailIds = await lookup.idsByEmails([...emails]);
  const nameIds = await lookup.idsByNames([...names]);
  return (ref) => {
    if (ref.by === 'email') return emailIds.has(ref.value) ? [emailIds.get(ref.value)!] : [];
    if (ref.by === 'id' && byRef.has(ref.value)) return [byRef.get(ref.value)!];
    return nameIds.get(ref.value.toLowerCase()) ?? [];
  };
}

/** An assistant named in the file, linked once everyone is in. */
export interface AssistantHint {
  personId: number;
  ref: PersonRef;
  at: Place;
}

/** How strong the tie between an executive and their assistant is declared: a strong tie. */
const ASSISTANT_TIE_WEIGHT = 4;

/**
 * An assistant column becomes a strong trust tie from the executive to the assistant, the
 * kind of tie the influence network reads to find gatekeepers.
 */
export async function linkAssistants(
  store: Store,
  lookup: PersonLookup,
  ws: number,
  byRef: RefIndex,
  hints: AssistantHint[],
  report: ImportReport,
  opts: LineOptions,
): Promise<void> {
  if (hints.length === 0) return;
  const candidatesOf = await resolver(
    lookup,
    byRef,
    hints.map((h) => h.ref),
  );
  for (const h of hints) {
    const candidates = candidatesOf(h.ref);
    if (candidates.length !== 1 || candidates[0] === h.personId) {
      skip(
        report,
        where(opts.file, h.at),
        `assistant "${h.ref.value}" is ${candidates.length > 1 ? 'ambiguous' : 'not found'}; no gatekeeper tie made.`,
      );
      continue;
    }
    const outcome = await store.network.upsertTie(
      ws,
      h.personId,
      candidates[0]!,
      'trust',
      ASSISTANT_TIE_WEIGHT,
      opts.now,
    );
    if (outcome === 'unchanged') report.ties.unchanged++;
    else report.ties.created++;
  }
}

export async function setManagers(
  repo: ImportsStore,
  lookup: PersonLookup,
  ws: number,
  byRef: RefIndex,
  pending: PendingManagers,
  report: ImportReport,
  opts: LineOptions,
): Promise<void> {
  const n = pending.personIds.length;
  if (n === 0) return;
  const candidatesOf = await resolver(lookup, byRef, pending.refs);
  const changes: [number, number | null][] = [];
  const moved = new Set<number>();
  for (let i = 0; i < n; i++) {
    const ref = pending.refs[i]!;
    const candidates = candidatesOf(ref);
    if (candidates.length !== 1) {
      report.counts.missingManagers++;
      if (report.missingManagers.length < LIST_LIMIT) {
        report.missingManagers.push({
          where: where(opts.file, pending.places[i]!),
          person: pending.names[i]!,
          manager:
            candidates.length > 1 ? `${ref.value} (ambiguous: ids ${candidates.join(', ')})` : ref.value,
        });
      }
      continue;
    }
    const managerId = candidates[0]!;
    const personId = pending.personIds[i]!;
    if (managerId === personId) {
      throw new BadFileError(
        opts.file,
        null,
        'manager',
        `${where(opts.file, pending.places[i]!)}: ${pending.names[i]} is named as their own manager.`,
      );
    }
    if (managerId === pending.current[i]) continue;
    changes.push([personId, managerId]);
    if (pending.unchanged[i] && !moved.has(personId)) {
      moved.add(personId);
      report.people.unchanged--;
      report.people.updated++;
    }
  }
  if (changes.length === 0) return;
  await repo.setManagers(ws, changes, opts.now);
  await checkLoops(repo, ws, changes, opts.file);
}

/**
 * Follows each changed reporting line upwards. Any loop must run through a line this import
 * changed (the tree had none before), so walking up from those people finds it. Managers are
 * fetched level by level for a slice of walks at a time, never the whole tree at once.
 */
async function checkLoops(repo: ImportsStore, ws: number, changes: [number, number | null][], file: string) {
  const managerOf = new Map<number, number | null>(changes);
  const safe = new Set<number>();
  const SLICE = 10_000;
  for (let from = 0; from < changes.length; from += SLICE) {
    let walks = changes
      .slice(from, from + SLICE)
      .map(([start, manager]) => ({ path: [start], cur: manager }));
    while (walks.length > 0) {
      const unknown = walks
        .map((w) => w.cur)
        .filter((c): c is number => c !== null && !managerOf.has(c) && !safe.has(c));
      if (unknown.length > 0) for (const [id, m] of await repo.managersOf(ws, unknown)) managerOf.set(id, m);
      const next: typeof walks = [];
      for (const w of walks) {
        if (w.cur === null || safe.has(w.cur)) {
          for (const p of w.path) safe.add(p);
          continue;
        }
        const at = w.path.indexOf(w.cur);
        if (at >= 0) {
          const loop = [...w.path.slice(at), w.cur];
          const names = await repo.names(ws, loop);
          throw new BadFileError(
            file,
            null,
            'manager',
            `the reporting lines form a loop: ${loop.map((id) => `${names.get(id) ?? '?'} (#${id})`).join(' → ')}; fix the manager of one of them.`,
          );
        }
        w.path.push(w.cur);
        w.cur = managerOf.get(w.cur) ?? null;
        next.push(w);
      }
      walks = next;
    }
  }
}
