import { describe, expect, it } from 'vitest';
import { isAssistantTitle } from './assistants.js';
import {
  coverage,
  coverageGaps,
  managementChain,
  type OrgPerson,
  orgLevels,
  placeEveryone,
} from './coverage.js';

const p = (id: number, managerId: number | null, over: Partial<OrgPerson> = {}): OrgPerson => ({
  id,
  managerId,
  level: null,
  category: 'stakeholder',
  tier: 'none',
  ...over,
});

// CEO 1 → VP 2 → Director 3 → me 4 → report 5 → report 6. Other branch: VP 7 → manager 8 → engineer 9.
const org: OrgPerson[] = [
  p(1, null, { tier: 'partner' }),
  p(2, 1, { tier: 'friend' }),
  p(3, 2, { tier: 'partner' }),
  p(4, 3),
  p(5, 4, { tier: 'partner' }),
  p(6, 5, { tier: 'acquaintance' }),
  p(7, 1),
  p(8, 7, { tier: 'friend' }),
  p(9, 8, { tier: 'acquaintance' }),
  p(10, 3, { tier: 'friend' }), // my peer under the same director
  p(11, null, { category: 'provider', tier: 'partner' }),
  p(12, null), // no org position at all
  p(13, null, { level: 2 }), // senior, placed by level alone
];

describe('orgLevels', () => {
  it('counts depth in the reporting tree when no level is given', () => {
    const levels = orgLevels(org);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => levels.get(id))).toEqual([
      1, 2, 3, 4, 5, 6, 2, 3, 4, 4,
    ]);
    expect(levels.get(12)).toBeUndefined();
    expect(levels.get(13)).toBe(2);
  });

  it('counts down from the nearest ancestor with a level', () => {
    const levels = orgLevels([p(1, null), p(2, 1, { level: 5 }), p(3, 2), p(4, 3)]);
    expect([levels.get(1), levels.get(2), levels.get(3), levels.get(4)]).toEqual([1, 5, 6, 7]);
  });

  it('survives a reporting loop in stored data', () => {
    const levels = orgLevels([p(1, 2), p(2, 1)]);
    expect(levels.size).toBe(2);
  });
});

describe('coverage', () => {
  it('places people up, down, across and outside relative to me at depth 4', () => {
    const c = coverage(org, 4);
    expect(c.me).toEqual({ id: 4, level: 4 });
    // up: chain 1, 2, 3 and 7 (level 2) and 8 (level 3) and 13 (level 2)
    expect(c.directions.up).toEqual({ partner: 2, friend: 2, acquaintance: 0, none: 2, total: 6 });
    // down: my reports 5, 6 only (9 is level 4: across)
    expect(c.directions.down).toEqual({ partner: 1, friend: 0, acquaintance: 1, none: 0, total: 2 });
    expect(c.directions.across).toEqual({ partner: 0, friend: 1, acquaintance: 1, none: 0, total: 2 });
    expect(c.directions.outside).toEqual({ partner: 1, friend: 0, acquaintance: 0, none: 1, total: 2 });
    expect(c.downOutsideTeam.total).toBe(0);
    expect(c.gaps).toContainEqual({
      code: 'no-partners-there',
      params: { direction: 'across', people: 2 },
      text: 'No trusted partners among your peers (2 people there).',
    });
  });

  it('counts someone more senior in another branch as up, and less senior elsewhere as down outside my team', () => {
    const c = coverage([...org, p(14, 9, { tier: 'friend' })], 4); // 14 is level 5 under 9
    expect(c.directions.down.total).toBe(3);
    expect(c.downOutsideTeam).toEqual({ partner: 0, friend: 1, acquaintance: 0, none: 0, total: 1 });
    expect(c.gaps.map((g) => g.code)).toContain('no-partners-below-outside-team');
  });

  it('says when all partners sit in one direction', () => {
    const c = coverage(
      [p(1, null, { tier: 'partner' }), p(2, 1, { tier: 'partner' }), p(3, 2), p(4, 3, { tier: 'friend' })],
      3,
    );
    expect(c.gaps).toContainEqual(
      expect.objectContaining({ code: 'partners-all-one-way', params: { direction: 'up', partners: 2 } }),
    );
    expect(c.gaps.map((g) => g.text)).toContain('No trusted partners below you (1 person there).');
  });

  it('refuses to run without my place in the org chart, saying how to fix it', () => {
    expect(() => coverage([p(1, null), p(2, null)], 1, 'Sam')).toThrow(
      /Sam has no level, manager or reports/,
    );
    expect(() => coverage([p(1, null)], 9)).toThrow(/"me"/);
  });

  it('asks for tiers when nobody has one', () => {
    const none = { partner: 0, friend: 0, acquaintance: 0, none: 3, total: 3 };
    const zero = { partner: 0, friend: 0, acquaintance: 0, none: 0, total: 0 };
    expect(coverageGaps({ up: none, down: zero, across: zero, outside: zero }, zero)).toContainEqual({
      code: 'nobody-tiered',
      params: {},
      text: 'Nobody has a tier yet: mark your trusted partners, friends and acquaintances.',
    });
  });
});

