import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Assessment, assessmentFields, latestPerPerson } from './assessment.js';
import { INTERACTION_CAPITAL, INTERACTION_KINDS, interactionFields } from './interaction.js';

describe('interaction kinds', () => {
  it('carry the capital of the design: helping deposits, asking withdraws', () => {
    expect(INTERACTION_CAPITAL).toMatchObject({
      'help-given': 3,
      'introduction-made': 2,
      gratitude: 1,
      ask: -2,
      refusal: -3,
      escalation: -4,
    });
    for (const k of ['coffee', 'lunch', 'meeting', 'call', 'message'] as const)
      expect(INTERACTION_CAPITAL[k]).toBe(0);
  });
  it('default the capital by kind unless overridden', () => {
    for (const kind of INTERACTION_KINDS)
      expect(interactionFields({ kind }).capital).toBe(INTERACTION_CAPITAL[kind]);
    expect(interactionFields({ kind: 'ask', capital: '-6' }).capital).toBe(-6);
    expect(() => interactionFields({ kind: 'ask', capital: 50 })).toThrow(
      'capital must be from -20 to 20; got 50.',
    );
    expect(() => interactionFields({ kind: 'toString' })).toThrow(/kind must be one of/);
  });
});

describe('assessments', () => {
  it('validate influence, stance and interconnectedness ranges at their edges', () => {
    expect(assessmentFields({ influence: 0, stance: -100 })).toMatchObject({ influence: 0, stance: -100 });
    expect(assessmentFields({ influence: '100', stance: '100', interconnectedness: '5' })).toMatchObject({
      influence: 100,
      stance: 100,
      interconnectedness: 5,
    });
    expect(() => assessmentFields({ influence: 101, stance: 0 })).toThrow(
      'influence must be from 0 to 100; got 101.',
    );
    expect(() => assessmentFields({ influence: 1, stance: -101 })).toThrow(
      'stance must be from -100 to 100; got -101.',
    );
    expect(() => assessmentFields({ influence: 1, stance: 1, interconnectedness: 6 })).toThrow(
      /interconnectedness must be from 0 to 5/,
    );
  });

  it('the current one is the latest, whatever order they were entered in', () => {
    const arb = fc.array(
      fc.record({
        personId: fc.integer({ min: 1, max: 4 }),
        day: fc.integer({ min: 1, max: 28 }),
        stance: fc.integer({ min: -100, max: 100 }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.func(fc.integer()), (rows, shuffleKey) => {
        const list: Assessment[] = rows.map((r, i) => ({
          id: i + 1,
          initiativeId: 1,
          personId: r.personId,
          influence: 50,
          stance: r.stance,
          interconnectedness: null,
          note: null,
          assessedAt: `2026-10-${String(r.day).padStart(2, '0')}T00:00:00.000Z`,
        }));
        const shuffled = [...list].sort((a, b) => shuffleKey(a.id) - shuffleKey(b.id));
        expect(latestPerPerson(shuffled)).toEqual(latestPerPerson(list));
      }),
    );
  });
});
