// CLI start-up: `rapport person show` as a whole process beside `node -e 0`, interleaved in one
// run so both see the same machine load. The ratio is the figure that matters (issue 8 asks for
// ≤ 1.6× a bare Node start).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const cli = new URL('../../bin/rapport.cjs', import.meta.url).pathname;
const db = join(mkdtempSync(join(tmpdir(), 'rapport-startup-')), 'startup.db');
execFileSync(process.execPath, [cli, '--db', db, 'person', 'add', 'Ann Lee', '--title', 'PM']);

const wall = (args: string[]): number => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const bare: number[] = [];
const show: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(wall(['-e', '0']));
  show.push(wall([cli, '--db', db, 'person', 'show', 'Ann Lee']));
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => xs.reduce((m, x) => (x > m ? x : m), 0);

console.log(`| what (${RUNS} runs, interleaved) | p50 | max |`);
console.log('|---|---:|---:|');
console.log(`| node -e 0 | ${p50(bare).toFixed(0)} ms | ${max(bare).toFixed(0)} ms |`);
console.log(`| rapport person show | ${p50(show).toFixed(0)} ms | ${max(show).toFixed(0)} ms |`);
console.log(`| ratio (p50) | ${(p50(show) / p50(bare)).toFixed(2)}× | |`);
