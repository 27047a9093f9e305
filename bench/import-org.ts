// Issue 11, first row: `rapport import` of a 1,000,000-row org chart CSV (id, name, title,
// manager id, department, level; a tree of fan-out 8 listed top-down) against sqlite3's own
// `.import` of the same file into a bare table, measured in the same run. Then the same file
// again (every row matched, nothing written), next month's file (1 % of the rows changed: a new
// title and department, one in ten of those a new manager) and the same imports into
// PostgreSQL. Each import runs in a child process (bench/import-child.ts) so its peak RSS is
// its own.
//
//   npx tsc -p tsconfig.bench.json && node dist-bench/bench/import-org.js
//   BENCH_ROWS (1,000,000), BENCH_EMAILS=1 adds a work email column, BENCH_PG=0 skips PostgreSQL,
//   BENCH_CHILD=<path to another build's import-child.js> measures that build too (before/after),
//   BENCH_SQLITE=0 skips SQLite, BENCH_TIMEOUT=<seconds> gives up on an import after that long,
//   BENCH_PG_AGAIN=0 runs only the new import on PostgreSQL (a re-import of 1M rows there takes
//   minutes), BENCH_ROUNDS=<n> alternates the builds n times (before, after, before, after …).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../src/store/test-support/databases.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const EMAILS = process.env.BENCH_EMAILS === '1';
const PG = process.env.BENCH_PG !== '0';
const SQLITE = process.env.BENCH_SQLITE !== '0';
const OTHER = process.env.BENCH_CHILD;
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 0) * 1000;
const PG_AGAIN = process.env.BENCH_PG_AGAIN !== '0';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const NOW = '2026-12-04T10:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-org-'));

/** Next month's file: every 100th row (from the 50th) changed, one in ten of those moved. */
const changed = (i: number) => i % 100 === 50;