describe('managementChain', () => {
  it('lists managers nearest first and stops where stored data loops', () => {
    const people = [
      { id: 1, managerId: null },
      { id: 2, managerId: 1 },
      { id: 3, managerId: 2 },
      { id: 7, managerId: 8 },
      { id: 8, managerId: 9 },
      { id: 9, managerId: 8 },
    ];
    expect(managementChain(people, 3)).toEqual([2, 1]);
    expect(managementChain(people, 1)).toEqual([]);
    expect(managementChain(people, 7)).toEqual([8, 9]);
  });
});

describe('assistants and chiefs of staff sit next to their executive', () => {
  // CEO 1 → (VP 2 → me 3, chief of staff 4, executive assistant 5 at level 6); VP 2's assistant 6;
  // VP 7 (other branch) with an assistant 8; my own assistant 9; "Assistant Manager" 10 is no assistant.
  const small: OrgPerson[] = [
    p(1, null, { level: 1, title: 'Chief Executive Officer' }),
    p(2, 1, { level: 2, title: 'VP Product' }),
    p(3, 2, { level: 3, title: 'Product Manager' }),
    p(4, 1, { level: 3, title: 'Chief of Staff' }),
    p(5, 1, { level: 6, title: 'Executive Assistant to the CEO' }),
    p(6, 2, { level: 5, title: 'EA' }),
    p(7, 1, { level: 2, title: 'VP Sales' }),
    p(8, 7, { level: 5, title: 'Executive Assistant' }),
    p(9, 3, { level: 5, title: 'Administrative Assistant' }),
    p(10, 7, { level: 5, title: 'Assistant Manager, Sales' }),
  ];
  const placed = new Map(placeEveryone(small, 3).places.map((x) => [x.person.id, x]));

  it('an assistant of someone above me is up, next to them, whatever their level', () => {
    expect(placed.get(5)).toMatchObject({ direction: 'up', nextTo: 1 });
    expect(placed.get(4)).toMatchObject({ direction: 'up', nextTo: 1 });
    expect(placed.get(6)).toMatchObject({ direction: 'up', nextTo: 2 });
    expect(placed.get(8)).toMatchObject({ direction: 'up', nextTo: 7 });
  });

  it('my own assistant stays in my team; other titles are placed by the tree and level', () => {
    expect(placed.get(9)).toMatchObject({ direction: 'down', inMyTeam: true, nextTo: 3 });
    expect(placed.get(10)).toMatchObject({ direction: 'down', nextTo: null });
    expect(placed.get(2)).toMatchObject({ direction: 'up', nextTo: null });
  });

  it('recognises the titles, not lookalikes', () => {
    for (const t of [
      'Executive Assistant',
      'EA to the CFO',
      'Chief of Staff, Engineering',
      'Assistant to the CEO',
      'Personal Assistant',
      'CoS',
    ])
      expect(isAssistantTitle(t), t).toBe(true);
    for (const t of [
      'Assistant Manager',
      'Assistant General Counsel',
      'Chief Executive Officer',
      'Teams Lead',
      null,
    ])
      expect(isAssistantTitle(t), String(t)).toBe(false);
  });
});
