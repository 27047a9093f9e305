// The influence network from the database: 100,000 people (with their reporting lines) and
// about 900,000 declared ties, on SQLite and on PostgreSQL. Per database: the whole
// `rapport influence --sources declared` as a real CLI process (first run computes and caches,
// second is served from the cache) with its peak memory (GNU time), python-igraph reading the
// same declared ties from a text edge list and ranking them (PageRank) right after it, so the
// two share the machine's load, and the in-process split of the first run (load, rank,
// brokerage, clusters; roles are the rest).
// Run: npm run build && npm run bench:build && node dist-bench/bench/influence-db.js
// Needs /usr/bin/python3 with Debian's python3-igraph for the reference (skipped without).
// Env: BENCH_PEOPLE (100000), BENCH_TIES (1000000), BENCH_DIALECTS (sqlite,postgres),
//      BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/test), BENCH_RUNS (2: CLI first runs per database),
//      BENCH_BUILD_ONLY (a SQLite file or PostgreSQL URL: build the workspace there and stop, to profile
//      the CLI against it)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptiveBetweenness, louvain, pagerank, seededRandom, symmetrize } from '../src/analytics/index.js';
import { openRapport } from '../src/app/index.js';
import { loadNetwork } from '../src/app/influence/network.js';
import { newPersonFields } from '../src/domain/person.js';
import { insertPeople } from '../src/store/index.js';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from '../src/store/test-support/databases.js';
import { syntheticOrg } from './influence-org.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TIES = Number(process.env.BENCH_TIES ?? 1_000_000);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const NOW = '2026-11-23T10:00:00.000Z';
const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'rapport-influence-db-'));
const edgeList = join(dir, 'declared.ncol');

const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, value };
}

/** The declared ties of the synthetic org, one per (from, to, kind) as the table's key demands. */
function declaredTies() {
  const org = syntheticOrg(PEOPLE, TIES, 1);
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const kind: number[] = [];
  // The generator's first PEOPLE − 1 ties are its reporting tree: the manager column holds those.
  for (let e = PEOPLE - 1; e < TIES; e++) {
    const k = e % 3;
    const key = (org.from[e]! * PEOPLE + org.to[e]!) * 3 + k;
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(org.from[e]!);
    to.push(org.to[e]!);
    weight.push(org.weight[e]!);
    kind.push(k);
  }
  return { org, from, to, weight, kind };
}

const ties = declaredTies();
// igraph's text reader: "from to weight" per line, names being the node numbers.
writeFileSync(edgeList, ties.from.map((f, i) => `${f} ${ties.to[i]} ${ties.weight[i]}`).join('\n'));

/** Fills a new workspace: people level by level (so each manager exists first), then the ties. */
async function build(db: string): Promise<void> {
  const { org } = ties;
  const r = await openRapport({ db, now: () => new Date(NOW) });
  try {
    await r.store.transaction(async (s) => {
      const ids = new Int32Array(PEOPLE);
      for (let lo = 0; lo < PEOPLE; ) {
        let hi = lo;
        while (hi < PEOPLE && org.level[hi] === org.level[lo]) hi++;
        const got = await insertPeople(
          s,
          r.ws,
          Array.from({ length: hi - lo }, (_, k) => {
            const i = lo + k;
            return {
              fields: newPersonFields({
                name: `Person ${i}`,
                level: org.level[i]!,
                department: `Dept ${i % 40}`,
              }),
              managerId: org.manager[i]! < 0 ? null : ids[org.manager[i]!]!,
            };
          }),
          NOW,
        );
        ids.set(got, lo);
        lo = hi;
      }
      const none = {
        from: new Int32Array(),
        to: new Int32Array(),
        weight: new Float64Array(),
        kind: new Uint8Array(),
      };
      await s.imports.writeTies(
        r.ws,
        {
          from: Int32Array.from(ties.from, (i) => ids[i]!),
          to: Int32Array.from(ties.to, (i) => ids[i]!),
          weight: Float64Array.from(ties.weight),
          kind: Uint8Array.from(ties.kind),
        },
        none,
        NOW,
      );
      await s.network.bumpVersion(r.ws);
    });
  } finally {
    await r.close();
  }
}

function cli(db: string): { seconds: number; mb: number; cached: boolean } {
  const out = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      new URL('../../bin/rapport.cjs', import.meta.url).pathname,
      '--db',
      db,
      'influence',
      '--sources',
      'declared',
      '--top',
      '10',
      '--json',
    ],
    { encoding: 'utf8', env: { ...process.env, RAPPORT_NOW: NOW }, maxBuffer: 256 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`rapport influence failed: ${out.stderr}`);
  const [seconds, kb] = out.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { seconds, mb: kb / 1024, cached: (JSON.parse(out.stdout) as { cached: boolean }).cached };
}

const IGRAPH = `
import sys, time
t0 = time.perf_counter()
import igraph
t1 = time.perf_counter()
g = igraph.Graph.Read_Ncol(sys.argv[1], names=True, weights=True, directed=True)
t2 = time.perf_counter()
g.pagerank(weights="weight", damping=0.85, directed=True)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, g.vcount(), g.ecount())
`;

