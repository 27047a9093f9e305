// The API under load (issue 14), driven by autocannon from this process against `rapport serve`
// in a child process, on the relationship benchmarks' workspace (10,000 people, 1,000,000
// interactions; bench/relationship-seed.ts):
// - GET /api/v1/focus at a fixed 200 requests/s: latency p50 / p99;
// - GET /api/v1/people/:id as fast as it goes, beside a bare Fastify "hello" route measured the
//   same way in the same run (throughput ratio);
// - a soak of mixed reads: the server's memory sampled from inside it every BENCH_SAMPLE_S.
// Run: npm run bench:build && node dist-bench/bench/api.js
// Env: BENCH_DIALECTS=sqlite,postgres  BENCH_PG_URL  BENCH_SOAK_S (600)  BENCH_SECONDS (20)
//      BENCH_SAMPLE_S (60)  BENCH_PARTS=focus,people,soak (all)
//      BENCH_KEEP=1: seed once into a kept database (a fixed file in the temp folder, or the
//      PostgreSQL database rapport_bench_api_kept) and reuse it on later runs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { focusUncached, openRapport } from '../src/app/index.js';
import { openStore } from '../src/store/index.js';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from '../src/store/test-support/databases.js';
import { CURVE_HEAD, curveRows, lateSlope, memoryLines } from './api-soak.js';
import { BIN, start, stop } from './child-server.js';
import { INTERACTIONS, NOW, PEOPLE, seed } from './relationship-seed.js';

interface Result {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SOAK_S = Number(process.env.BENCH_SOAK_S ?? 600);
const FOCUS_RUNS = Number(process.env.BENCH_FOCUS_RUNS ?? 30);
const SAMPLE_S = Number(process.env.BENCH_SAMPLE_S ?? 60);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'focus,people,soak').split(','));
const KEEP = process.env.BENCH_KEEP === '1';

/** The database to seed, or the kept one (BENCH_KEEP), with whether it still needs the seed. */
async function benchDatabase(dialect: string): Promise<{ db: TestDatabase; seeded: boolean }> {
  if (!KEEP)
    return {
      db:
        dialect === 'sqlite'
          ? await createSqliteDatabase('rapport-bench-api-')
          : await createPostgresDatabase(PG_URL, 'rapport_bench_api_'),
      seeded: false,
    };
  const keep = async () => {};
  if (dialect === 'sqlite') {
    const location = join(tmpdir(), 'rapport-bench-api-kept.db');
    return { db: { location, drop: keep }, seeded: existsSync(location) };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const name = 'rapport_bench_api_kept';
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { db: { location: url.toString(), drop: keep }, seeded: rowCount === 1 };
}

/** The owner's session: the first run creates the owner (who adopts the seeded workspace). */
async function signInOwner(url: string): Promise<string> {
  const account = { email: 'bench@example.com', password: 'a long bench passphrase' };
  let res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ name: 'Bench Owner', ...account }),
  });
  if (res.status === 409)
    res = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(account),
    });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!res.ok || !cookie) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return cookie;
}

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m?.[1] ?? 0) / 1024);
};

/** A table row of one autocannon run: latency p50 / p99, requests per second, errors. */
const resultRow = (dialect: string, measure: string, r: Result): string[] => [
  dialect,
  measure,
  `${r.latency.p50} / ${r.latency.p99}`,
  r.requests.average.toFixed(0),
  String(r.non2xx + r.errors),
];

/** CPU time (user + system) a process has used, in ms; /proc counts in ticks of 10 ms. */
const cpuMs = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

/** The server's CPU per answered request during `run`, in µs: steadier than throughput on a shared machine. */
async function withCpu(pid: number, run: () => Promise<Result>): Promise<{ result: Result; cpuUs: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { result, cpuUs: ((cpuMs(pid) - before) * 1000) / Math.max(1, result.requests.total) };
}

