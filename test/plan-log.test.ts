import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

describe('plan PERSON --done STEP --log (issue 9 §7)', () => {
  it('completing a step logs the interaction it was, noted with the step; --log alone is refused', async () => {
    const db = join(tempDir(), 'rapport.db');
    const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00Z' };
    const run = (...args: string[]) => rapport(['--db', db, ...args], NOW);
    expect((await run('init')).code).toBe(0);
    await run('person', 'add', 'Dana Lee');
    const plans = await rapportJson<{ steps: { id: number }[] }[]>(
      [
        '--db',
        db,
        'plan',
        'Dana Lee',
        '--strategy',
        'connect',
        '--step',
        'Coffee about sailing',
        '--due',
        '2026-11-30',
      ],
      NOW,
    );
    const step = plans[0]!.steps[0]!.id;
    const alone = await run('plan', 'Dana Lee', '--log');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--log goes with --done');
    const bad = await run('plan', 'Dana Lee', '--done', String(step), '--log', 'brunch');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('brunch');
    expect((await run('ledger', 'Dana Lee')).stdout).not.toContain('Plan step');
    expect((await run('plan', 'Dana Lee')).stdout).toContain('[ ]');
    const done = await run('plan', 'Dana Lee', '--done', String(step), '--log', 'coffee');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('[x]');
    const ledger = await run('ledger', 'Dana Lee');
    expect(ledger.stdout).toContain('coffee');
    expect(ledger.stdout).toContain('Plan step: Coffee about sailing');
  });
});