/** python-igraph: read the edge list, rank it. Seconds for import, load, rank and the process; null without igraph. */
function igraph(): { imp: number; load: number; rank: number; wall: number } | null {
  const t = process.hrtime.bigint();
  const out = spawnSync(PYTHON, ['-c', IGRAPH, edgeList], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (out.status !== 0) {
    if (/No module named 'igraph'/.test(out.stderr)) return null;
    throw new Error(`igraph failed: ${out.stderr}`);
  }
  const [imp, l, rank] = out.stdout.trim().split(' ').map(Number) as [number, number, number];
  return { imp, load: l, rank, wall };
}

/** The first run's parts in-process, on the same database (best of 2 for the load). */
async function split(db: string) {
  const r = await openRapport({ db, now: () => new Date(NOW) });
  try {
    const loads = [
      await timed(() => loadNetwork(r, ['declared'])),
      await timed(() => loadNetwork(r, ['declared'])),
    ];
    const net = loads[1]!.value;
    const seed = net.settings.seed;
    const rank = await timed(() => pagerank(net.graph));
    const brokerage = await timed(() => adaptiveBetweenness(net.graph, { random: seededRandom(seed) }));
    const clusters = await timed(() => louvain(symmetrize(net.graph), { random: seededRandom(seed) }));
    return {
      load: Math.min(...loads.map((l) => l.seconds)),
      rank: rank.seconds,
      brokerage: brokerage.seconds,
      clusters: clusters.seconds,
      ties: net.graph.targets.length,
      samples: brokerage.value.samples,
      bound: brokerage.value.errorBound,
    };
  } finally {
    await r.close();
  }
}

if (process.env.BENCH_BUILD_ONLY) {
  await build(process.env.BENCH_BUILD_ONLY);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

try {
  console.log(
    `Influence from the database — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; load ${load()}`,
  );
  console.log(
    `${PEOPLE.toLocaleString('en')} people, ${ties.from.length.toLocaleString('en')} declared ties (+ ${(PEOPLE - 1).toLocaleString('en')} reporting lines, not in --sources declared)`,
  );
  const rows: string[][] = [];
  const firstRuns = new Map<string, number>();
  for (const dialect of DIALECTS) {
    const db: TestDatabase =
      dialect === 'sqlite'
        ? await createSqliteDatabase('rapport-bench-influence-')
        : await createPostgresDatabase(PG_URL, 'rapport_bench_influence_');
    try {
      const built = await timed(() => build(db.location));
      rows.push([`${dialect}: build the workspace (bench set-up)`, ms(built.seconds), '']);
      for (let run = 1; run <= RUNS; run++) {
        // Each first run needs the cache empty: a version bump invalidates it.
        if (run > 1) {
          const r = await openRapport({ db: db.location, now: () => new Date(NOW) });
          await r.store.transaction((s) => s.network.bumpVersion(r.ws));
          await r.close();
        }
        const first = cli(db.location);
        const ig = igraph();
        const ref = ig ? ig.load + ig.rank : null;
        firstRuns.set(dialect, Math.min(firstRuns.get(dialect) ?? Number.POSITIVE_INFINITY, first.seconds));
        rows.push([
          `${dialect}: \`rapport influence --sources declared\`, first run (CLI process, wall)`,
          ms(first.seconds),
          `peak RSS ${first.mb.toFixed(0)} MB; cached: ${first.cached}; load ${load()}`,
        ]);
        rows.push(
          ig && ref
            ? [
                '  python-igraph right after: Read_Ncol + PageRank (in-process)',
                ms(ref),
                `load ${ms(ig.load)}, rank ${ms(ig.rank)}; process ${ms(ig.wall)} (import igraph ${ms(ig.imp)}); Rapport / igraph = **${(first.seconds / ref).toFixed(2)}×** (process to process ${(first.seconds / ig.wall).toFixed(2)}×)`,
              ]
            : ['  python-igraph', 'skipped', 'apt-get install -y python3-igraph'],
        );
      }
      const second = cli(db.location);
      rows.push([
        `${dialect}: second run, no changes`,
        ms(second.seconds),
        `peak RSS ${second.mb.toFixed(0)} MB; cached: ${second.cached}`,
      ]);
      const parts = await split(db.location);
      rows.push([
        `${dialect}: in-process parts`,
        ms(parts.load + parts.rank + parts.brokerage + parts.clusters),
        `load ${ms(parts.load)}, rank ${ms(parts.rank)}, brokerage ${ms(parts.brokerage)} (${parts.samples.toLocaleString('en')} paths, ±${parts.bound.toFixed(4)}), clusters ${ms(parts.clusters)}; ${parts.ties.toLocaleString('en')} merged ties`,
      ]);
    } finally {
      await db.drop();
    }
  }
  if (firstRuns.has('sqlite') && firstRuns.has('postgres'))
    rows.push([
      'PostgreSQL / SQLite, best first runs',
      `${(firstRuns.get('postgres')! / firstRuns.get('sqlite')!).toFixed(2)}×`,
      '',
    ]);
  console.log('| measure | time | note |\n|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
  console.log(`load average at the end: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
