import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPANY_SIZE } from '../../../contract/workspace.js';
import { demoCompany } from './company.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');

describe('demo company', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const a = demoCompany(5, NOW, 600);
    expect(demoCompany(5, NOW, 600)).toEqual(a);
    expect(demoCompany(6, NOW, 600).people.map((p) => p.name)).not.toEqual(a.people.map((p) => p.name));
  });

  it('builds a whole company at any size in range: exactly that many people, one top, me with a team', () => {
    fc.assert(
      fc.property(fc.integer({ min: COMPANY_SIZE.min, max: 1500 }), fc.integer(), (size, seed) => {
        const org = demoCompany(seed, NOW, size);
        expect(org.people).toHaveLength(size);
        expect(org.people.filter((p) => p.level !== null && p.managerKey === null)).toHaveLength(1);
        expect(org.people.every((p) => p.managerKey === null || p.managerKey < p.key)).toBe(true);
        expect(org.people[org.meKey]!.name).toBe('Alex Kim');
        expect(org.people.some((p) => p.managerKey === org.meKey)).toBe(true);
        const { from, to } = org.ties;
        expect(from.every((u, e) => u !== to[e] && u < size && to[e]! < size)).toBe(true);
      }),
      // 154 people, seed 25: a tree that once left Product with no small team and threw.
      { numRuns: 25, examples: [[154, 25]] },
    );
  });

  it('refuses a size outside the stated range', () => {
    expect(() => demoCompany(1, NOW, COMPANY_SIZE.min - 1)).toThrow(RangeError);
    expect(() => demoCompany(1, NOW, COMPANY_SIZE.max + 1)).toThrow(RangeError);
  });
});
