// The kernels of `rapport influence --sources declared` on the graph bench/influence-db.ts stores
// (the synthetic org's advice ties, one per (from, to, kind), reporting lines left out), without
// the database: for profiling (`node --cpu-prof`) and for choosing the stopping rules. Prints
// each part's time, Louvain's modularity and brokerage's bound per asked precision.
// Run: npm run bench:build && node dist-bench/bench/influence-kernels.js [part ...]
// Parts: rank, clusters, brokerage (default: all). Env: BENCH_PEOPLE, BENCH_TIES, BENCH_SEED,
// BENCH_ERRORS (comma-separated absoluteError values for brokerage, default the default).
import { loadavg } from 'node:os';
import {
  ADAPTIVE_DEFAULTS,
  adaptiveBetweenness,
  buildCsr,
  louvain,
  pagerank,
  seededRandom,
  symmetrize,
} from '../src/analytics/index.js';
import { syntheticOrg } from './influence-org.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TIES = Number(process.env.BENCH_TIES ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const ERRORS = (process.env.BENCH_ERRORS ?? String(ADAPTIVE_DEFAULTS.absoluteError)).split(',').map(Number);
const parts = process.argv.slice(2);
const want = (p: string) => parts.length === 0 || parts.includes(p);

/** The declared ties exactly as influence-db.ts stores them, merged per pair as loadNetwork does. */
export function declaredGraph(people: number, ties: number) {
  const org = syntheticOrg(people, ties, 1);
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let e = people - 1; e < ties; e++) {
    const key = (org.from[e]! * people + org.to[e]!) * 3 + (e % 3);
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(org.from[e]!);
    to.push(org.to[e]!);
    weight.push(org.weight[e]!);
  }
  return buildCsr({
    n: people,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    weight: Float64Array.from(weight),
  });
}

function timed<T>(f: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

const g = declaredGraph(PEOPLE, TIES);
console.log(`${g.n} people, ${g.targets.length} merged ties; load ${loadavg()[0]!.toFixed(2)}`);
if (want('rank')) console.log(`rank ${timed(() => pagerank(g)).ms.toFixed(0)} ms`);
if (want('clusters')) {
  const sym = timed(() => symmetrize(g));
  const c = timed(() => louvain(sym.value, { random: seededRandom(SEED) }));
  console.log(
    `clusters: symmetrize ${sym.ms.toFixed(0)} ms, louvain ${c.ms.toFixed(0)} ms, modularity ${c.value.modularity.toFixed(5)}, ${c.value.count} clusters`,
  );
}
if (want('brokerage'))
  for (const absoluteError of ERRORS) {
    const b = timed(() => adaptiveBetweenness(g, { random: seededRandom(SEED), absoluteError }));
    console.log(
      `brokerage absoluteError ${absoluteError}: ${b.ms.toFixed(0)} ms, ${b.value.samples} paths, ±${b.value.errorBound.toFixed(4)}, converged ${b.value.converged}`,
    );
  }
console.log(`load ${loadavg()[0]!.toFixed(2)}`);
