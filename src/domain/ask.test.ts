import { describe, expect, it } from 'vitest';
import { askCheck } from './ask.js';
import type { GoBetween } from './go-between.js';
import { DEFAULT_SETTINGS } from './settings.js';

const s = DEFAULT_SETTINGS;
const target = (stance: number | null) => ({
  id: 1,
  name: 'Dana',
  stance,
  influence: 80,
  initiative: 'Apollo',
});
const ally: GoBetween = {
  id: 2,
  name: 'Eli',
  balance: 6.5,
  influence: 60,
  ties: ['advises them', 'same team'],
  strength: 0.8,
  score: 3.12,
  escalation: false,
};

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
    const c = askCheck(target(10), 3, 'large', [ally], s);
    expect(c.balanceAfter).toBe(-5);
    expect(c.verdict).toBe('go-via');
    expect(c.reason).toMatchObject({
      code: 'overdrawn-go-via',
      params: { allyId: ally.id, allyBalance: 6.5, ties: ['advises them', 'same team'], balanceAfter: -5 },
    });
    expect(c.reason.text).toContain('Go via Eli (advises them, same team; balance +6.5, influence 60)');
  });

  it('routes a detractor via a go-between even with credit, when the ask is critical', () => {
    const c = askCheck(target(-20), 10, 'small', [ally], s, {
      neverLogged: false,
      chainRoute: null,
      critical: true,
    });
    expect(c.verdict).toBe('go-via');
    expect(c.reason).toMatchObject({
      code: 'detractor-go-via',
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

  it('calls a non-critical ask of an influential detractor not worth it, whatever the balance', () => {
    const c = askCheck(target(-40), 20, 'small', [ally], s);
    expect(c.verdict).toBe('not-worth-it');
    expect(c.reason.code).toBe('powerful-detractor');
    expect(c.reason.text).toContain('Dana opposes Apollo (stance -40) and has high influence (80)');
    // A detractor without much sway is still worth routing around.
    const weak = askCheck({ ...target(-40), influence: 30 }, 20, 'small', [ally], s);
    expect(weak.verdict).toBe('go-via');
  });

  it('will not overdraw a close relationship for a large ask that is not critical', () => {
    const close = { neverLogged: false, chainRoute: null, important: true };
    expect(askCheck(target(10), 3, 'large', [ally], s, close)).toMatchObject({
      verdict: 'not-worth-it',
      reason: { code: 'overdraws-important' },
    });
    expect(askCheck(target(10), 3, 'large', [ally], s, { ...close, critical: true }).verdict).toBe('go-via');
    // A medium ask, or one that stays in credit, is a normal ask of a close relationship.
    expect(askCheck(target(10), 3, 'medium', [ally], s, close).verdict).toBe('go-via');
    expect(askCheck(target(10), 9, 'large', [], s, close).verdict).toBe('go');
  });

  it('names going over their head as escalation', () => {
    const boss: GoBetween = { ...ally, id: 7, name: 'Hal', ties: ['their manager'], escalation: true };
    const c = askCheck(target(10), 1, 'large', [boss], s);
    expect(c.verdict).toBe('go-via');
    expect(c.reason.code).toBe('escalation');
    expect(c.reason.text).toContain("Going over Dana's head: take it to Hal (their manager");
  });

  it('asks a supporter of the cause at half the cost, so a well-credited champion can take a large ask', () => {
    const champion = askCheck(target(60), 5, 'large', [], s);
    expect(champion).toMatchObject({ cost: -4, balanceAfter: 1, verdict: 'go' });
    expect(champion.reason.text).toContain('they back Apollo, so it costs half');
    expect(askCheck(target(10), 5, 'large', [], s)).toMatchObject({ cost: -8, verdict: 'build-first' });
  });

  it('lets a small ask go when I am not in debt with them, though it dips below zero', () => {
    const c = askCheck(target(0), 1, 'small', [], s);
    expect(c).toMatchObject({ balanceAfter: -1, verdict: 'go' });
    expect(c.reason.code).toBe('small-ask-not-in-debt');
    expect(askCheck(target(0), -0.5, 'small', [], s).verdict).toBe('build-first');
  });
});
