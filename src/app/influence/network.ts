import { buildCsr, type Csr, NodeIndex } from '../../analytics/index.js';
import { DAY_MS } from '../../domain/dates.js';
import {
  INFLUENCE_KINDS,
  type InfluenceSettings,
  MAX_TIE_WEIGHT,
  TIE_KINDS,
  type TieKind,
  type TieSource,
} from '../../domain/influence.js';
import { readSettings } from '../../domain/settings.js';
import type { NetworkPerson } from '../../store/index.js';
import type { Rapport } from '../core/context.js';

const SOURCE_CODES: readonly TieSource[] = ['declared', 'reporting', 'meetings', 'mine'];

/**
 * The influence network of a workspace. Every tie runs from the person who seeks to the person
 * sought ("A goes to B for advice", "A reports to B"), so rank flows towards influence; shared
 * meetings and my own interactions tie people both ways. Raw ties keep their source, so every
 * metric can be explained; `graph` merges them per pair for the kernels.
 */
export interface Network {
  people: NetworkPerson[];
  index: NodeIndex<number>;
  /** Raw ties over node indices, with their source and kind (indices into TIE_SOURCES, TIE_KINDS; 255: none). */
  raw: {
    from: Int32Array;
    to: Int32Array;
    weight: Float64Array;
    source: Uint8Array;
    kind: Uint8Array;
  };
  graph: Csr;
  me: number | null;
  /** 1 for every node I have logged an interaction with. */
  known: Uint8Array;
  settings: InfluenceSettings;
}

/** The influence settings in force: each stored value checked, a bad one replaced by its default. */
export async function influenceSettings(r: Rapport): Promise<InfluenceSettings> {
  return readSettings(await r.store.settings.all(r.ws)).influence;
}

const NO_KIND = 255;

/** Raw ties accumulated in growable typed arrays: a million of them without a million objects. */
class TieBuffer {
  n = 0;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  source: Uint8Array;
  kind: Uint8Array;

  /** Sized for the ties known up front (declared and reporting), so a million never regrow. */
  constructor(capacity: number) {
    const size = Math.max(1024, capacity);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.source = new Uint8Array(size);
    this.kind = new Uint8Array(size);
  }

  push(a: number, b: number, w: number, source: TieSource, kind: TieKind | null = null) {
    this.pushCodes(a, b, w, SOURCE_CODES.indexOf(source), kind === null ? NO_KIND : TIE_KINDS.indexOf(kind));
  }

  pushCodes(a: number, b: number, w: number, source: number, kind: number) {
    if (this.n === this.from.length) this.grow();
    const i = this.n++;
    this.from[i] = a;
    this.to[i] = b;
    this.weight[i] = w;
    this.source[i] = source;
    this.kind[i] = kind;
  }

  private grow() {
    const size = this.n * 2;
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.from = copy(this.from, (k) => new Int32Array(k));
    this.to = copy(this.to, (k) => new Int32Array(k));
    this.weight = copy(this.weight, (k) => new Float64Array(k));
    this.source = copy(this.source, (k) => new Uint8Array(k));
    this.kind = copy(this.kind, (k) => new Uint8Array(k));
  }
}

/** Adds pairwise ties for shared interactions: each contributes 2^(−age/half-life), capped at the top weight. */
function addShared(buffer: TieBuffer, pairs: Map<number, number>, n: number, source: TieSource): void {
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    buffer.push(a, b, Math.min(MAX_TIE_WEIGHT, w), source);
  }
}

export interface LoadOptions {
  /**
   * Called with the merged graph as soon as it is built, before the people's names and titles
   * are read (a third of the load on 100k people): a caller can start a slow kernel on another
   * thread meanwhile.
   */
  readonly onGraph?: (graph: Csr, settings: InfluenceSettings) => void;
}

export async function loadNetwork(
  r: Rapport,
  sources: readonly TieSource[],
  options: LoadOptions = {},
): Promise<Network> {
  // One snapshot, and on SQLite the packed raw reads, which run only inside a read.
  return r.store.read((store) => networkOf({ ...r, store }, sources, options));
}

