// Relationship intelligence at scale: 10,000 people, 200 initiatives, 1,000,000 interactions.
// Times nurture, focus, balances, coverage, thanks, attention and deposits in-process (50 runs after warm-up) on SQLite and
// PostgreSQL. Run: npm run bench:build && node dist-bench/bench/relationship.js
// Env: BENCH_DIALECTS=sqlite,postgres  BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test
//      BENCH_PEOPLE, BENCH_INTERACTIONS, BENCH_RUNS, BENCH_REBUILDS (whole rollup rebuilds, 3),
//      BENCH_ONLY_REBUILDS=1 (skip the use cases)
import { cpus } from 'node:os';
import {
  allBalances,
  attention,
  coverage,
  deposits,
  focusUncached,
  nurture,
  openRapport,
  type Rapport,
  setSetting,
  thanks,
} from '../src/app/index.js';
import { openStore } from '../src/store/index.js';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from '../src/store/test-support/databases.js';
import { INITIATIVES, INTERACTIONS, NOW, NOW_ISO, PEOPLE, seed } from './relationship-seed.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 3);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(
  r: Rapport,
  fn: (r: Rapport) => Promise<unknown>,
): Promise<{ p50: number; p99: number; size: number }> {
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const out = await fn(r);
    size = Array.isArray(out) ? out.length : 1;
  }
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const out = await fn(r);
    // A function that times itself (to leave set-up out) returns its own figure.
    ms.push(typeof out === 'number' ? out : performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), size };
}

async function prepare(dialect: string): Promise<TestDatabase> {
  return dialect === 'sqlite'
    ? createSqliteDatabase('rapport-bench-rel-')
    : createPostgresDatabase(PG_URL, 'rapport_bench_rel_');
}

const rows: string[][] = [];
for (const dialect of DIALECTS) {
  const db = await prepare(dialect);
  try {
    const store = await openStore(db.location, { migrate: true });
    const t0 = performance.now();
    await seed(store);
    await store.analyze();
    const seedS = ((performance.now() - t0) / 1000).toFixed(0);
    await store.close();
    const r = await openRapport({ db: db.location, now: () => NOW });
    try {
      // The ledger rollup is built by the first read after the bulk load: one full pass.
      const t1 = performance.now();
      await allBalances(r);
      const first = (performance.now() - t1).toFixed(1);
      rows.push([dialect, 'balances, first call after bulk load', first, first, '-', seedS]);
      // Whole rebuilds of the rollup: another half-life makes every row stale.
      const rebuilds: number[] = [];
      for (let i = 0; i < REBUILDS; i++) {
        await setSetting(r, { key: 'balance.halfLifeDays', value: i % 2 === 0 ? 181 : 180 });
        const t2 = performance.now();
        await allBalances(r);
        rebuilds.push(performance.now() - t2);
      }
      if (REBUILDS > 0) {
        const sorted = rebuilds.sort((a, b) => a - b);
        const mid = sorted[Math.floor(sorted.length / 2)]!.toFixed(1);
        rows.push([
          dialect,
          `rollup rebuilt for everyone (${REBUILDS} runs)`,
          mid,
          sorted.at(-1)!.toFixed(1),
          '-',
          seedS,
        ]);
        if (REBUILDS % 2 === 1) await setSetting(r, { key: 'balance.halfLifeDays', value: 180 });
      }
      for (const [name, fn] of (process.env.BENCH_ONLY_REBUILDS
        ? []
        : [
            ['nurture', nurture],
            // Computed afresh each time: the cached answer (app/core/state-cache) is the API's figure.
            ['focus', focusUncached],
            ['balances', allBalances],
            ['coverage', coverage],
            ['thanks', thanks],
            ['attention', attention],
            ['deposits', deposits],
          ]) as [string, (r: Rapport) => Promise<unknown>][]) {
        const t = await time(r, fn as (r: Rapport) => Promise<unknown>);
        rows.push([dialect, name, t.p50.toFixed(1), t.p99.toFixed(1), String(t.size), seedS]);
        console.error(`${dialect} ${name}: p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`);
      }
      // Steady use: each run logs one interaction (untimed), so the rollup refreshes those people.
      const people = (await r.store.relationship.people(r.ws)).map((p) => p.id);
      let k = 0;
      const t = await time(r, async (rr) => {
        const pair = [people[(k * 7919) % people.length]!, people[(k * 104_729 + 1) % people.length]!];
        k++;
        await rr.store.interactions.insert(
          rr.ws,
          {
            occurredAt: NOW_ISO,
            kind: 'help-given',
            capital: 3,
            note: null,
            initiativeId: null,
            personIds: [...new Set(pair)],
            source: 'bench',
          },
          NOW_ISO,
        );
        const t0 = performance.now();
        await allBalances(rr);
        return performance.now() - t0;
      });
      rows.push([
        dialect,
        'balances after each new interaction',
        t.p50.toFixed(1),
        t.p99.toFixed(1),
        '-',
        seedS,
      ]);
    } finally {
      await r.close();
    }
  } finally {
    if (process.env.BENCH_KEEP) console.error(`kept ${db.location}`);
    else await db.drop();
  }
}

const header = ['dialect', 'use case', 'p50 ms', 'p99 ms', 'rows out', 'seed s'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(
  `${PEOPLE} people, ${INITIATIVES} initiatives, ${INTERACTIONS} interactions; ${RUNS} runs; ${cpus().length} cores, Node ${process.version}`,
);
console.log(line(header));
for (const r of rows) console.log(line(r));