async function writeOrgChart(path: string, rows: number, nextMonth = false) {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`Employee ID,Name,Job Title,Manager ID,Department,Level${EMAILS ? ',Work Email' : ''}\n`);
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    // Employee i reports to ceil((i-1)/8).
    const boss = i === 1 ? 0 : Math.ceil((i - 1) / 8);
    const now = nextMonth && changed(i);
    // A new manager earlier in the file than the old one: no loop, still top-down.
    const manager = boss === 0 ? '' : String(now && i % 1000 === 50 && boss > 1 ? boss - 1 : boss);
    const level = Math.min(20, 1 + Math.floor(Math.log(i) / Math.log(8)));
    const title = now ? 'Staff Engineer' : i % 8 === 0 ? 'Manager' : 'Engineer';
    buf += `${i},Person ${i},${title},${manager},Dept ${(i + (now ? 1 : 0)) % 97},L${level}${EMAILS ? `,person${i}@bench.example` : ''}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

/** sqlite3's CLI importing the file into a new, bare table (no indexes, no checks). */
function sqliteImportSeconds(file: string): number {
  const db = join(dir, `ref-${Math.random().toString(36).slice(2)}.db`);
  const started = performance.now();
  execFileSync('sqlite3', [db, '.mode csv', `.import ${file} org`]);
  const seconds = (performance.now() - started) / 1000;
  const n = execFileSync('sqlite3', [db, 'select count(*) from org']).toString().trim();
  if (Number(n) !== ROWS) throw new Error(`sqlite3 imported ${n} rows, expected ${ROWS}`);
  rmSync(db, { force: true });
  return seconds;
}

interface Run {
  timedOut?: boolean;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  report: { people: { created: number; updated: number; unchanged: number } };
}

function runImport(child: string, db: string, file: string, now = NOW): Run {
  const started = performance.now();
  try {
    const out = execFileSync(process.execPath, [child, db, file], {
      env: { ...process.env, RAPPORT_NOW: now },
      maxBuffer: 1 << 26,
      ...(TIMEOUT > 0 ? { timeout: TIMEOUT, killSignal: 'SIGKILL' as const } : {}),
    });
    return JSON.parse(out.toString()) as Run;
  } catch (e) {
    if (TIMEOUT === 0 || (e as { signal?: string }).signal !== 'SIGKILL') throw e;
    const seconds = (performance.now() - started) / 1000;
    return {
      timedOut: true,
      seconds,
      cpuSeconds: Number.NaN,
      maxRssMb: 0,
      report: { people: {} as Run['report']['people'] },
    };
  }
}
// Next month's import runs a month later, so a changed row's updated_at moves.
const NEXT_MONTH = '2027-01-04T10:00:00.000Z';

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const org = join(dir, 'org.csv');
await writeOrgChart(org, ROWS);
const next = join(dir, 'org-next.csv');
await writeOrgChart(next, ROWS, true);
const ours = fileURLToPath(new URL('./import-child.js', import.meta.url));
const builds: [string, string][] = OTHER
  ? [
      ['other', OTHER],
      ['this', ours],
    ]
  : [['this', ours]];
const table: string[][] = [];
const row = (
  what: string,
  seconds: number,
  ref: number,
  rss: number | string,
  cpu?: number,
  timedOut = false,
) => {
  table.push([
    what,
    `${timedOut ? '> ' : ''}${seconds.toFixed(2)}`,
    cpu === undefined || Number.isNaN(cpu) ? '' : cpu.toFixed(1),
    Math.round(ROWS / seconds).toLocaleString('en'),
    (ref / seconds).toFixed(2),
    String(rss),
    load(),
  ]);
  // As it goes too: a run cut short keeps what it measured.
  console.error(`| ${table.at(-1)!.join(' | ')} |`);
};
const reports: Record<string, unknown> = {};
const timed = (what: string, r: Run, ref: number) =>
  row(what, r.seconds, ref, r.timedOut ? '' : r.maxRssMb, r.cpuSeconds, r.timedOut);
/** New, the same file again, next month's file: one database, three imports. */
function threeImports(
  name: string,
  dialect: string,
  child: string,
  db: string,
  ref: number,
  reimports = true,
) {
  const first = runImport(child, db, org);
  timed(`${name}: ${dialect}, new`, first, ref);
  if (!reimports) {
    reports[`${name} ${dialect}`] = [first.report.people];
    return;
  }
  const again = runImport(child, db, org);
  timed(`${name}: ${dialect}, same file again`, again, ref);
  const moved = runImport(child, db, next, NEXT_MONTH);
  timed(`${name}: ${dialect}, next month (1 % changed)`, moved, ref);
  reports[`${name} ${dialect}`] = [first.report.people, again.report.people, moved.report.people];
}
for (let round = 1; round <= ROUNDS; round++)
  for (const [build, child] of builds) {
    const name = ROUNDS > 1 ? `${build} ${round}` : build;
    const ref = sqliteImportSeconds(org);
    row(`sqlite3 .import, bare table (before ${name})`, ref, ref, '');
    if (SQLITE) threeImports(name, 'SQLite', child, join(dir, `${name}.db`), ref);
    if (PG) {
      const pg = await createPostgresDatabase();
      try {
        threeImports(name, 'PostgreSQL', child, pg.location, ref, PG_AGAIN);
      } finally {
        await pg.drop();
      }
    }
  }
const refEnd = sqliteImportSeconds(org);
row('sqlite3 .import, bare table (end)', refEnd, refEnd, '');
console.log(
  `Org chart import — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, ${ROWS.toLocaleString('en')} rows, ${(statSync(org).size / 1e6).toFixed(0)} MB${EMAILS ? ', with emails' : ''}`,
);
console.log(
  '| import | seconds | CPU s (Node process) | rows/s | × sqlite3 .import speed | peak RSS MB | load (1/5/15 min) |',
);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const r of table) console.log(`| ${r.join(' | ')} |`);
console.log(JSON.stringify(reports));
rmSync(dir, { recursive: true, force: true });
