// Issue 11, first row: `rapport import` of a 1,000,000-row org chart CSV (id, name, title,
// manager id, department, level; a tree of fan-out 8 listed top-down) against sqlite3's own
// `.import` of the same file into a bare table, measured in the same run. Then the same file
// again (every row matched, nothing written) and the same import into PostgreSQL. Each import
// runs in a child process (bench/import-child.ts) so its peak RSS is its own.
//
//   npx tsc -p tsconfig.bench.json && node dist-bench/bench/import-org.js
//   BENCH_ROWS (1,000,000), BENCH_EMAILS=1 adds a work email column, BENCH_PG=0 skips PostgreSQL,
//   BENCH_CHILD=<path to another build's import-child.js> measures that build too (before/after).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../src/store/test-support/databases.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const EMAILS = process.env.BENCH_EMAILS === '1';
const PG = process.env.BENCH_PG !== '0';
const OTHER = process.env.BENCH_CHILD;
const NOW = '2026-12-04T10:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-org-'));

async function writeOrgChart(path: string, rows: number) {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`Employee ID,Name,Job Title,Manager ID,Department,Level${EMAILS ? ',Work Email' : ''}\n`);
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    // Employee i reports to ceil((i-1)/8).
    const manager = i === 1 ? '' : String(Math.ceil((i - 1) / 8));
    const level = Math.min(20, 1 + Math.floor(Math.log(i) / Math.log(8)));
    buf += `${i},Person ${i},${i % 8 === 0 ? 'Manager' : 'Engineer'},${manager},Dept ${i % 97},L${level}${EMAILS ? `,person${i}@bench.example` : ''}\n`;
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
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  report: { people: { created: number; updated: number; unchanged: number } };
}

function runImport(child: string, db: string, file: string): Run {
  const out = execFileSync(process.execPath, [child, db, file], {
    env: { ...process.env, RAPPORT_NOW: NOW },
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.toString()) as Run;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const org = join(dir, 'org.csv');
await writeOrgChart(org, ROWS);
const ours = fileURLToPath(new URL('./import-child.js', import.meta.url));
const builds: [string, string][] = OTHER
  ? [
      ['other', OTHER],
      ['this', ours],
    ]
  : [['this', ours]];
const table: string[][] = [];
const row = (what: string, seconds: number, ref: number, rss: number | string, cpu?: number) =>
  table.push([
    what,
    seconds.toFixed(2),
    cpu === undefined ? '' : cpu.toFixed(1),
    Math.round(ROWS / seconds).toLocaleString('en'),
    (ref / seconds).toFixed(2),
    String(rss),
    load(),
  ]);
const reports: Record<string, unknown> = {};
for (const [name, child] of builds) {
  const ref = sqliteImportSeconds(org);
  row(`sqlite3 .import, bare table (before ${name})`, ref, ref, '');
  const db = join(dir, `${name}.db`);
  const first = runImport(child, db, org);
  row(`${name}: SQLite, new`, first.seconds, ref, first.maxRssMb, first.cpuSeconds);
  const again = runImport(child, db, org);
  row(`${name}: SQLite, same file again`, again.seconds, ref, again.maxRssMb, again.cpuSeconds);
  reports[name] = { first: first.report.people, again: again.report.people };
  if (PG) {
    const pg = await createPostgresDatabase();
    try {
      const p = runImport(child, pg.location, org);
      row(`${name}: PostgreSQL, new`, p.seconds, ref, p.maxRssMb, p.cpuSeconds);
      const p2 = runImport(child, pg.location, org);
      row(`${name}: PostgreSQL, same file again`, p2.seconds, ref, p2.maxRssMb, p2.cpuSeconds);
      reports[`${name} pg`] = { first: p.report.people, again: p2.report.people };
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
