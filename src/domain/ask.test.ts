import { describe, expect, it } from 'vitest';
import { askCheck, findAllies, type TiePerson } from './ask.js';
import { DEFAULT_SETTINGS } from './settings.js';

const s = DEFAULT_SETTINGS;
const target = (stance: number | null) => ({
  id: 1,
  name: 'Dana',
  stance,
  influence: 80,
  initiative: 'Apollo',
});
const ally = { id: 2, name: 'Eli', balance: 6.5, ties: ['same team' as const] };

describe('askCheck', () => {
  it('goes when the balance stays in credit and the person is not a detractor', () => {
    const c = askCheck(target(10), 5, 'medium', [], s);
    expect(c).toMatchObject({
      cost: -4,
      balanceBefore: 5,
      balanceAfter: 1,
      verdict: 'go',
      stance: 10,
      influence: 80,
    });
    expect(c.reason).toMatchObject({ code: 'in-credit', params: { balanceBefore: 5, balanceAfter: 1 } });
    expect(c.reason.text).toContain('from +5 to +1');
  });

  it('goes at exactly zero after the ask', () => {
    expect(askCheck(target(null), 2, 'small', [], s).verdict).toBe('go');
  });

  it('routes via an ally when the ask would overdraw', () => {
    const c = askCheck(target(30), 3, 'large', [ally], s);
    expect(c.balanceAfter).toBe(-5);
    expect(c.verdict).toBe('route-via-ally');
    expect(c.reason).toMatchObject({
      code: 'overdrawn-route-via-ally',
      params: { allyId: ally.id, allyBalance: 6.5, ties: ['same team'], balanceAfter: -5 },
    });
    expect(c.reason.text).toContain('Route it via Eli (balance +6.5, same team)');
  });

  it('routes a detractor via an ally even with credit', () => {
    const c = askCheck(target(-20), 10, 'small', [ally], s);
    expect(c.verdict).toBe('route-via-ally');
    expect(c.reason).toMatchObject({
      code: 'detractor-route-via-ally',
      params: { stance: -20, initiative: 'Apollo' },
    });
    expect(c.reason.text).toContain('Dana is a detractor on Apollo (stance -20)');
  });

  it('builds first when overdrawn and nobody can carry the ask', () => {
    const c = askCheck(target(0), -1, 'small', [], s);
    expect(c).toMatchObject({ balanceAfter: -3, verdict: 'build-first' });
    expect(c.reason.code).toBe('overdrawn');
    expect(c.reason.text).toContain('build capital first');
  });
});

describe('findAllies', () => {
  const people: TiePerson[] = [
    { id: 1, name: 'Dana', team: 'Platform', managerId: 5 },
    { id: 2, name: 'Eli', team: 'platform', managerId: null },
    { id: 3, name: 'Fay', team: 'Web', managerId: 1 },
    { id: 4, name: 'Gus', team: 'Web', managerId: null },
    { id: 5, name: 'Hal', team: null, managerId: null },
    { id: 6, name: 'Ivy', team: 'Platform', managerId: null },
    { id: 9, name: 'Me', team: 'Platform', managerId: null },
  ];
  const balances = new Map([
    [2, 1],
    [3, 4],
    [4, 2],
    [5, 3],
    [6, -1],
    [9, 50],
  ]);

  it('keeps people in credit with me who are tied to the target, best-stocked first', () => {
    // Fay reports to Dana: she would be lobbying her own boss, so she is no go-between.
    const allies = findAllies(people[0]!, people, (id) => balances.get(id) ?? 0, new Set([4]), 9);
    expect(allies).toEqual([
      { id: 5, name: 'Hal', balance: 3, ties: ['reporting line'] },
      { id: 4, name: 'Gus', balance: 2, ties: ['shared interaction'] },
      { id: 2, name: 'Eli', balance: 1, ties: ['same team'] },
    ]);
  });

  it('never routes through someone who opposes the cause, however much credit I have with them', () => {
    const allies = findAllies(
      people[0]!,
      people,
      (id) => balances.get(id) ?? 0,
      new Set([4]),
      9,
      new Set([5]),
    );
    expect(allies.map((a) => a.name)).toEqual(['Gus', 'Eli']);
  });
});
