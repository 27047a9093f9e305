// Where one focus computed afresh spends its time, statement by statement: each SQL text's
// count and time per focus, the rest being JavaScript (and, on PostgreSQL, waiting on overlapped
// round trips: there the figures are each statement's round trip, which may overlap).
//   node dist-bench/bench/focus-profile.js LOCATION [RUNS]   (on a database from bench/focus.ts)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { focusUncached, openRapport } from '../src/app/index.js';

const location = process.argv[2]!;
const runs = Number(process.argv[3] ?? 10);
const NOW = new Date('2026-11-23T10:00:00.000Z');
const require = createRequire(import.meta.url);
const spent = new Map<string, { n: number; ms: number }>();
let on = false;
const note = (text: string, ms: number) => {
  if (!on) return;
  const key = text.replace(/\s+/g, ' ').slice(0, 150);
  const s = spent.get(key) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += ms;
  spent.set(key, s);
};

if (location.startsWith('postgres')) {
  const pg = require('pg') as typeof import('pg').default;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
    const t = performance.now();
    const out = query.apply(this, args);
    if (out instanceof Promise) out.then(() => note(text, performance.now() - t)).catch(() => {});
    return out;
  } as typeof pg.Client.prototype.query;
} else {
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const proto = Object.getPrototypeOf(new Sqlite(':memory:').prepare('select 1')) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  for (const name of ['all', 'get', 'run']) {
    const fn = proto[name]!;
    proto[name] = function (this: { source: string }, ...a: unknown[]) {
      const t = performance.now();
      try {
        return fn.apply(this, a);
      } finally {
        note(this.source, performance.now() - t);
      }
    };
  }
}

const r = await openRapport({ db: location, now: () => NOW });
for (let i = 0; i < 3; i++) await focusUncached(r);
on = true;
const t0 = performance.now();
for (let i = 0; i < runs; i++) await focusUncached(r);
const total = (performance.now() - t0) / runs;
on = false;
await r.close();
let inSql = 0;
const lines = [...spent].sort((a, b) => b[1].ms - a[1].ms);
for (const [, s] of lines) inSql += s.ms / runs;
console.log(
  `focus: ${total.toFixed(1)} ms per call; statements ${inSql.toFixed(1)} ms; load ${loadavg()[0]!.toFixed(2)}`,
);
for (const [text, s] of lines) {
  console.log(`${(s.ms / runs).toFixed(2).padStart(8)} ms ${String(s.n / runs).padStart(4)}×  ${text}`);
}
