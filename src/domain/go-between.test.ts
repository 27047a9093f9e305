import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GoBetweenCandidate, rankGoBetweens } from './go-between.js';

const person = (id: number, name: string, over: Partial<GoBetweenCandidate>): GoBetweenCandidate => ({
  id,
  name,
  balance: 2,
  influence: 50,
  stance: 30,
  ties: [{ tie: 'shared interaction', weight: 1 }],
  relation: 'other',
  ...over,
});
const rules = { detractorAt: 20, escalate: false };

describe('rankGoBetweens', () => {
  it('ranks by tie strength × my balance × their influence, and says so', () => {
    const ranked = rankGoBetweens(
      [
        person(1, 'Ann', { balance: 6, ties: [{ tie: 'same team', weight: 1 }] }),
        person(2, 'Ben', { balance: 2, influence: 90, ties: [{ tie: 'advises them', weight: 5 }] }),
        person(3, 'Cid', { balance: 3, influence: null, ties: [{ tie: 'trusted by them', weight: 3 }] }),
      ],
      rules,
    );
    expect(ranked.map((g) => [g.name, g.strength, g.score])).toEqual([
      ['Ben', 1, 1.8],
      ['Cid', 0.6, 0.9],
      ['Ann', 0.2, 0.6],
    ]);
  });

  it('never names a detractor, someone I have no credit with, or someone with no tie', () => {
    const ranked = rankGoBetweens(
      [
        person(1, 'Dee', { stance: -20, balance: 9 }),
        person(2, 'Eve', { balance: 0 }),
        person(3, 'Fay', { ties: [] }),
        person(4, 'Gus', { stance: -19 }),
      ],
      rules,
    );
    expect(ranked.map((g) => g.name)).toEqual(['Gus']);
  });

  it("never sends a report to lobby their own boss, and goes over the target's head only on request", () => {
    const people = [
      person(1, 'Ivy', { relation: 'below', balance: 9 }),
      person(2, 'Hal', { relation: 'above', ties: [{ tie: 'their manager', weight: 3 }] }),
    ];
    expect(rankGoBetweens(people, rules)).toEqual([]);
    const escalated = rankGoBetweens(people, { ...rules, escalate: true });
    expect(escalated.map((g) => [g.name, g.escalation])).toEqual([['Hal', true]]);
  });

  it('is an order of the eligible: scores never rise down the list and nobody appears twice', () => {
    const candidate = fc.record({
      balance: fc.double({ min: -5, max: 10, noNaN: true }),
      influence: fc.option(fc.integer({ min: 0, max: 100 })),
      stance: fc.option(fc.integer({ min: -100, max: 100 })),
      weight: fc.double({ min: 0, max: 5, noNaN: true }),
      relation: fc.constantFrom('below', 'above', 'other'),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), fc.boolean(), (cs, escalate) => {
        const ranked = rankGoBetweens(
          cs.map((c, i) =>
            person(i + 1, `P${i}`, {
              ...c,
              relation: c.relation as GoBetweenCandidate['relation'],
              ties: [{ tie: 'advises them', weight: c.weight }],
            }),
          ),
          { detractorAt: 20, escalate },
        );
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
        expect(new Set(ranked.map((g) => g.id)).size).toBe(ranked.length);
        for (const g of ranked) {
          const c = cs[g.id - 1]!;
          expect(c.balance).toBeGreaterThan(0);
          expect(c.stance === null || c.stance > -20).toBe(true);
          expect(c.relation === 'below' || (c.relation === 'above' && !escalate)).toBe(false);
        }
      }),
    );
  });
});
