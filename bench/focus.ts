// Focus computed afresh (issue 11: p99 ≤ 100 ms at 10,000 people / 1,000,000 interactions), on
// databases seeded once and kept, so builds before and after a change can be timed on the same
// files, run after run.
//   node dist-bench/bench/focus.js seed sqlite /tmp/focus/rel.db
//   node dist-bench/bench/focus.js seed postgres rapport_focus_bench
//   node dist-bench/bench/focus.js time LOCATION [RUNS]   (a file path or a postgres:// URL)
//   node dist-bench/bench/focus.js print LOCATION         (the list, as JSON)
// The seed builds the ledger rollup (one balances read) and analyzes, as bench/relationship.ts does.
import { loadavg } from 'node:os';
import pg from 'pg';
import { allBalances, focusUncached, openRapport } from '../src/app/index.js';
import { openStore } from '../src/store/index.js';
import { NOW, seed } from './relationship-seed.js';

const [mode, a, b] = process.argv.slice(2);
const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

if (mode === 'seed') {
  let location = b!;
  if (a === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_SERVER });
    await admin.connect();
    await admin.query(`drop database if exists ${b} with (force)`);
    await admin.query(`create database ${b}`);
    await admin.end();
    const url = new URL(PG_SERVER);
    url.pathname = `/${b}`;
    location = url.toString();
  }
  const store = await openStore(location, { migrate: true });
  const t0 = performance.now();
  await seed(store);
  await store.analyze();
  await store.close();
  const r = await openRapport({ db: location, now: () => NOW });
  await allBalances(r);
  await r.close();
  console.log(`seeded ${location} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} else if (mode === 'time') {
  const runs = Number(b ?? 30);
  const r = await openRapport({ db: a!, now: () => NOW });
  let size = 0;
  for (let i = 0; i < 3; i++) size = (await focusUncached(r)).length;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await focusUncached(r);
    ms.push(performance.now() - t);
  }
  await r.close();
  ms.sort((x, y) => x - y);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `focus ${a!.startsWith('postgres') ? 'postgres' : 'sqlite'}: p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, ${runs} runs, ${size} items, load ${load}`,
  );
} else if (mode === 'print') {
  // The list itself, to compare builds: the change must leave it byte for byte the same.
  const r = await openRapport({ db: a!, now: () => NOW });
  console.log(JSON.stringify(await focusUncached(r), null, 1));
  await r.close();
} else {
  console.error('usage: focus.js seed sqlite|postgres PATH|DBNAME  |  focus.js time LOCATION [RUNS]');
  process.exit(2);
}
