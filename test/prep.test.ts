import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrepView } from '../src/contract/prep.js';
import { rapport, tempDir } from './cli.js';

const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00Z' };

/** Dana, as a PM would have recorded her over two months: two assessments, a ledger, a plan. */
async function workspace(): Promise<(...args: string[]) => ReturnType<typeof rapport>> {
  const db = join(tempDir(), 'rapport.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], NOW);
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  await ok('init');
  await ok('person', 'add', 'Pat Me');
  await ok('me', 'Pat Me');
  await ok(
    'person',
    'add',
    'Dana Lee',
    '--title',
    'VP Sales',
    '--department',
    'Sales',
    '--tier',
    'partner',
    '--interests',
    'sailing, jazz',
    '--communication',
    'a one-page memo before any meeting',
  );
  await ok('person', 'add', 'Sam Ortiz');
  await ok('initiative', 'add', 'Platform');
  await ok('initiative', 'add', 'Pricing');
  await ok(
    'assess',
    'Dana Lee',
    '--initiative',
    'Platform',
    '--influence',
    '70',
    '--stance',
    '40',
    '--date',
    '2026-09-01',
  );
  await ok(
    'assess',
    'Dana Lee',
    '--initiative',
    'Platform',
    '--influence',
    '80',
    '--stance',
    '-30',
    '--date',
    '2026-11-01',
    '--note',
    'worried about the sales quarter',
  );
  await ok(
    'assess',
    'Dana Lee',
    '--initiative',
    'Pricing',
    '--influence',
    '50',
    '--stance',
    '60',
    '--date',
    '2026-10-01',
  );
  await ok('log', 'Dana Lee', '--kind', 'coffee', '--date', '2026-10-01', '--note', 'first coffee');
  await ok('log', 'Dana Lee', '--kind', 'help-given', '--date', '2026-10-10', '--note', 'lent an analyst');
  await ok('log', 'Dana Lee', 'Sam Ortiz', '--date', '2026-10-20', '--note', 'roadmap review');
  await ok('log', 'Dana Lee', '--kind', 'call', '--date', '2026-10-28', '--note', 'call on renewals');
  await ok('log', 'Dana Lee', 'Sam Ortiz', '--date', '2026-11-05', '--note', 'steering group');
  await ok('log', 'Dana Lee', 'Sam Ortiz', '--date', '2026-11-12', '--note', 'steering group again');
  await ok(
    'plan',
    'Dana Lee',
    '--strategy',
    'connect',
    '--step',
    'Ask about her regatta',
    '--due',
    '2026-12-10',
  );
  await ok(
    'plan',
    'Dana Lee',
    '--strategy',
    'empathize',
    '--step',
    'Hear out the quarter worry',
    '--due',
    '2026-11-20',
  );
  await ok(
    'plan',
    'Dana Lee',
    '--strategy',
    'proactive',
    '--step',
    'Send the pilot numbers',
    '--due',
    '2026-11-01',
  );
  await ok('plan', 'Dana Lee', '--done', '3');
  return run;
}

describe('prep PERSON: one view before a meeting (issue 9 §7)', () => {
  it('shows where they stand and how they moved, the balance and recent ledger, the last one-to-one, plan steps due first, interests and how they like to communicate', async () => {
    const run = await workspace();
    const r = await run('prep', 'Dana Lee');
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain('Dana Lee (#2) — VP Sales, Sales');
    // The map she matters most on first, with the move and since when.
    expect(out).toMatch(
      /Platform: convert, influence 80, stance -30[\s\S]*influence \+10, stance -70 since 2026-09-01/,
    );
    expect(out.indexOf('Platform:')).toBeLessThan(out.indexOf('Pricing:'));
    expect(out).toContain('Pricing: champion, influence 50, stance +60');
    expect(out).toContain('first assessment');
    // One-to-one is the call, not the steering group meetings after it.
    expect(out).toContain('last contact: 2026-11-12; last one-to-one 2026-10-28');
    expect(out).toContain('Recent ledger (5 of 6)');
    expect(out).toContain('steering group again');
    expect(out).not.toContain('first coffee');
    // Due steps first; a done step is gone.
    expect(out.indexOf('DUE #2')).toBeGreaterThan(0);
    expect(out.indexOf('DUE #2')).toBeLessThan(out.indexOf('#1 2026-12-10'));
    expect(out).not.toContain('Send the pilot numbers');
    expect(out).toContain('interests:    sailing, jazz');
    expect(out).toContain('a one-page memo before any meeting');
    // Asking about her regatta is conversation, not a favour: no ask check.
    expect(out).not.toContain('Ask check');
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('runs the ask check when an ask is given or planned, judged on the initiative named', async () => {
    const run = await workspace();
    const asked = await run('prep', 'Dana Lee', '--ask', 'large', '--initiative', 'Platform');
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toContain('Ask check, large:');
    expect(asked.stdout).not.toContain('Pricing:');

    await run(
      'plan',
      'Dana Lee',
      '--strategy',
      'proactive',
      '--step',
      'Ask for two sales engineers',
      '--due',
      '2026-11-25',
    );
    const json = JSON.parse((await run('prep', 'Dana Lee', '--json')).stdout) as PrepView;
    expect(json.person).toMatchObject({ id: 2, name: 'Dana Lee' });
    expect(json.places.map((p) => p.initiative.name)).toEqual(['Platform', 'Pricing']);
    expect(json.places[0]!.trend).toEqual({ influence: 10, stance: -30 - 40, since: '2026-09-01' });
    expect(json.steps.map((s) => [s.id, s.dueNow])).toEqual([
      [2, true],
      [4, false],
      [1, false],
    ]);
    expect(json.ask?.from).toEqual({ kind: 'plan-step', stepId: 4 });
    expect(json.ask?.size).toBe('medium');
    expect(json.ask?.stance).toBe(-30);
    const text = await run('prep', 'Dana Lee');
    expect(text.stdout).toContain('Ask check, medium (planned in step #4)');
  });

  it('an unknown person or a bad ask size is refused with a clear message and no stack trace', async () => {
    const run = await workspace();
    const nobody = await run('prep', 'Nobody Here');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Nobody Here');
    const size = await run('prep', 'Dana Lee', '--ask', 'huge');
    expect(size.code).not.toBe(0);
    expect(size.stderr).toContain('--ask must be one of small, medium, large');
    expect(`${nobody.stderr}${size.stderr}`).not.toMatch(/at .*\.c?js/);
  });
});
