import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, pgAvailable } from '../src/store/test-support/dialects.js';
import { rapport, rapportJson, tempDir } from './cli.js';

const NOW = '2026-11-23T10:00:00.000Z';
const env = { RAPPORT_NOW: NOW };
const SIZE = 2000;
const DAY = 86_400_000;

interface Backup {
  people: {
    key: string;
    name: string;
    title: string | null;
    department: string | null;
    level: number | null;
    manager: string | null;
    company: string | null;
    emails: string[];
  }[];
  ties: { from: string; to: string; type: string; weight: number }[];
  interactions: { occurredAt: string; kind: string; people: string[] }[];
}

const databases = [
  {
    name: 'sqlite',
    available: true,
    create: async () => {
      const dir = tempDir();
      return { location: join(dir, 'company.db'), drop: async () => {} };
    },
  },
  { name: 'postgres', available: pgAvailable, create: () => createPostgresDatabase() },
];

for (const d of databases) {
  (d.available ? describe : describe.skip)(`rapport demo --size ${SIZE} [${d.name}]`, () => {
    let db: { location: string; drop(): Promise<void> };
    let backup: Backup;
    let summary: { people: number; ties: number; interactions: number; me: { id: number; name: string } };

    beforeAll(async () => {
      db = await d.create();
      summary = await rapportJson(['--db', db.location, 'demo', '--size', String(SIZE)], env);
      const out = await rapport(['--db', db.location, 'export'], env);
      expect(out.code).toBe(0);
      backup = JSON.parse(out.stdout) as Backup;
    }, 120_000);
    afterAll(async () => db?.drop());

    it('builds a company of that many people with one CEO, and every other employee has a manager up to the CEO', () => {
      expect(summary.people).toBe(SIZE);
      expect(backup.people).toHaveLength(SIZE);
      const staff = backup.people.filter((p) => p.company === 'Northwind');
      const tops = staff.filter((p) => p.manager === null);
      expect(tops.map((p) => [p.title, p.level])).toEqual([['Chief Executive Officer', 1]]);
      // Every chain of managers ends at the CEO, and a report is one level below their manager.
      const byId = new Map(staff.map((p) => [p.key, p]));
      for (const p of staff) {
        let q = p;
        for (let steps = 0; q.manager !== null; steps++) {
          const m = byId.get(q.manager)!;
          expect(m.level).toBeLessThan(q.level!);
          q = m;
          expect(steps).toBeLessThan(20);
        }
        expect(q.key).toBe(tops[0]!.key);
      }
      expect(new Set(backup.people.map((p) => p.name)).size).toBe(SIZE);
      expect(new Set(backup.people.flatMap((p) => p.emails)).size).toBe(SIZE);
    });

    it('has departments of believable sizes and titles from VP-level down to individual contributors', () => {
      const sizes = new Map<string, number>();
      for (const p of backup.people)
        if (p.department) sizes.set(p.department, (sizes.get(p.department) ?? 0) + 1);
      expect(sizes.size).toBe(9); // eight departments and the executive team
      expect(Math.max(...sizes.values())).toBe(sizes.get('Engineering'));
      for (const [name, n] of sizes) if (name !== 'Executive') expect(n).toBeGreaterThan(SIZE * 0.02);
      const titles = new Set(backup.people.map((p) => p.title));
      for (const t of [
        'Chief Executive Officer',
        'VP Engineering',
        'Software Engineer',
        'Engineering Manager',
      ])
        expect(titles).toContain(t);
      expect(titles.size).toBeGreaterThan(40);
      const me = backup.people.find((p) => p.name === summary.me.name)!;
      expect(me.title).toBe('Senior Product Manager');
      expect(backup.people.some((p) => p.manager === me.key)).toBe(true);
    });

    it('declares about nine ties a person, a few people sought out by many', () => {
      expect(backup.ties).toHaveLength(summary.ties);
      expect(backup.ties.length / SIZE).toBeGreaterThan(6);
      expect(backup.ties.length / SIZE).toBeLessThan(12);
      const sought = new Map<string, number>();
      for (const t of backup.ties) sought.set(t.to, (sought.get(t.to) ?? 0) + 1);
      expect(Math.max(...sought.values())).toBeGreaterThan(50);
      expect(new Set(backup.ties.map((t) => t.type))).toEqual(new Set(['advice', 'trust', 'influence']));
    });

    it('logs my meetings and interactions over the six months before now, every month', () => {
      const now = Date.parse(NOW);
      const ages = backup.interactions.map((i) => (now - Date.parse(i.occurredAt)) / DAY);
      expect(ages.every((a) => a >= 0 && a <= 183)).toBe(true);
      const months = new Set(ages.map((a) => Math.floor(a / 30.5)));
      expect([...months].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      const meetings = backup.interactions.filter((i) => i.kind === 'meeting' && i.people.length >= 2);
      expect(meetings.length).toBeGreaterThan(50);
    });

    it('runs influence on it: ranks everyone and finds hidden influencers', async () => {
      const rep = await rapportJson<{
        people: number;
        top: unknown[];
        hiddenCount: number;
        communities: unknown[];
      }>(['--db', db.location, 'influence'], env);
      expect(rep.people).toBe(SIZE);
      expect(rep.top).toHaveLength(10);
      expect(rep.hiddenCount).toBeGreaterThan(0);
      expect(rep.communities.length).toBeGreaterThan(1);
    });

    it('refuses to fill a workspace that already holds people', async () => {
      const again = await rapport(['--db', db.location, 'demo', '--size', '100'], env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/already holds 2000 people/);
    });
  });
}

describe('rapport demo --size with a bad size', () => {
  it.each([
    ['0', /--size must be from 50 to 200000; got 0/],
    ['-3', /--size must be from 50 to 200000; got -3/],
    ['lots', /--size must be a whole number from 50 to 200000; got "lots"/],
    ['2.5', /--size must be a whole number from 50 to 200000; got 2.5/],
    ['5000000', /--size must be from 50 to 200000; got 5000000/],
  ])('refuses %s with a clear error and creates no database', async (size, message) => {
    const db = join(tempDir(), 'none.db');
    const r = await rapport(['--db', db, 'demo', '--size', size], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });

  it('keeps the sample demo when no size is given', async () => {
    const s = await rapportJson<{ people: number; ties?: number }>(
      ['--db', join(tempDir(), 'd.db'), 'demo'],
      env,
    );
    expect(s.people).toBeLessThan(200);
    expect(s).not.toHaveProperty('ties');
  });
});
