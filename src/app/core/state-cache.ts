import { toDay } from '../../domain/dates.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from './context.js';

/**
 * Answers kept in this process per workspace state, the way the influence report is kept in the
 * database per network version: keyed by the workspace, the member asking (so one member's
 * private data never reaches another) and the question; valid while the workspace's state
 * version (store: raised by every write, from any process) and the day are those it was computed
 * for. Each use is one indexed read of the version; a miss computes once however many requests
 * ask at the same moment.
 */
interface Entry {
  version: string;
  answer: Promise<unknown>;
  /** The answer's size as JSON, once computed: what it roughly holds in memory. */
  weight: number;
}

/** Enough for every member of a large team asking a few questions; the least recently used go first. */
const MAX_ENTRIES = 2000;
/**
 * And no more than this many characters of answers as JSON: every balance of a 10,000-person
 * workspace is 1.6 MB of it, so a count alone would let a team's answers fill gigabytes.
 */
const MAX_WEIGHT = 32 * 1024 * 1024;

interface Cache {
  entries: Map<string, Entry>;
  weight: number;
}
const caches = new WeakMap<object, Cache>();

function drop(cache: Cache, key: string): void {
  const e = cache.entries.get(key);
  if (!e) return;
  cache.entries.delete(key);
  cache.weight -= e.weight;
}

/** Drops the least recently used answers until the cache is within its bounds. */
function trim(cache: Cache): void {
  while (cache.entries.size > MAX_ENTRIES || (cache.weight > MAX_WEIGHT && cache.entries.size > 1))
    drop(cache, cache.entries.keys().next().value!);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `compute`'s answer, from the cache when nothing in the workspace changed since it was computed
 * today. The answer is frozen: every caller shares it. Outside a versioned database (opened
 * without migrating) it is simply computed.
 */
export async function byState<T>(r: Rapport, question: string, compute: () => Promise<T>): Promise<T> {
  // Read before computing: a write landing during the computation raises the version, so the
  // answer is filed under the old one and never served again.
  const known = r.state;
  const state =
    known && known.writes === r.store.localWrites()
      ? known.version
      : await r.store.workspaces.stateVersion(r.ws);
  if (state === null) return compute();
  const version = `${state}|${toDay(r.now())}`;
  let cache = caches.get(r.store.cacheKey);
  if (!cache) {
    cache = { entries: new Map(), weight: 0 };
    caches.set(r.store.cacheKey, cache);
  }
  const { entries } = cache;
  const key = `${r.ws}|${r.member ?? 0}|${question}`;
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    entries.delete(key); // re-inserted last: the Map's order is the recency order
    entries.set(key, hit);
    return hit.answer as Promise<T>;
  }
  drop(cache, key);
  const answer = compute().then(deepFreeze);
  const entry: Entry = { version, answer, weight: 0 };
  entries.set(key, entry);
  trim(cache);
  const kept = cache;
  answer.then(
    (value) => {
      if (entries.get(key) !== entry) return;
      entry.weight = JSON.stringify(value)?.length ?? 0;
      kept.weight += entry.weight;
      trim(kept);
    },
    // A failure (a person not found) is not kept: the next call asks again.
    () => {
      if (entries.get(key) === entry) drop(kept, key);
    },
  );
  return answer;
}

/** How many answers this process keeps for `store`, for a server's memory log. */
export function stateCacheSize(store: Store): { answers: number; answersMb: number } {
  const c = caches.get(store.cacheKey);
  return { answers: c?.entries.size ?? 0, answersMb: Math.round((c?.weight ?? 0) / 1048576) };
}
