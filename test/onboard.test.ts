import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface View {
  me: { name: string };
  partners: Record<'up' | 'down' | 'across' | 'outside', { person: { name: string } }[]>;
  suggestions: { person: { name: string }; reason: { params: { direction: string }; text: string } }[];
}

describe('rapport onboard (issue 9 §3)', () => {
  it('names my relationships up, across, down and outside, my chain first, and whom to meet', async () => {
    const db = join(tempDir(), 'demo.db');
    expect((await rapport(['--db', db, 'demo'])).code).toBe(0);
    const view = await rapportJson<View>(['--db', db, 'onboard']);
    expect(view.me.name).toBe('Alex Kim');
    // Alex's manager and the CEO above them lead the "up" list.
    const me = await rapportJson<{ manager: { id: number } }>(['--db', db, 'person', 'show', 'me']);
    const manager = await rapportJson<{ name: string }>([
      '--db',
      db,
      'person',
      'show',
      String(me.manager.id),
    ]);
    expect(view.partners.up[0]!.person.name).toBe(manager.name);
    for (const d of ['up', 'across', 'down', 'outside'] as const)
      expect(view.partners[d].length).toBeGreaterThan(0);
    expect(view.suggestions.length).toBeGreaterThan(0);
    const left = await rapportJson<View>(['--db', db, 'onboard', '--direction', 'left']);
    expect(left.partners.up).toEqual([]);
    expect(left.partners.across).toEqual(view.partners.across);
    for (const s of left.suggestions) expect(s.reason.params.direction).toBe('across');
    const text = await rapport(['--db', db, 'onboard']);
    for (const line of text.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect((await rapport(['--db', db, 'onboard', '--direction', 'sideways'])).code).toBe(2);
  });
});