const HELLO = `
const app = require('fastify')();
app.get('/hello', async () => ({ hello: 'world' }));
app.listen({ host: '127.0.0.1', port: 0 }).then((u) => console.log('at ' + u.replace('localhost', '127.0.0.1')));
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

const rows: string[][] = [];
const curves: string[][] = [];
const slopes: string[] = [];
const loadAtStart = loadavg()[0]!.toFixed(1);
for (const dialect of DIALECTS) {
  const { db, seeded } = await benchDatabase(dialect);
  try {
    const store = await openStore(db.location, { migrate: true });
    if (!seeded) {
      await seed(store);
      await store.analyze();
    }
    await store.close();
    // Focus computed afresh, in this process (issue 11's goal: p99 ≤ 100 ms): the API caches it.
    const r = await openRapport({ db: db.location, now: () => NOW, migrate: false });
    if (PARTS.has('focus'))
      try {
        await focusUncached(r); // builds the ledger rollup once, as the server's first ask does
        const times: number[] = [];
        for (let i = 0; i < FOCUS_RUNS; i++) {
          const t0 = performance.now();
          await focusUncached(r);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
        rows.push([
          dialect,
          `focus uncached, in-process (${FOCUS_RUNS} runs)`,
          `${at(0.5)} / ${at(0.99)}`,
          '-',
          '-',
        ]);
      } finally {
        await r.close();
      }
    else await r.close();
    const server = await start([BIN, 'serve', '--db', db.location, '--port', '0', '--no-demo'], {
      RAPPORT_LOG_LEVEL: 'warn',
      RAPPORT_MEMORY_LOG_S: String(SAMPLE_S),
    });
    const memory = memoryLines(server.child);
    try {
      const headers = { cookie: await signInOwner(server.url) };
      const someone = (
        (await (await fetch(`${server.url}/api/v1/people?limit=50`, { headers })).json()) as {
          items: { id: number }[];
        }
      ).items[25]!.id;
      await fetch(`${server.url}/api/v1/focus`, { headers }); // builds the rollup once

      if (PARTS.has('focus')) {
        const focus = await autocannon({
          url: `${server.url}/api/v1/focus`,
          headers,
          connections: 10,
          overallRate: 200,
          duration: SECONDS,
        });
        rows.push(resultRow(dialect, 'GET /focus at 200 req/s', focus));
        console.error(`${dialect} focus: p50 ${focus.latency.p50} ms, p99 ${focus.latency.p99} ms`);
        // The floor on this machine: the bare hello route offered the same rate, same run.
        const floor = await start(['-e', HELLO], {});
        try {
          const h = await autocannon({
            url: `${floor.url}/hello`,
            connections: 10,
            overallRate: 200,
            duration: SECONDS,
          });
          rows.push(resultRow(dialect, 'bare Fastify hello at 200 req/s, same run', h));
        } finally {
          await stop(floor.child);
        }
      }

      if (PARTS.has('people')) {
        const { result: person, cpuUs: personCpu } = await withCpu(server.child.pid!, () =>
          autocannon({
            url: `${server.url}/api/v1/people/${someone}`,
            headers,
            connections: 10,
            duration: SECONDS,
          }),
        );
        const hello = await start(['-e', HELLO], {});
        let bare: Result;
        let bareCpu: number;
        try {
          ({ result: bare, cpuUs: bareCpu } = await withCpu(hello.child.pid!, () =>
            autocannon({ url: `${hello.url}/hello`, connections: 10, duration: SECONDS }),
          ));
        } finally {
          await stop(hello.child);
        }
        rows.push(resultRow(dialect, 'GET /people/:id, as fast as it goes', person));
        rows.push(resultRow(dialect, 'bare Fastify hello, same run', bare));
        rows.push([
          dialect,
          'people/:id ÷ hello (throughput)',
          '-',
          (person.requests.average / bare.requests.average).toFixed(2),
          '-',
        ]);
        rows.push([
          dialect,
          'server CPU µs per request: people/:id, hello; hello ÷ people/:id',
          '-',
          `${personCpu.toFixed(0)}, ${bareCpu.toFixed(0)}; ${(bareCpu / personCpu).toFixed(2)}`,
          '-',
        ]);
      }

      if (PARTS.has('soak') && SOAK_S > 0) {
        memory.restart(); // the curve starts with the soak
        const before = rssMb(server.child.pid!);
        const soak = await autocannon({
          url: server.url,
          headers,
          connections: 8,
          overallRate: 100,
          duration: SOAK_S,
          requests: [
            { method: 'GET', path: '/api/v1/focus' },
            { method: 'GET', path: `/api/v1/people/${someone}` },
            { method: 'GET', path: '/api/v1/nurture' },
            { method: 'GET', path: '/api/v1/balances' },
          ],
        });
        const after = rssMb(server.child.pid!);
        curves.push(...curveRows(dialect, memory.samples));
        slopes.push(
          `${dialect}: RSS ${lateSlope(memory.samples).toFixed(1)} MB/min over the soak's second half`,
        );
        rows.push([
          dialect,
          `soak ${SOAK_S} s of mixed reads at 100 req/s: RSS start → end MB`,
          `${soak.latency.p50} / ${soak.latency.p99}`,
          `${before} → ${after}`,
          String(soak.non2xx + soak.errors),
        ]);
      }
    } finally {
      memory.stop();
      await stop(server.child);
    }
  } finally {
    await db.drop();
  }
}

console.log(
  `${PEOPLE} people, ${INTERACTIONS} interactions; ${SECONDS} s per run; ${cpus().length} cores, Node ${process.version}, load at start ${loadAtStart}, at end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const head = ['dialect', 'measure', 'latency p50 / p99 ms', 'req/s (or RSS)', 'errors'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
if (curves.length > 0) {
  console.log(`\nServer memory during the soak, sampled inside it every ${SAMPLE_S} s (MB):`);
  const w = CURVE_HEAD.map((h, i) => Math.max(h.length, ...curves.map((r) => r[i]!.length)));
  for (const r of [CURVE_HEAD, ...curves]) console.log(r.map((c, i) => c.padEnd(w[i]!)).join('  '));
  for (const line of slopes) console.log(line);
}
