import { describe, expect, it } from 'vitest';
import {
  gatekeepers,
  hiddenInfluencers,
  percentiles,
  type RankedPerson,
  DEFAULT_INFLUENCE_SETTINGS as S,
} from './influence.js';

// A CEO, two directors, and eight staff; staff member "Ivy" is sought out far above her level.
const people: RankedPerson[] = [
  { id: 1, name: 'Ceo', level: 1, influence: 0.2 },
  { id: 2, name: 'Dir A', level: 2, influence: 0.15 },
  { id: 3, name: 'Dir B', level: 2, influence: 0.1 },
  ...Array.from({ length: 7 }, (_, i) => ({
    id: 10 + i,
    name: `Staff ${i}`,
    level: 4,
    influence: 0.01 * (i + 1),
  })),
  { id: 20, name: 'Ivy', level: 4, influence: 0.25 },
  { id: 21, name: 'Nolevel', level: null, influence: 0.3 },
];

describe('influence rules', () => {
  it('computes mid-rank percentiles, skipping unknowns', () => {
    expect(percentiles([1, 2, 2, 3, null])).toEqual([12.5, 50, 50, 87.5, null]);
  });

  it('names a junior person with top influence as a hidden influencer, with the reason', () => {
    const found = hiddenInfluencers(people, S);
    expect(found.map((f) => f.id)).toEqual([20]);
    expect(found[0]!.reason).toMatchObject({ code: 'hidden-influencer', params: { personId: 20, level: 4 } });
    const { influencePercentile, seniorityPercentile } = found[0]!.reason.params as Record<string, number>;
    expect(influencePercentile! - seniorityPercentile!).toBeGreaterThanOrEqual(S.hiddenMargin);
    expect(found[0]!.reason.text).toMatch(
      /influence at the \d+(st|nd|rd|th) percentile, formal level 4 only at the \d+/,
    );
  });

  it('does not call senior people hidden, nor people without a level', () => {
    const ids = hiddenInfluencers(people, { ...S, hiddenMinPercentile: 0, hiddenMargin: 1 }).map((f) => f.id);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(21);
  });

  it('finds gatekeepers: not senior, strong ties to several top influencers', () => {
    const ties = [
      { from: 15, to: 1, weight: 5 },
      { from: 2, to: 15, weight: 4 },
      { from: 14, to: 1, weight: 5 },
      { from: 14, to: 2, weight: 2 },
      { from: 3, to: 1, weight: 5 },
      { from: 2, to: 1, weight: 5 },
    ];
    const found = gatekeepers(people, ties, { ...S, topInfluencers: 5 });
    expect(found.map((f) => f.id)).toEqual([15]);
    expect(found[0]!.reason).toEqual({
      code: 'gatekeeper',
      params: { personId: 15, personIds: [1, 2], ties: 2, top: 5 },
      text: 'gatekeeper: strong ties to 2 of the top 5 influencers (Ceo, Dir A)',
    });
  });
});
