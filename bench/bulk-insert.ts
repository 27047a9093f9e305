// Bulk insert of 100,000 people and 1,000,000 interactions into SQLite through Rapport's store,
// beside the sqlite3 command-line `.import` of the same rows into the same schema, then the
// wall time of `rapport person show` (process start included) on the resulting database.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPersonFields } from '../src/domain/person.js';
import type { NewInteraction } from '../src/store/index.js';
import { insertInteractions, insertPeople, openStore } from '../src/store/index.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const NOW = '2026-11-23T10:00:00.000Z';
const KINDS = ['meeting', 'help-given', 'ask', 'coffee', 'message'] as const;
const CAPITAL = { meeting: 0, 'help-given': 3, ask: -2, coffee: 0, message: 0 } as const;

const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
const dbPath = join(dir, 'bench.db');

function peopleRows() {
  return Array.from({ length: PEOPLE }, (_, i) => ({
    fields: newPersonFields({
      name: `Person ${i}`,
      title: i % 10 === 0 ? 'Manager' : 'Engineer',
      team: `Team ${i % 500}`,
      department: `Dept ${i % 8}`,
      level: 1 + Math.min(4, Math.floor(Math.log10(i + 1))),
      emails: [`person${i}@bench.example`],
      tier: i % 50 === 0 ? 'partner' : 'none',
    }),
    managerId: null,
  }));
}

function interactionRow(i: number, ids: number[]): NewInteraction {
  const kind = KINDS[i % KINDS.length]!;
  const day = 1 + (i % 180);
  const at = new Date(Date.parse(NOW) - day * 86_400_000).toISOString();
  return {
    occurredAt: at,
    kind,
    capital: CAPITAL[kind],
    note: null,
    initiativeId: null,
    personIds: [ids[(i * 7919) % ids.length]!],
    source: null,
  };
}

async function rapportBulk() {
  const store = await openStore(dbPath, { migrate: true });
  const ws = await store.workspaces.ensure('default', NOW);
  const rows = peopleRows();
  const t0 = performance.now();
  const ids = await store.transaction((tx) => insertPeople(tx, ws, rows, NOW));
  const t1 = performance.now();
  const batch = 100_000;
  for (let start = 0; start < INTERACTIONS; start += batch) {
    const chunk = Array.from({ length: Math.min(batch, INTERACTIONS - start) }, (_, k) =>
      interactionRow(start + k, ids),
    );
    await store.transaction((tx) => insertInteractions(tx, ws, chunk, NOW));
  }
  const t2 = performance.now();
  await store.close();
  return { peopleMs: t1 - t0, interactionsMs: t2 - t1 };
}

function sqliteImport() {
  // The whole schema of the benchmark database (tables, indexes, triggers), so both sides
  // maintain the same structures while loading.
  const schema = execFileSync('sqlite3', [dbPath, '.schema'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => !l.includes('sqlite_sequence'))
    .join('\n');
  const target = join(dir, 'import.db');
  execFileSync('sqlite3', [target], { input: schema });
  execFileSync('sqlite3', [
    target,
    "insert into workspaces (id, name, me_person_id, created_at) values (1, 'default', null, 'x');",
  ]);
  const q = (s: string | null | number) =>
    s === null ? '' : typeof s === 'number' ? String(s) : `"${s.replace(/"/g, '""')}"`;
  const people = peopleRows().map((r, i) => {
    const f = r.fields;
    return [
      i + 1,
      1,
      f.name,
      f.name.toLowerCase(),
      f.title,
      f.team,
      f.department,
      f.level,
      null,
      null,
      null,
      f.category,
      f.tier,
      null,
      '[]',
      null,
      null,
      NOW,
      NOW,
    ]
      .map(q)
      .join(',');
  });
  const emails = peopleRows().map((r, i) => [1, i + 1, r.fields.emails[0]!, 0].map(q).join(','));
  const ids = Array.from({ length: PEOPLE }, (_, i) => i + 1);
  const inter: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < INTERACTIONS; i++) {
    const r = interactionRow(i, ids);
    inter.push([i + 1, 1, r.occurredAt, r.kind, r.capital, null, null, null, NOW].map(q).join(','));
    parts.push([1, i + 1, r.personIds[0]!, r.occurredAt, r.capital, 1, 0, r.kind].map(q).join(','));
  }
  writeFileSync(join(dir, 'people.csv'), `${people.join('\n')}\n`);
  writeFileSync(join(dir, 'emails.csv'), `${emails.join('\n')}\n`);
  writeFileSync(join(dir, 'interactions.csv'), `${inter.join('\n')}\n`);
  writeFileSync(join(dir, 'parts.csv'), `${parts.join('\n')}\n`);
  const script = [
    'PRAGMA journal_mode=WAL;',
    'PRAGMA synchronous=NORMAL;',
    'BEGIN;',
    `.import --csv ${join(dir, 'people.csv')} people`,
    `.import --csv ${join(dir, 'emails.csv')} person_emails`,
    `.import --csv ${join(dir, 'interactions.csv')} interactions`,
    `.import --csv ${join(dir, 'parts.csv')} interaction_people`,
    'COMMIT;',
  ].join('\n');
  const t0 = performance.now();
  const r = spawnSync('sqlite3', [target], { input: script, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return ms;
}

function personShow(): number[] {
  const bin = new URL('../../bin/rapport.cjs', import.meta.url).pathname;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [
      bin,
      '--db',
      dbPath,
      'person',
      'show',
      `Person ${(i * 4999) % PEOPLE}`,
      '--json',
    ]);
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(String(r.stderr));
  }
  return times.sort((a, b) => a - b);
}

const { peopleMs, interactionsMs } = await rapportBulk();
const importMs = sqliteImport();
const rows = PEOPLE + INTERACTIONS;
const rapportMs = peopleMs + interactionsMs;
const show = personShow();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`rows: ${fmt(PEOPLE)} people + ${fmt(INTERACTIONS)} interactions = ${fmt(rows)}`);
console.log('| what | time | rows/s |');
console.log('|---|---:|---:|');
console.log(`| Rapport insertPeople | ${fmt(peopleMs)} ms | ${fmt(PEOPLE / (peopleMs / 1000))} |`);
console.log(
  `| Rapport insertInteractions | ${fmt(interactionsMs)} ms | ${fmt(INTERACTIONS / (interactionsMs / 1000))} |`,
);
console.log(`| Rapport total | ${fmt(rapportMs)} ms | ${fmt(rows / (rapportMs / 1000))} |`);
console.log(
  `| sqlite3 .import (same rows, same schema) | ${fmt(importMs)} ms | ${fmt(rows / (importMs / 1000))} |`,
);
console.log(`| ratio Rapport / sqlite3 time | ${(rapportMs / importMs).toFixed(2)}× | |`);
console.log(`| rapport person show (wall, 20 runs) | p50 ${fmt(show[10]!)} ms, max ${fmt(show[19]!)} ms | |`);
