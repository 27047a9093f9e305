// Louvain against its peers on the same undirected graph, same run: Rapport's kernel,
// graphology-communities-louvain (JavaScript) and NetworkX's louvain_communities (Python).
// Modularity of every side is recomputed by Rapport's modularity() on the labels it returned,
// so the column compares partitions, not each library's own bookkeeping.
// Run: npm run bench:build && node dist-bench/bench/communities.js
// Needs /usr/bin/python3 with networkx for the NetworkX row (skipped without).
// Env: BENCH_PEOPLE (100000), BENCH_TIES (1000000), BENCH_RUNS (3), BENCH_NETWORKX (1; 0 skips it)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { buildCsr, type Csr, louvain, modularity, seededRandom, symmetrize } from '../src/analytics/index.js';
import { syntheticOrg } from './influence-org.js';

// CommonJS whose typings claim a default export; require gives the function.
const graphologyLouvain = createRequire(import.meta.url)('graphology-communities-louvain') as {
  detailed(
    graph: UndirectedGraph,
    options: { getEdgeWeight: string; rng: () => number },
  ): { communities: Record<string, number>; count: number; modularity: number };
};

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TIES = Number(process.env.BENCH_TIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// The python3 on PATH (pyenv here) has networkx; Debian's /usr/bin/python3 may not.
const PYTHON = process.env.BENCH_PYTHON ?? 'python3';
const dir = mkdtempSync(join(tmpdir(), 'rapport-communities-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(runs: number, f: (run: number) => T): { seconds: number; value: T } {
  let value = f(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = process.hrtime.bigint();
    value = f(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { seconds: median(times), value };
}

/** One row per undirected tie (u < v) with its summed weight. */
function undirectedTies(g: Csr) {
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (let a = 0; a < g.n; a++) {
    for (let e = g.starts[a]!; e < g.starts[a + 1]!; e++) {
      const b = g.targets[e]!;
      if (a < b) {
        u.push(a);
        v.push(b);
        w.push(g.weights[e]!);
      }
    }
  }
  return { u: Int32Array.from(u), v: Int32Array.from(v), w: Float64Array.from(w) };
}

function networkx(g: Csr, seed: number) {
  if (process.env.BENCH_NETWORKX === '0') return null;
  if (spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }).status !== 0) return null;
  const { u, v, w } = undirectedTies(g);
  const file = join(dir, 'ties.bin');
  writeFileSync(file, Buffer.concat([Buffer.from(u.buffer), Buffer.from(v.buffer), Buffer.from(w.buffer)]));
  const script = new URL('../../bench/communities-networkx.py', import.meta.url).pathname;
  const out = spawnSync(PYTHON, [script, file, String(g.n), String(seed)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`NetworkX side failed: ${out.stderr}`);
  const result = JSON.parse(out.stdout) as { seconds: number; modularity: number; communities: number };
  const bytes = readFileSync(`${file}.labels`);
  return { ...result, labels: new Int32Array(bytes.buffer, bytes.byteOffset, g.n) };
}

try {
  const [load1] = loadavg();
  console.log(
    `Louvain benchmark — ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load ${load1!.toFixed(1)}`,
  );
  const g = symmetrize(buildCsr(syntheticOrg(PEOPLE, TIES, 1)));
  console.log(
    `${PEOPLE.toLocaleString('en')} people / ${TIES.toLocaleString('en')} directed ties → ${(g.targets.length / 2).toLocaleString('en')} undirected ties; ${RUNS} timed runs each (median), seeds 1..${RUNS}`,
  );
  const rows: string[][] = [];
  const ours = time(RUNS, (run) => louvain(g, { random: seededRandom(run + 1) }));
  rows.push([
    'Rapport louvain()',
    `${(ours.seconds * 1000).toFixed(0)} ms`,
    ours.value.modularity.toFixed(4),
    String(ours.value.count),
  ]);

  const graph = new UndirectedGraph();
  for (let a = 0; a < g.n; a++) graph.addNode(a);
  const { u, v, w } = undirectedTies(g);
  for (let e = 0; e < u.length; e++) graph.addEdge(u[e]!, v[e]!, { weight: w[e]! });
  const theirs = time(RUNS, (run) =>
    graphologyLouvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(run + 1) }),
  );
  const labels = Int32Array.from({ length: g.n }, (_, i) => theirs.value.communities[String(i)]!);
  rows.push([
    'graphology-communities-louvain 2.0.2',
    `${(theirs.seconds * 1000).toFixed(0)} ms`,
    modularity(g, labels).toFixed(4),
    String(theirs.value.count),
  ]);

  const nx = networkx(g, 1);
  rows.push(
    nx
      ? [
          'NetworkX louvain_communities (one run)',
          `${(nx.seconds * 1000).toFixed(0)} ms`,
          `${modularity(g, nx.labels).toFixed(4)} (NetworkX: ${nx.modularity.toFixed(4)})`,
          String(nx.communities),
        ]
      : ['NetworkX louvain_communities', 'skipped', '', 'python3 -c "import networkx" failed'],
  );
  console.log('| implementation | time | modularity | communities |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`load after: ${loadavg()[0]!.toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
