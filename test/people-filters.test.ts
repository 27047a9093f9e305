import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface Listed {
  id: number;
  name: string;
  tier: string;
  category: string;
  department: string | null;
  level: number | null;
}
interface View {
  partners: Record<'up' | 'down' | 'across' | 'outside', { person: { id: number; name: string } }[]>;
}

describe('rapport people: filters and the department and level columns (issue 9 §3)', () => {
  const db = join(tempDir(), 'demo.db');
  let everyone: Listed[];
  beforeAll(async () => {
    expect((await rapport(['--db', db, 'demo'])).code).toBe(0);
    everyone = await rapportJson<Listed[]>(['--db', db, 'people']);
  });

  it('filters by tier, category and department (any case), together', async () => {
    const partners = await rapportJson<Listed[]>(['--db', db, 'people', '--tier', 'Partner']);
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.map((p) => p.id)).toEqual(everyone.filter((p) => p.tier === 'partner').map((p) => p.id));
    const clients = await rapportJson<Listed[]>(['--db', db, 'people', '--category', 'client']);
    expect(clients.map((p) => p.id)).toEqual(
      everyone.filter((p) => p.category === 'client').map((p) => p.id),
    );
    const dept = everyone.find((p) => p.department)!.department!;
    const inDept = await rapportJson<Listed[]>(['--db', db, 'people', '--department', dept.toUpperCase()]);
    expect(inDept.length).toBeGreaterThan(0);
    expect(inDept.every((p) => p.department === dept)).toBe(true);
    const both = await rapportJson<Listed[]>(['--db', db, 'people', '--department', dept, '--tier', 'none']);
    expect(both.map((p) => p.id)).toEqual(
      everyone.filter((p) => p.department === dept && p.tier === 'none').map((p) => p.id),
    );
  });

  it('--direction places people as onboard does (left and right are the peers)', async () => {
    // onboard lists tiered people only; the people list shows everyone in that direction.
    const onboard = await rapportJson<View>(['--db', db, 'onboard']);
    for (const [word, d] of [
      ['up', 'up'],
      ['left', 'across'],
      ['right', 'across'],
      ['down', 'down'],
      ['outside', 'outside'],
    ] as const) {
      const listed = await rapportJson<Listed[]>(['--db', db, 'people', '--direction', word]);
      const ids = new Set(listed.map((p) => p.id));
      expect(listed.length, word).toBeGreaterThan(0);
      for (const { person: p } of onboard.partners[d]) expect(ids.has(p.id), `${p.name} ${word}`).toBe(true);
      const tiered = listed
        .filter((p) => p.tier !== 'none')
        .map((p) => p.id)
        .sort();
      expect(tiered, word).toEqual(onboard.partners[d].map((p) => p.person.id).sort());
    }
  });

  it('shows department and level within 100 columns; a bad filter is refused with exit 2 or 1', async () => {
    const out = await rapport(['--db', db, 'people', '--limit', '200']);
    expect(out.code).toBe(0);
    const [header] = out.stdout.split('\n');
    expect(header).toMatch(/department/);
    expect(header).toMatch(/level/);
    for (const line of out.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    const sideways = await rapport(['--db', db, 'people', '--direction', 'sideways']);
    expect(sideways.code).toBe(2);
    expect(sideways.stderr).toMatch(/--direction must be one of up, down, left, right/);
    const bad = await rapport(['--db', db, 'people', '--tier', 'bestie']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--tier must be one of partner, friend, acquaintance, none/);
    expect(bad.stderr).not.toMatch(/at .*\.js/);
  });
});
