import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, rapport, tempDir } from './cli.js';

const ROWS = 60_000;
const KILLS = 12;

function orgChart(rows: number): string {
  const lines = ['Employee ID,Name,Title,Work Email,Manager ID'];
  for (let i = 1; i <= rows; i++)
    lines.push(`${i},Person ${i},Engineer,p${i}@crash.example,${i === 1 ? '' : Math.ceil((i - 1) / 8)}`);
  return `${lines.join('\n')}\n`;
}

/** Starts an import and SIGKILLs it after `ms`; resolves with how it ended. */
function importAndKill(
  db: string,
  file: string,
  ms: number,
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', file], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

function inspect(db: string): { integrity: string; people: number; emails: number } {
  const conn = new Database(db);
  try {
    const integrity = (conn.pragma('integrity_check', { simple: true }) as string) ?? '';
    const people = (conn.prepare('select count(*) as n from people').get() as { n: number }).n;
    const emails = (conn.prepare('select count(*) as n from person_emails').get() as { n: number }).n;
    return { integrity, people, emails };
  } finally {
    conn.close();
  }
}

describe('crash safety: rapport import killed with SIGKILL at random moments', () => {
  it(`leaves a sound database holding all ${ROWS} rows or none, ${KILLS} times`, async () => {
    const dir = tempDir();
    const file = join(dir, 'org.csv');
    writeFileSync(file, orgChart(ROWS));
    const template = join(dir, 'template.db');
    // A migrated, empty database to start each attempt from.
    expect((await rapport(['--db', template, 'init'])).code).toBe(0);
    // The reference length is the quicker of two whole runs: a run slowed by a busy machine
    // would spread the kills past the end of the quicker ones that follow.
    let duration = Number.POSITIVE_INFINITY;
    for (const name of ['full-1.db', 'full-2.db']) {
      const start = Date.now();
      const full = join(dir, name);
      copyFileSync(template, full);
      const complete = await rapport(['--db', full, 'import', file, '--json']);
      expect(complete.code, complete.stderr).toBe(0);
      duration = Math.min(duration, Date.now() - start);
      expect(inspect(full)).toEqual({ integrity: 'ok', people: ROWS, emails: ROWS });
    }

    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `attempt-${i}.db`);
      copyFileSync(template, db);
      // Spread the kills over the run: start-up, reading, inserting, committing. The reference
      // run's length varies with the machine's load, so the latest kill stays well inside it.
      const at = Math.round(((i + Math.random()) / KILLS) * duration * 0.75);
      const ended = await importAndKill(db, file, at);
      expect(existsSync(db)).toBe(true);
      const state = inspect(db);
      expect(state.integrity).toBe('ok');
      expect([0, ROWS]).toContain(state.people);
      expect(state.emails).toBe(state.people);
      outcomes.push(`${at}ms:${ended.killed ? 'killed' : 'finished'}:${state.people === 0 ? 'none' : 'all'}`);
    }
    // The kills must really have interrupted imports, not only hit finished processes.
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(9);
  }, 600_000);
});
