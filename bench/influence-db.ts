// The influence network from the database: 100,000 people and 1,000,000 declared ties in SQLite.
// Times loading the network into CSR arrays, a first `rapport influence` (computes and caches)
// and a second one (served from the cache), the last two as real CLI processes with their peak
// memory (GNU time). Run: npm run build && npm run bench:build && node dist-bench/bench/influence-db.js
// Env: BENCH_PEOPLE (100000), BENCH_TIES (1000000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openRapport } from '../src/app/index.js';
import { loadNetwork } from '../src/app/influence/network.js';
import { newPersonFields } from '../src/domain/person.js';
import { insertPeople } from '../src/store/index.js';
import { syntheticOrg } from './influence-org.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TIES = Number(process.env.BENCH_TIES ?? 1_000_000);
const NOW = '2026-11-23T10:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'rapport-influence-db-'));
// BENCH_DB keeps the database (built once) for profiling; by default it is temporary.
const db = process.env.BENCH_DB || join(dir, 'org.db');
const KINDS = ['advice', 'influence', 'trust'];

try {
  console.log(
    `Influence from the database — ${NOW.slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`,
  );
  const org = syntheticOrg(PEOPLE, TIES, 1);
  const r = await openRapport({ db, now: () => new Date(NOW) });
  const ids = await r.store.transaction((s) =>
    insertPeople(
      s,
      r.ws,
      Array.from({ length: PEOPLE }, (_, i) => ({
        fields: newPersonFields({ name: `Person ${i}`, level: org.level[i]!, department: `Dept ${i % 40}` }),
        managerId: null,
      })),
      NOW,
    ),
  );
  // Managers through SQL on a second handle (the store keeps its own to itself): the reporting
  // tree is part of the network too.
  const sqlite = new BetterSqlite3(db, { timeout: 15_000 });
  const setManager = sqlite.prepare('update people set manager_id = ? where id = ?');
  const insertTie = sqlite.prepare(
    'insert or ignore into ties (workspace_id, from_person_id, to_person_id, kind, weight, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let i = 1; i < PEOPLE; i++) setManager.run(ids[org.manager[i]!], ids[i]);
    // The generator's reporting ties are replaced by the manager column; the rest are declared.
    for (let e = PEOPLE - 1; e < TIES; e++) {
      insertTie.run(r.ws, ids[org.from[e]!], ids[org.to[e]!], KINDS[e % 3], org.weight[e], NOW);
    }
  })();
  const declared = (sqlite.prepare('select count(*) as n from ties').get() as { n: number }).n;
  sqlite.close();

  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const net = await loadNetwork(r, ['declared', 'reporting']);
    loads.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (i === 0) console.log(`network: ${net.people.length} people, ${net.graph.targets.length} merged ties`);
  }
  await r.close();

  const cli = (label: string) => {
    const out = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%e %M',
        process.execPath,
        new URL('../../bin/rapport.cjs', import.meta.url).pathname,
        '--db',
        db,
        'influence',
        '--top',
        '10',
        '--json',
      ],
      { encoding: 'utf8', env: { ...process.env, RAPPORT_NOW: NOW }, maxBuffer: 256 * 1024 * 1024 },
    );
    if (out.status !== 0) throw new Error(`${label} failed: ${out.stderr}`);
    const [seconds, kb] = out.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    const cached = (JSON.parse(out.stdout) as { cached: boolean }).cached;
    return [
      label,
      `${(seconds * 1000).toFixed(0)} ms`,
      `peak RSS ${(kb / 1024).toFixed(0)} MB, cached: ${cached}`,
    ];
  };
  const rows = [
    [
      `load network from SQLite into CSR (${declared.toLocaleString('en')} declared ties + reporting lines)`,
      `${Math.min(...loads).toFixed(0)} ms`,
      `best of 3: ${loads.map((x) => x.toFixed(0)).join(', ')} ms`,
    ],
    cli('`rapport influence` — first run (computes, caches)'),
    cli('`rapport influence` — second run, no changes'),
  ];
  console.log('| measure | time | note |\n|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
