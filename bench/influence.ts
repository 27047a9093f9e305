// Influence network kernels against their peers, same input, same run: PageRank vs python-igraph
// (C, PRPACK) and graphology-metrics; exact betweenness vs igraph; sampled betweenness (256
// Brandes pivots, and random shortest paths with a stopping rule); the whole pipeline (CSR
// build, rank, brokerage, clusters) against igraph's load + rank, or NetworkX's without igraph.
// Run: npm run bench:build && node dist-bench/bench/influence.js
// Needs /usr/bin/python3 with Debian's python3-igraph for the igraph column (skipped without);
// the NetworkX reference uses the python3 on PATH (BENCH_PYTHON to change it).
// Env: BENCH_PEOPLE (100000), BENCH_TIES (1000000), BENCH_SMALL_PEOPLE (5000), BENCH_SMALL_TIES (50000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectedGraph } from 'graphology';
import {
  adaptiveBetweenness,
  betweenness,
  buildCsr,
  type Csr,
  csrFromRows,
  louvain,
  pagerank,
  seededRandom,
  symmetrize,
} from '../src/analytics/index.js';
import { parallelBetweenness } from '../src/app/influence/betweenness-parallel.js';
import { syntheticOrg } from './influence-org.js';

// graphology-metrics is CommonJS whose typings claim a default export; require gives the function.
const graphologyPagerank = createRequire(import.meta.url)('graphology-metrics/centrality/pagerank') as (
  graph: DirectedGraph,
  options: { getEdgeWeight: string; tolerance: number; maxIterations: number },
) => Record<string, number>;

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TIES = Number(process.env.BENCH_TIES ?? 1_000_000);
const SMALL_PEOPLE = Number(process.env.BENCH_SMALL_PEOPLE ?? 5_000);
const SMALL_TIES = Number(process.env.BENCH_SMALL_TIES ?? 50_000);
const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'rapport-influence-'));
const rows: [string, string, string][] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(runs: number, f: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  let value = await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    value = await f();
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { seconds: median(times), value };
}
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const maxDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);

/** Runs the igraph side on exactly the CSR's ties; null when python3-igraph is missing. */
function igraph(
  g: Csr,
  kind: 'pagerank' | 'betweenness',
  runs: number,
): { seconds: number; scores: Float64Array } | null {
  const probe = spawnSync(PYTHON, ['-c', 'import igraph'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const file = writeEdges(g, `${kind}.bin`);
  const script = new URL('../../bench/influence-igraph.py', import.meta.url);
  const out = spawnSync(PYTHON, [script.pathname, file, String(g.n), String(runs), kind], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`igraph side failed: ${out.stderr}`);
  const { seconds } = JSON.parse(out.stdout) as { seconds: number };
  const bytes = readFileSync(`${file}.scores`);
  return { seconds, scores: new Float64Array(bytes.buffer, bytes.byteOffset, g.n) };
}

/** The CSR's ties as int32 from[], int32 to[], float64 weight[], the layout the Python sides read. */
function writeEdges(g: Csr, name: string): string {
  const m = g.targets.length;
  const from = new Int32Array(m);
  for (let u = 0; u < g.n; u++) from.fill(u, g.starts[u]!, g.starts[u + 1]!);
  const file = join(dir, name);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(from.buffer),
      Buffer.from(g.targets.buffer, g.targets.byteOffset, m * 4),
      Buffer.from(g.weights.buffer, g.weights.byteOffset, m * 8),
    ]),
  );
  return file;
}

