// Hostile input sizes through the format readers (issue 10, item 4): one vCard with 32,000
// and 100,000 EMAIL lines, one CSV line of 100 MB (a bare cell, and a quoted cell with line
// breaks). Each case runs in its own process, so its peak RSS is its own; a case that has not
// finished after BENCH_TIMEOUT_S seconds (default 120) is stopped and shown as such.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./hostile-input-child.js', import.meta.url));
const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 120);
const MB = 1024 * 1024;
const cases: [string, string, number][] = [
  ['vCard, one card with 32,000 EMAIL lines', 'vcard-emails', 32_000],
  ['vCard, one card with 100,000 EMAIL lines', 'vcard-emails', 100_000],
  ['CSV, one 100 MB line (bare cell)', 'csv-line', 100 * MB],
  ['CSV, one 100 MB line (quoted cell, a line break every 80 chars)', 'csv-quoted', 100 * MB],
];

console.log('| input | seconds | peak RSS above the input MB | records read |');
console.log('|---|---:|---:|---|');
for (const [label, kind, size] of cases) {
  const run = spawnSync(process.execPath, [child, kind, String(size)], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    const why = run.error ? `stopped after ${timeoutS} s` : `failed: ${run.stderr.split('\n')[0]}`;
    console.log(`| ${label} | ${why} | | |`);
    continue;
  }
  const r = JSON.parse(run.stdout) as {
    seconds: number;
    peakAboveInputMb: number;
    kinds: Record<string, number>;
  };
  const kinds = Object.entries(r.kinds)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`| ${label} | ${r.seconds.toFixed(2)} | ${r.peakAboveInputMb} | ${kinds} |`);
}
