import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

// Issue 9 §6: enum flags are case-insensitive, numbers have one rule, and a missing required
// option is a usage error (exit 2) everywhere.
const env = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };

describe('flags read the same way everywhere', () => {
  const db = join(tempDir(), 'flags.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], env);

  beforeAll(async () => {
    for (const args of [
      ['person', 'add', 'Dana Lee', '--tier', 'Partner', '--category', 'Other-Team'],
      ['initiative', 'add', 'Q3 launch'],
    ]) {
      const r = await run(...args);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('enum flags are case-insensitive', async () => {
    const dana = await rapportJson<{ tier: string; category: string }>(
      ['--db', db, 'person', 'show', 'Dana Lee'],
      env,
    );
    expect(dana).toMatchObject({ tier: 'partner', category: 'other-team' });
    const logged = await rapportJson<{ kind: string }>(
      ['--db', db, 'log', 'Dana Lee', '--kind', 'Help-Given'],
      env,
    );
    expect(logged.kind).toBe('help-given');
  });

  it('exponent notation is not a number', async () => {
    const r = await run('log', 'Dana Lee', '--capital', '1e1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/capital/);
    expect(r.stderr).toContain('1e1');
  });

  it('a missing required option exits 2', async () => {
    const map = await run('map');
    expect(map.code, map.stderr).toBe(2);
    expect(map.stderr).toMatch(/--initiative/);
    const plan = await run('plan', 'Dana Lee', '--step', 'coffee', '--due', '2026-12-01');
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stderr).toMatch(/--strategy/);
  });
});