/** NetworkX building the graph from the edge list and ranking it; null without networkx. */
function networkxLoadRank(g: Csr): { load: number; rank: number } | null {
  const python = process.env.BENCH_PYTHON ?? 'python3';
  if (spawnSync(python, ['-c', 'import networkx'], { encoding: 'utf8' }).status !== 0) return null;
  const file = writeEdges(g, 'networkx.bin');
  const script = new URL('../../bench/influence-networkx.py', import.meta.url).pathname;
  const out = spawnSync(python, [script, file, String(g.n)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`NetworkX side failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { load: number; rank: number };
}

function graphologyGraph(g: Csr): DirectedGraph {
  const graph = new DirectedGraph();
  for (let u = 0; u < g.n; u++) graph.addNode(u);
  for (let u = 0; u < g.n; u++) {
    for (let e = g.starts[u]!; e < g.starts[u + 1]!; e++)
      graph.addEdge(u, g.targets[e]!, { weight: g.weights[e]! });
  }
  return graph;
}

try {
  console.log(
    `Influence network benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`,
  );
  const org = syntheticOrg(PEOPLE, TIES, 1);
  const built = await time(3, () => buildCsr(org));
  const g = built.value;
  rows.push([
    `build CSR, ${PEOPLE.toLocaleString('en')} people / ${TIES.toLocaleString('en')} ties`,
    ms(built.seconds),
    `${g.targets.length.toLocaleString('en')} distinct ties`,
  ]);
  // Rows as the store hands them over: person ids (sparse, here 1000 + 2·node), typed arrays.
  const idOf = (node: number) => 1000 + 2 * node;
  const nodeOf = new Int32Array(idOf(PEOPLE)).fill(-1);
  for (let i = 0; i < PEOPLE; i++) nodeOf[idOf(i)] = i;
  const stored = { from: org.from.map(idOf), to: org.to.map(idOf), weight: org.weight };
  const byPerson = [...org.from.keys()].sort((a, b) => org.from[a]! - org.from[b]! || a - b);
  const storedInOrder = {
    from: Int32Array.from(byPerson, (e) => idOf(org.from[e]!)),
    to: Int32Array.from(byPerson, (e) => idOf(org.to[e]!)),
    weight: Float64Array.from(byPerson, (e) => org.weight[e]!),
  };
  const viaEdgeList = await time(3, () => {
    const from = new Int32Array(TIES);
    const to = new Int32Array(TIES);
    for (let e = 0; e < TIES; e++) {
      from[e] = nodeOf[stored.from[e]!]!;
      to[e] = nodeOf[stored.to[e]!]!;
    }
    return buildCsr({ n: PEOPLE, from, to, weight: stored.weight });
  });
  rows.push([
    'CSR from stored rows: ids → edge list → buildCsr (counting sort)',
    ms(viaEdgeList.seconds),
    '',
  ]);
  const onePass = await time(3, () => csrFromRows(PEOPLE, nodeOf, storedInOrder));
  rows.push([
    'CSR from stored rows: csrFromRows, rows in person-id order (one pass)',
    ms(onePass.seconds),
    `${(viaEdgeList.seconds / onePass.seconds).toFixed(1)}× faster; same CSR: ${onePass.value.targets.length === g.targets.length}`,
  ]);
  const unordered = await time(3, () => csrFromRows(PEOPLE, nodeOf, stored));
  rows.push([
    'CSR from stored rows: csrFromRows, rows in any order (counting sort)',
    ms(unordered.seconds),
    '',
  ]);

  const ours = await time(5, () => pagerank(g));
  rows.push(['PageRank — Rapport', ms(ours.seconds), `${ours.value.iterations} iterations`]);
  const graph = graphologyGraph(g);
  const gl = await time(3, () =>
    graphologyPagerank(graph, { getEdgeWeight: 'weight', tolerance: 1e-10, maxIterations: 100 }),
  );
  const glScores = Float64Array.from({ length: g.n }, (_, i) => gl.value[String(i)]!);
  rows.push([
    'PageRank — graphology-metrics',
    ms(gl.seconds),
    `${(gl.seconds / ours.seconds).toFixed(1)}× Rapport's time; max |Δ| ${maxDiff(glScores, ours.value.scores).toExponential(1)}`,
  ]);
  const ig = igraph(g, 'pagerank', 5);
  rows.push(
    ig
      ? [
          'PageRank — python-igraph (PRPACK)',
          ms(ig.seconds),
          `${(ig.seconds / ours.seconds).toFixed(1)}× Rapport's time; max |Δ| ${maxDiff(ig.scores, ours.value.scores).toExponential(1)}`,
        ]
      : ['PageRank — python-igraph', 'skipped', 'apt-get install -y python3-igraph'],
  );

  const small = buildCsr(syntheticOrg(SMALL_PEOPLE, SMALL_TIES, 2));
  const label = `${SMALL_PEOPLE.toLocaleString('en')} / ${SMALL_TIES.toLocaleString('en')}`;
  const exact1 = await time(1, () => betweenness(small, { exactUpTo: Number.POSITIVE_INFINITY }));
  rows.push([`exact betweenness ${label} — Rapport, 1 thread`, ms(exact1.seconds), '']);
  const exactN = await time(2, () =>
    parallelBetweenness(small, { exactUpTo: Number.POSITIVE_INFINITY }, { minWork: 0 }),
  );
  rows.push([
    `exact betweenness ${label} — Rapport, ${exactN.value.threads} threads`,
    ms(exactN.seconds),
    `max |Δ| vs 1 thread ${maxDiff(exactN.value.scores, exact1.value.scores).toExponential(1)}`,
  ]);
  const igb = igraph(small, 'betweenness', 2);
  rows.push(
    igb
      ? [
          `exact betweenness ${label} — python-igraph`,
          ms(igb.seconds),
          `${(igb.seconds / exactN.seconds).toFixed(1)}× Rapport's time; max |Δ| ${maxDiff(igb.scores, exact1.value.scores).toExponential(1)}`,
        ]
      : ['exact betweenness — python-igraph', 'skipped', 'apt-get install -y python3-igraph'],
  );

  const sampledOptions = { exactUpTo: 0, pivots: 256, random: seededRandom(5) };
  const s1 = await time(1, () => betweenness(g, { ...sampledOptions, random: seededRandom(5) }));
  rows.push([
    `sampled betweenness, 256 pivots, ${PEOPLE.toLocaleString('en')} — 1 thread`,
    ms(s1.seconds),
    `error bound ±${s1.value.errorBound.toFixed(3)} at 95%`,
  ]);
  const sN = await time(3, () => parallelBetweenness(g, { ...sampledOptions, random: seededRandom(5) }));
  rows.push([
    `sampled betweenness, 256 pivots, ${PEOPLE.toLocaleString('en')} — ${sN.value.threads} threads`,
    ms(sN.seconds),
    `max |Δ| vs 1 thread ${maxDiff(sN.value.scores, s1.value.scores).toExponential(1)}`,
  ]);

  const adaptive = await time(3, () => adaptiveBetweenness(g, { random: seededRandom(5) }));
  rows.push([
    `sampled betweenness, random shortest paths with a stopping rule, ${PEOPLE.toLocaleString('en')} — 1 thread`,
    ms(adaptive.seconds),
    `${adaptive.value.samples.toLocaleString('en')} paths; every person ±${adaptive.value.errorBound.toFixed(4)} at 95% (${(s1.value.errorBound / adaptive.value.errorBound).toFixed(0)}× tighter than 256 pivots)`,
  ]);
  const clusters = await time(3, () => louvain(symmetrize(g), { random: seededRandom(1) }));
  rows.push([
    `clusters (symmetrize + Louvain), ${PEOPLE.toLocaleString('en')}`,
    ms(clusters.seconds),
    `modularity ${clusters.value.modularity.toFixed(3)}, ${clusters.value.count} clusters`,
  ]);
  // The whole influence computation on edge rows already in memory, as the app runs it.
  const pipeline = await time(3, () => {
    const graph = buildCsr(org);
    const rank = pagerank(graph);
    const brokerage = adaptiveBetweenness(graph, { random: seededRandom(1) });
    const communities = louvain(symmetrize(graph), { random: seededRandom(1) });
    return { rank, brokerage, communities };
  });
  rows.push([
    'load (CSR from rows) + rank + brokerage + clusters — Rapport, 1 thread',
    ms(pipeline.seconds),
    '',
  ]);
  const igLoadRank = igraph(g, 'pagerank', 1);
  const nxLoadRank = igLoadRank ? null : networkxLoadRank(g);
  rows.push(
    igLoadRank
      ? ['rank only — python-igraph (its load is not timed here)', ms(igLoadRank.seconds), '']
      : nxLoadRank
        ? [
            'load (edge list → DiGraph) + rank — NetworkX (python-igraph not installed)',
            ms(nxLoadRank.load + nxLoadRank.rank),
            `load ${ms(nxLoadRank.load)}, rank ${ms(nxLoadRank.rank)}; Rapport's whole pipeline takes ${(pipeline.seconds / (nxLoadRank.load + nxLoadRank.rank)).toFixed(2)}× its time`,
          ]
        : ['load + rank — reference', 'skipped', 'neither python-igraph nor networkx'],
  );

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`| ${'measure'.padEnd(width)} | time | note |\n|${'-'.repeat(width + 2)}|---|---|`);
  for (const [a, b, c] of rows) console.log(`| ${a.padEnd(width)} | ${b} | ${c} |`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  void existsSync;
}
