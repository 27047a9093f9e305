// Import throughput and memory: a 1,000,000-row org chart CSV (ids, names, emails, titles,
// levels, manager by id, listed top-down) into a fresh SQLite file, then the same file again
// (every row matched, nothing written), then a 20,000-event calendar. Each import runs in a
// child process so its peak memory (maxRSS) is its own. Then ties (issue 11): a workspace of
// BENCH_ROWS / 10 people from an org chart, a BENCH_ROWS-row ties CSV naming them by employee
// id (new), and the same ties file again (every tie already there, nothing written).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

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

/**
 * `From,To,Type,Weight` by employee id: each person names ten others spread over the company
 * (so the ties index is written all over, as a real survey would), kinds and weights mixed.
 */
async function writeTies(path: string, ties: number, people: number) {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  const kinds = ['advice', 'influence', 'trust', 'friction'];
  const spread = Math.max(1, Math.floor(people / 11));
  await write('From,To,Type,Weight\n');
  let buf = '';
  for (let i = 0; i < ties; i++) {
    const from = 1 + (Math.floor(i / 10) % people);
    const to = 1 + ((from - 1 + 1 + (i % 10) * spread) % people);
    buf += `${from},${to},${kinds[(i * 7) % 4]},${1 + (i % 5)}\n`;
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

/**
 * The floor under any import: the same people and emails inserted with two prepared statements
 * in one transaction on a copy of the schema, no parsing, matching or checks.
 */
function rawInsertSeconds(schemaFrom: string, path: string, rows: number): number {
  const src = new Database(schemaFrom, { readonly: true });
  const schema = src
    .prepare(
      "select sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by rowid",
    )
    .all() as { sql: string }[];
  src.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const { sql } of schema) db.exec(sql);
  db.exec("insert into workspaces (id, name, created_at) values (1, 'default', '2026-11-23')");
  const person = db.prepare(
    "insert into people (workspace_id, name, name_key, title, level, manager_id, category, interests, created_at, updated_at) values (1, ?, ?, 'Engineer', 2, ?, 'stakeholder', '[]', 'x', 'x')",
  );
  const email = db.prepare(
    'insert into person_emails (workspace_id, person_id, email, position) values (1, ?, ?, 0)',
  );
  const started = performance.now();
  db.transaction(() => {
    for (let i = 1; i <= rows; i++) {
      const id = person.run(
        `Person ${i}`,
        `person ${i}`,
        i === 1 ? null : Math.ceil((i - 1) / 8),
      ).lastInsertRowid;
      email.run(id, `person${i}@bench.example`);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

/** Runs one import in a child process; returns its wall time and peak memory. */
function runImport(
  db: string,
  file: string,
  extra: string[] = [],
  nodeFlags: string[] = [],
): {
  seconds: number;
  maxRssMb: number;
  report: { people: unknown; interactions: unknown; ties: { created: number; unchanged: number } };
} {
  const child = fileURLToPath(new URL('./import-child.js', import.meta.url));
  const out = execFileSync(process.execPath, [...nodeFlags, child, db, file, ...extra], {
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
const capped = runImport(join(dir, 'capped.db'), org, [], ['--max-old-space-size=160']);
rows.push([
  `org chart, new, heap capped at 160 MB`,
  capped.seconds.toFixed(1),
  Math.round(ROWS / capped.seconds).toLocaleString('en'),
  String(capped.maxRssMb),
]);
const floor = rawInsertSeconds(db, join(dir, 'raw.db'), ROWS);
rows.push([
  `floor: bare prepared inserts, same rows and schema`,
  floor.toFixed(1),
  Math.round(ROWS / floor).toLocaleString('en'),
  '',
]);
const cal = runImport(db, ics, ['2026-05-01', '2026-11-23']);
rows.push([
  `calendar, ${EVENTS.toLocaleString('en')} events`,
  cal.seconds.toFixed(1),
  Math.round(EVENTS / cal.seconds).toLocaleString('en'),
  String(cal.maxRssMb),
]);
const TIES = Number(process.env.BENCH_TIES ?? ROWS);
const TIES_PEOPLE = Math.max(50, Math.round(TIES / 10));
const staff = join(dir, 'staff.csv');
const tiesCsv = join(dir, 'ties.csv');
const tiesDb = join(dir, 'ties.db');
await writeOrgChart(staff, TIES_PEOPLE);
await writeTies(tiesCsv, TIES, TIES_PEOPLE);
runImport(tiesDb, staff);
const ties = runImport(tiesDb, tiesCsv);
rows.push([
  `ties, ${TIES.toLocaleString('en')} rows by employee id, ${TIES_PEOPLE.toLocaleString('en')} people, new`,
  ties.seconds.toFixed(1),
  Math.round(TIES / ties.seconds).toLocaleString('en'),
  String(ties.maxRssMb),
]);
const tiesAgain = runImport(tiesDb, tiesCsv);
rows.push([
  `same ties file again (all unchanged)`,
  tiesAgain.seconds.toFixed(1),
  Math.round(TIES / tiesAgain.seconds).toLocaleString('en'),
  String(tiesAgain.maxRssMb),
]);
console.log(
  `Import benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, file ${(statSync(org).size / 1e6).toFixed(0)} MB`,
);
console.log('| import | seconds | records/s | peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  JSON.stringify({
    first: first.report,
    again: again.report,
    calendar: cal.report,
    ties: ties.report.ties,
    tiesAgain: tiesAgain.report.ties,
  }),
);
rmSync(dir, { recursive: true, force: true });
