import { describe, expect, it } from 'vitest';
import { demoOrganisation } from './demo/organisation.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');

describe('demo organisation', () => {
  const org = demoOrganisation(20261123, NOW);

  it('is the same for the same seed and different for another', () => {
    expect(demoOrganisation(20261123, NOW)).toEqual(org);
    expect(demoOrganisation(7, NOW).people.map((p) => p.name)).not.toEqual(org.people.map((p) => p.name));
  });

  it('looks like a company: about 150 people over 5 levels and 8 departments, with a "me"', () => {
    expect(org.people.length).toBeGreaterThanOrEqual(130);
    expect(org.people.length).toBeLessThanOrEqual(170);
    const levels = new Set(org.people.map((p) => p.level).filter((l) => l !== null));
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5]);
    const departments = new Set(org.people.map((p) => p.department).filter((d) => d && d !== 'Executive'));
    expect(departments.size).toBe(8);
    expect(org.people[org.meKey]?.name).toBe('Alex Kim');
    expect(new Set(org.people.map((p) => p.name)).size).toBe(org.people.length);
  });

  it('has three initiatives with re-assessments and six months of interactions', () => {
    expect(org.initiatives).toHaveLength(3);
    const perPerson = new Map<string, number>();
    for (const a of org.assessments)
      perPerson.set(
        `${a.initiative}:${a.personKey}`,
        (perPerson.get(`${a.initiative}:${a.personKey}`) ?? 0) + 1,
      );
    expect([...perPerson.values()].some((n) => n >= 2)).toBe(true);
    const oldest = Date.parse(org.interactions[0]!.occurredAt);
    const newest = Date.parse(org.interactions.at(-1)!.occurredAt);
    expect((NOW.getTime() - oldest) / 86_400_000).toBeGreaterThan(150);
    expect(newest).toBeLessThanOrEqual(NOW.getTime());
    expect(org.interactions.length).toBeGreaterThan(500);
  });
});
