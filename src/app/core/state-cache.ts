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
}

/** Enough for every member of a large team asking a few questions; the least recently used go first. */
const MAX_ENTRIES = 2000;
const caches = new WeakMap<Store, Map<string, Entry>>();

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
  let cache = caches.get(r.store);
  if (!cache) {
    cache = new Map();
    caches.set(r.store, cache);
  }
  const key = `${r.ws}|${r.member ?? 0}|${question}`;
  const hit = cache.get(key);
  cache.delete(key); // re-inserted last: the Map's order is the recency order
  if (hit && hit.version === version) {
    cache.set(key, hit);
    return hit.answer as Promise<T>;
  }
  const answer = compute().then(deepFreeze);
  const entry: Entry = { version, answer };
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failure (a person not found) is not kept: the next call asks again.
  answer.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return answer;
}
