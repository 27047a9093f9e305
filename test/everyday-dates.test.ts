import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

// Issue 9 §1: every date flag reads the same forms, relative to the command's clock, and refuses
// anything else listing them. NOW is Monday 2026-11-23.
const env = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };
const ACCEPTED = /YYYY-MM-DD.*today, yesterday, "N days ago", -Nd.*"last monday"/;

describe('dates typed on the command line', () => {
  const db = join(tempDir(), 'dates.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], env);
  /** The command exits 1 with the accepted forms listed and no stack trace. */
  const refused = async (...args: string[]): Promise<string> => {
    const r = await run(...args);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.stderr).toMatch(ACCEPTED);
    expect(r.stderr).not.toMatch(/ at .*\.js|unexpected/i);
    return r.stderr;
  };
  const ledgerDays = async (): Promise<string[]> =>
    (
      await rapportJson<{ entries: { occurredAt: string }[] }>(['--db', db, 'ledger', 'Dana Lee'], env)
    ).entries.map((e) => e.occurredAt.slice(0, 10));

  beforeAll(async () => {
    for (const args of [
      ['person', 'add', 'Dana Lee'],
      ['initiative', 'add', 'Q3 launch'],
    ]) {
      const r = await run(...args);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('log --date reads relative forms as days before today', async () => {
    for (const date of ['3 days ago', '-2d', 'yesterday', 'last monday', '2026-10-01']) {
      const r = await run('log', 'Dana Lee', '--date', date);
      expect(r.code, `${date}: ${r.stderr}`).toBe(0);
    }
    expect((await ledgerDays()).sort()).toEqual([
      '2026-10-01',
      '2026-11-16',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('log --date refuses loose text, listing the accepted forms, and writes nothing', async () => {
    const before = await ledgerDays();
    for (const date of ['0', '1', '-1', '03/12/2026', '05.11.2026', 'tomorrow']) {
      expect(await refused('log', 'Dana Lee', '--date', date)).toContain(`"${date}" is not a date`);
    }
    expect(await ledgerDays()).toEqual(before);
  });

  it('assess --date takes the same forms', async () => {
    const assess = ['assess', 'Dana Lee', '--initiative', 'Q3 launch', '--influence', '60', '--stance', '20'];
    const r = await run(...assess, '--date', 'last friday');
    expect(r.code, r.stderr).toBe(0);
    await refused(...assess, '--date', '5');
    const shown = await rapportJson<{ assessments: { assessedAt: string }[] }>(
      ['--db', db, 'person', 'show', 'Dana Lee'],
      env,
    );
    expect(shown.assessments.map((a) => a.assessedAt.slice(0, 10))).toEqual(['2026-11-20']);
  });

  it('map --at reads relative days, refuses loose text and refuses the future', async () => {
    const ok = await rapportJson<{ at: string }>(
      ['--db', db, 'map', '--initiative', 'Q3 launch', '--at', 'yesterday'],
      env,
    );
    expect(ok.at.slice(0, 10)).toBe('2026-11-22');
    await refused('map', '--initiative', 'Q3 launch', '--at', '5');
    const future = await run('map', '--initiative', 'Q3 launch', '--at', '2099-01-01');
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/2099-01-01 is in the future \(today is 2026-11-23\)/);
  });

  it('plan --due and import --since/--until use the same parser', async () => {
    await refused('plan', 'Dana Lee', '--strategy', 'connect', '--step', 'coffee', '--due', '03/12/2026');
    await refused('import', join(tempDir(), 'none.ics'), '--since', '0');
    await refused('import', join(tempDir(), 'none.ics'), '--until', '1');
  });
});
