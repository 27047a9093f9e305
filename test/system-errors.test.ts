import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, rapport, tempDir } from './cli.js';

const NOBODY = 65534;

/** Runs the binary through a shell, for limits (ulimit) and another user (uid). */
function rapportIn(
  shell: string,
  args: string[],
  opts: { uid?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', `${shell}; exec ${quoted}`],
      { env: { ...process.env, RAPPORT_DB: '' }, uid: opts.uid, gid: opts.uid },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const people = (db: string): number => {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('select count(*) as n from people').get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

const mode = (path: string): number => statSync(path).mode & 0o777;

function orgChart(rows: number): string {
  const lines = ['Employee ID,Name,Title,Work Email,Manager ID'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `${i},Person ${i},${'Principal Engineer '.repeat(10)},p${i}@full.example,${i === 1 ? '' : Math.ceil((i - 1) / 8)}`,
    );
  return `${lines.join('\n')}\n`;
}

describe('system errors get their own one-line message, and nothing is half-written', () => {
  it('a full disk while importing says the disk is full and leaves the database as it was', async () => {
    const dir = tempDir();
    // A real full disk where the machine lets us mount a small tmpfs; else a file-size limit,
    // whose failed writes SQLite reports the same way a quota's are.
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    const mounted = await rapportIn(`mount -t tmpfs -o size=3m tmpfs '${disk}' && exit 0 || exit 1`, []);
    const db = join(mounted.code === 0 ? disk : dir, 'rapport.db');
    try {
      expect((await rapport(['--db', db, 'start'])).code).toBe(0);
      const before = people(db);
      const file = join(dir, 'org.csv');
      writeFileSync(file, orgChart(40_000));
      // The signal a file-size limit raises is ignored so the write fails instead of killing node.
      const limit =
        mounted.code === 0 ? 'true' : `trap '' XFSZ; ulimit -f ${Math.ceil(statSync(db).size / 512) + 64}`;
      const r = await rapportIn(limit, ['--db', db, 'import', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/disk .*full/i);
      expect(r.stderr).not.toMatch(/bug|rollback|stack|at .*\.js/i);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(people(db)).toBe(before);
    } finally {
      if (mounted.code === 0) await rapportIn(`umount '${disk}'; exit 0`, []);
    }
  });

  it('a database the user cannot write is reported as read-only, for writes and reads', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    expect((await rapport(['--db', db, 'start'])).code).toBe(0);
    const before = people(db);
    let uid: number | undefined;
    if (process.getuid?.() === 0) {
      // root writes anything: run as nobody, who may read the folder and the file but not write.
      uid = NOBODY;
      chmodSync(dir, 0o755);
      for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    } else {
      chmodSync(db, 0o444);
      chmodSync(dir, 0o555);
    }
    try {
      const write = await rapportIn('true', ['--db', db, 'person', 'add', 'Zed Quist'], { uid });
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/read-only/);
      expect(write.stderr).toContain(db);
      expect(write.stderr).not.toMatch(/bug|stack/i);
      const read = await rapportIn('true', ['--db', db, 'people'], { uid });
      if (read.code !== 0) expect(read.stderr).toMatch(/read-only/);
    } finally {
      chmodSync(dir, 0o700);
      if (existsSync(db)) chmodSync(db, 0o600);
    }
    expect(people(db)).toBe(before);
  });

  it('an output file in a missing folder or onto a folder is refused by name, nothing written', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    expect((await rapport(['--db', db, 'start'])).code).toBe(0);
    const missing = await rapport(['--db', db, 'export', '--output', join(dir, 'nope', 'backup.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/folder .*nope.* does not exist/);
    expect(missing.stderr).not.toMatch(/bug|ENOENT/);
    const ontoFolder = await rapport(['--db', db, 'export', '--format', 'csv', '--output', dir]);
    expect(ontoFolder.code).toBe(1);
    expect(ontoFolder.stderr).toMatch(/is a folder/);
    expect(ontoFolder.stderr).not.toMatch(/bug|EISDIR/);
    const reminders = await rapport(['--db', db, 'reminders', '--output', join(dir, 'nope', 'r.ics')]);
    expect(reminders.code).toBe(1);
    expect(reminders.stderr).toMatch(/does not exist/);
    expect(readdirSync(dir).filter((f) => !f.startsWith('rapport.db'))).toEqual([]);
  });
});

describe('private data is not readable by other users of the machine', () => {
  it('creates the database, its journal files and exports as 0600', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    const r = await rapport(['--db', db, 'start']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(mode(db)).toBe(0o600);
    for (const f of readdirSync(dir).filter((f) => f.startsWith('rapport.db-')))
      expect(mode(join(dir, f))).toBe(0o600);
    const out = join(dir, 'backup.json');
    expect((await rapport(['--db', db, 'export', '--output', out])).code).toBe(0);
    expect(mode(out)).toBe(0o600);
    const ics = join(dir, 'r.ics');
    expect((await rapport(['--db', db, 'reminders', '--output', ics])).code).toBe(0);
    expect(mode(ics)).toBe(0o600);
    const net = join(dir, 'net');
    mkdirSync(net);
    expect((await rapport(['--db', db, 'network', 'export', '--format', 'csv', '--out', net])).code).toBe(0);
    for (const f of readdirSync(net)) expect(mode(join(net, f))).toBe(0o600);
  });

  it("leaves an existing file's mode alone but warns once per command when others can read it", async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    expect((await rapport(['--db', db, 'start'])).code).toBe(0);
    chmodSync(db, 0o644);
    const r = await rapport(['--db', db, 'people', '--json']);
    expect(r.code).toBe(0);
    JSON.parse(r.stdout);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/readable by other users.*chmod 600/);
    expect(mode(db)).toBe(0o644);
    chmodSync(db, 0o600);
    expect((await rapport(['--db', db, 'people', '--json'])).stderr).toBe('');
    if (process.getuid?.() === 0) chownSync(db, 0, 0);
  });
});

describe('a read command never creates a database', () => {
  it('focus in an empty folder says there is no database and how to start one', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    for (const args of [['focus'], ['people', '--json'], ['settings'], ['map', '--initiative', 'X']]) {
      const r = await rapport(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/No Rapport database at .*rapport\.db/);
      expect(r.stderr).toMatch(/rapport start/);
      expect(r.stderr).toMatch(/rapport init/);
      expect(existsSync(db)).toBe(false);
    }
  });

  it('an empty workspace says there are no people yet, not that nothing is pressing', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    const init = await rapport(['--db', db, 'init']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/empty/);
    const focus = await rapport(['--db', db, 'focus']);
    expect(focus.code).toBe(0);
    expect(focus.stdout).toMatch(/no people yet/i);
    expect(focus.stdout).not.toMatch(/Nothing pressing/);
  });
});

describe('a first start from several processes at once', () => {
  it('seeds the sample organisation exactly once; every process prints the summary', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    const runs = await Promise.all([1, 2, 3, 4].map(() => rapport(['--db', db, 'start', '--json'])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const summaries = runs.map((r) => JSON.parse(r.stdout) as { createdDemo: unknown; people: number });
    expect(summaries.filter((s) => s.createdDemo !== null)).toHaveLength(1);
    const seeded = people(db);
    expect(seeded).toBeGreaterThan(100);
    for (const s of summaries) expect(s.people).toBe(seeded);
  });
});
