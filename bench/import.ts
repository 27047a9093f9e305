// Import throughput and memory: a 1,000,000-row org chart CSV (ids, names, emails, titles,
// levels, manager by id, listed top-down) into a fresh SQLite file, then the same file again
// (every row matched, nothing written), then a 20,000-event calendar. Each import runs in a
// child process so its peak memory (maxRSS) is its own.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const NOW = '2026-11-23T10:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));

async function writeOrgChart(path: string, rows: number) {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('Employee ID,Name,Job Title,Department,Level,Work Email,Manager ID\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    // A tree with fan-out 8: employee i reports to ceil((i-1)/8).
    const manager = i === 1 ? '' : String(Math.ceil((i - 1) / 8));
    const level = Math.min(20, 1 + Math.floor(Math.log(i) / Math.log(8)));
    buf += `${i},Person ${i},${i % 8 === 0 ? 'Manager' : 'Engineer'},Dept ${i % 97},L${level},person${i}@bench.example,${manager}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

async function writeCalendar(path: string, events: number, people: number) {
  const out = createWriteStream(path);
  out.write('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport bench//EN\r\n');
  const start = Date.parse('2026-06-01T09:00:00Z');
  for (let i = 0; i < events; i++) {
    const t = new Date(start + i * 11 * 60_000);
    const stamp = t
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const end = new Date(t.getTime() + 30 * 60_000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const a = 1 + (i % people);
    const b = 1 + ((i * 7) % people);
    out.write(
      `BEGIN:VEVENT\r\nUID:bench-${i}@bench.example\r\nDTSTAMP:${stamp}\r\nDTSTART:${stamp}\r\nDTEND:${end}\r\nSUMMARY:Sync ${i}\r\n` +
        `ORGANIZER:mailto:person${a}@bench.example\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:person${a}@bench.example\r\n` +
        `ATTENDEE;PARTSTAT=ACCEPTED:mailto:person${b}@bench.example\r\nEND:VEVENT\r\n`,
    );
  }
  await new Promise<void>((r) => out.end('END:VCALENDAR\r\n', () => r()));
}

/** Runs one import in a child process; returns its wall time and peak memory. */
function runImport(
  db: string,
  file: string,
  extra: string[] = [],
): { seconds: number; maxRssMb: number; report: { people: unknown; interactions: unknown } } {
  const child = fileURLToPath(new URL('./import-child.js', import.meta.url));
  const out = execFileSync(process.execPath, [child, db, file, ...extra], {
    env: { ...process.env, RAPPORT_NOW: NOW },
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.toString());
}

const org = join(dir, 'org.csv');
const ics = join(dir, 'calendar.ics');
const db = join(dir, 'bench.db');
await writeOrgChart(org, ROWS);
await writeCalendar(ics, EVENTS, Math.min(ROWS, 5000));
const rows: [string, string, string, string][] = [];
const first = runImport(db, org);
rows.push([
  `org chart, ${ROWS.toLocaleString('en')} rows, new`,
  first.seconds.toFixed(1),
  Math.round(ROWS / first.seconds).toLocaleString('en'),
  String(first.maxRssMb),
]);
const again = runImport(db, org);
rows.push([
  `same file again (all matched)`,
  again.seconds.toFixed(1),
  Math.round(ROWS / again.seconds).toLocaleString('en'),
  String(again.maxRssMb),
]);
const cal = runImport(db, ics, ['2026-05-01', '2026-11-23']);
rows.push([
  `calendar, ${EVENTS.toLocaleString('en')} events`,
  cal.seconds.toFixed(1),
  Math.round(EVENTS / cal.seconds).toLocaleString('en'),
  String(cal.maxRssMb),
]);
console.log(
  `Import benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, file ${(statSync(org).size / 1e6).toFixed(0)} MB`,
);
console.log('| import | seconds | records/s | peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(JSON.stringify({ first: first.report, again: again.report, calendar: cal.report }));
rmSync(dir, { recursive: true, force: true });
