import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface Hop {
  from: { name: string };
  to: { name: string };
  kind: string;
  direction: string;
  step: string;
  escalation: boolean;
  why: { code: string; text: string }[];
}
interface Path {
  people: { name: string }[];
  hops: Hop[];
}

// Arrows mean one thing everywhere (issue 9 §5): `tie A B` is "A goes to B for advice", and a
// path's hop A → B says what A does towards B, in those words.
describe('path speaks in the direction of its arrows', () => {
  const db = join(tempDir(), 'path.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args]);
  beforeAll(async () => {
    for (const args of [
      ['person', 'add', 'Mark Stone'],
      ['person', 'add', 'Greta Holm'],
      ['person', 'add', 'Priya Nair', '--manager', 'Mark Stone'],
      ['person', 'add', 'Sam Ortiz'],
      ['person', 'add', 'Olga Zhang', '--manager', 'Greta Holm'],
      ['person', 'add', 'Alex Kim'],
      ['me', 'Alex Kim'],
      ['tie', 'Priya Nair', 'Greta Holm', '--kind', 'advice', '--weight', '4'],
      ['log', 'Priya Nair', 'Sam Ortiz', '--kind', 'meeting'],
    ]) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  it('a hop along a tie reads as the tie does, with the same arrow', async () => {
    const [p] = await rapportJson<Path[]>(['--db', db, 'path', 'Priya Nair', 'Greta Holm']);
    expect(p!.hops[0]).toMatchObject({ kind: 'advice', direction: 'forward' });
    expect(p!.hops[0]!.why[0]!.text).toMatch(/^Priya Nair goes to Greta Holm for advice/);
    const text = (await run('path', 'Priya Nair', 'Greta Holm')).stdout;
    expect(text).toMatch(/Priya Nair → Greta Holm: Priya Nair goes to Greta Holm for advice/);
  });

  it('a hop against a tie keeps its walker as the subject, never a reversed sentence', async () => {
    const [p] = await rapportJson<Path[]>(['--db', db, 'path', 'Greta Holm', 'Priya Nair']);
    expect(p!.hops[0]).toMatchObject({ kind: 'advice', direction: 'backward' });
    const text = (await run('path', 'Greta Holm', 'Priya Nair')).stdout;
    expect(text).toMatch(/Greta Holm → Priya Nair: Greta Holm advises Priya Nair/);
    expect(text).not.toMatch(/Greta Holm → Priya Nair: Priya Nair goes to/);
  });

  it('reporting lines and meetings read "reports to", "manages" and "meets"', async () => {
    const [up] = await rapportJson<Path[]>(['--db', db, 'path', 'Priya Nair', 'Mark Stone']);
    expect(up!.hops[0]).toMatchObject({ kind: 'reporting', direction: 'forward' });
    expect(up!.hops[0]!.why[0]!.text).toBe('Priya Nair reports to Mark Stone');
    const [down] = await rapportJson<Path[]>(['--db', db, 'path', 'Mark Stone', 'Priya Nair']);
    expect(down!.hops[0]).toMatchObject({ kind: 'reporting', direction: 'backward' });
    expect(down!.hops[0]!.why[0]!.text).toBe('Mark Stone manages Priya Nair');
    const [met] = await rapportJson<Path[]>(['--db', db, 'path', 'Sam Ortiz', 'Priya Nair']);
    expect(met!.hops[0]).toMatchObject({ kind: 'meetings', direction: 'both' });
    expect(met!.hops[0]!.why[0]!.text).toMatch(/^Sam Ortiz meets Priya Nair/);
  });

  it('marks a hop over someone’s head as escalation, in text and JSON', async () => {
    const [p] = await rapportJson<Path[]>(['--db', db, 'path', 'Priya Nair', 'Olga Zhang']);
    expect(p!.hops.map((h) => [h.step, h.escalation])).toEqual([
      ['lateral', true],
      ['down', false],
    ]);
    const text = (await run('path', 'Priya Nair', 'Olga Zhang')).stdout;
    expect(text).toMatch(/Priya Nair → Greta Holm: .*\[escalation: over Olga Zhang's head\]/);
  });
});

describe('coalition passes no detractor (issue 9 §5)', () => {
  it('says when no acceptable path exists and whom to meet first', async () => {
    const db = join(tempDir(), 'coalition.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    for (const args of [
      ['person', 'add', 'Alex Kim'],
      ['person', 'add', 'Olga Zhang'],
      ['person', 'add', 'Elena Weber'],
      ['person', 'add', 'Dana Cole'],
      ['me', 'Alex Kim'],
      ['initiative', 'add', 'EU data residency'],
      ['assess', 'Olga Zhang', '--initiative', 'EU data residency', '--influence', '80', '--stance', '-60'],
      ['assess', 'Dana Cole', '--initiative', 'EU data residency', '--influence', '30', '--stance', '-50'],
      ['assess', 'Elena Weber', '--initiative', 'EU data residency', '--influence', '80', '--stance', '60'],
      ['tie', 'Elena Weber', 'Dana Cole', '--weight', '5'],
      ['tie', 'Dana Cole', 'Olga Zhang', '--weight', '5'],
    ]) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const out = await run('coalition', '--initiative', 'EU data residency');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/No champion or ally reaches Olga Zhang without passing a detractor/);
    expect(out.stdout).toMatch(/meet Elena Weber first/);
    expect(out.stdout).not.toMatch(/Elena Weber → Dana Cole/);
  });
});