async function networkOf(r: Rapport, sources: readonly TieSource[], options: LoadOptions): Promise<Network> {
  const settings = await influenceSettings(r);
  // For a caller waiting on the graph, ids and managers first: the graph needs nothing else of
  // the people (read in full after it, in the same snapshot and the same id order).
  let people = options.onGraph ? null : await r.store.network.people(r.ws);
  const keys = people
    ? {
        id: Int32Array.from(people, (p) => p.id),
        managerId: Int32Array.from(people, (p) => p.managerId ?? -1),
      }
    : await r.store.network.personKeys(r.ws);
  const index = new NodeIndex(keys.id);
  const n = keys.id.length;
  const want = new Set(sources);
  const me = await r.store.workspaces.me(r.ws);
  const t = want.has('declared') ? await r.store.network.tieArrays(r.ws) : null;
  const buffer = new TieBuffer((t?.from.length ?? 0) + (want.has('reporting') ? n : 0));

  if (t) {
    // Person ids are small integers: a typed lookup table beats a Map a million times over.
    let maxId = 0;
    for (const id of keys.id) maxId = Math.max(maxId, id);
    const node = new Int32Array(maxId + 1).fill(-1);
    keys.id.forEach((id, i) => {
      node[id] = i;
    });
    const counts = new Uint8Array(TIE_KINDS.length);
    for (const k of INFLUENCE_KINDS) counts[TIE_KINDS.indexOf(k)] = 1;
    const declared = SOURCE_CODES.indexOf('declared');
    for (let i = 0; i < t.from.length; i++) {
      const kind = t.kind[i]!;
      if (!counts[kind]) continue;
      buffer.pushCodes(node[t.from[i]!]!, node[t.to[i]!]!, t.weight[i]!, declared, kind);
    }
  }
  if (want.has('reporting')) {
    for (let i = 0; i < n; i++) {
      const managerId = keys.managerId[i]!;
      const m = managerId < 0 ? undefined : index.indexOf(managerId);
      if (m !== undefined) buffer.push(i, m, settings.reportingWeight, 'reporting');
    }
  }
  const known = new Uint8Array(n);
  const part = await r.store.network.participation(r.ws);
  for (const id of part.personId) known[index.indexOf(id)!] = 1;
  if (want.has('meetings') || (want.has('mine') && me !== null)) {
    const now = r.now().getTime();
    const meetings = new Map<number, number>();
    const mine = new Map<number, number>();
    const meIndex = me === null ? undefined : index.indexOf(me);
    for (let i = 0; i < part.personId.length; ) {
      let j = i;
      while (j < part.personId.length && part.interactionId[j] === part.interactionId[i]) j++;
      const age = Math.max(0, (now - Date.parse(part.occurredAt[i]!)) / DAY_MS);
      const w = 2 ** (-age / settings.meetingHalfLifeDays);
      for (let a = i; a < j; a++) {
        const u = index.indexOf(part.personId[a]!)!;
        if (meIndex !== undefined && u !== meIndex) {
          mine.set(meIndex * n + u, (mine.get(meIndex * n + u) ?? 0) + w);
          mine.set(u * n + meIndex, (mine.get(u * n + meIndex) ?? 0) + w);
        }
        for (let b = i; b < j; b++) {
          const v = index.indexOf(part.personId[b]!)!;
          if (u !== v) meetings.set(u * n + v, (meetings.get(u * n + v) ?? 0) + w);
        }
      }
      i = j;
    }
    if (want.has('meetings')) addShared(buffer, meetings, n, 'meetings');
    if (want.has('mine')) addShared(buffer, mine, n, 'mine');
  }
  const m = buffer.n;
  const raw = {
    from: buffer.from.subarray(0, m),
    to: buffer.to.subarray(0, m),
    weight: buffer.weight.subarray(0, m),
    source: buffer.source.subarray(0, m),
    kind: buffer.kind.subarray(0, m),
  };
  const graph = buildCsr({ n, from: raw.from, to: raw.to, weight: raw.weight });
  options.onGraph?.(graph, settings);
  people ??= await r.store.network.people(r.ws);
  return { people, index, raw, graph, me, known, settings };
}

export const sourceOf = (code: number): TieSource => SOURCE_CODES[code]!;
export const kindOf = (code: number): TieKind | null => TIE_KINDS[code] ?? null;
