import { describe, expect, it } from 'vitest';
import { bestPerPerson, mapFocusItems, NO_MAP_LINES, type StaleAssessment } from './focus-map.js';

const none = NO_MAP_LINES;
const rules = { detractorAt: 20, staleDays: 30 };

describe('the map lines of the weekly list', () => {
  it('raises someone drifting towards opposition, the closer to the line the higher', () => {
    const items = mapFocusItems(
      {
        ...none,
        atRisk: [
          { id: 1, name: 'Uma', initiative: 'EU', influence: 98, from: 10, to: -18 },
          { id: 2, name: 'Raj', initiative: 'EU', influence: 98, from: 40, to: 15 },
        ],
      },
      rules,
    );
    expect(items.map((i) => [i.name, i.kind])).toEqual([
      ['Uma', 'at-risk'],
      ['Raj', 'at-risk'],
    ]);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[0]!.action.text).toBe(
      'Talk to Uma about EU before they turn against it: ask what worries them.',
    );
    expect(items[0]!.why[0]!.text).toBe(
      'high influence (98) and drifting towards opposition: stance +10 → -18, 2 from the detractor line',
    );
  });

  it('names the stale re-assessments that matter most in one line, not one line per map', () => {
    const stale = (
      id: number,
      influence: number,
      daysOld: number,
      lastTrend: number | null,
    ): StaleAssessment => ({
      id,
      name: `P${id}`,
      initiative: id % 2 ? 'A' : 'B',
      influence,
      daysOld,
      lastTrend,
    });
    const items = mapFocusItems(
      {
        ...none,
        stale: {
          top: [
            stale(1, 90, 31, null),
            stale(2, 60, 90, -40),
            stale(3, 95, 200, 0),
            stale(4, 20, 400, 80),
            stale(5, 80, 35, null),
          ],
          count: 9,
          maps: 2,
          oldestDays: 400,
        },
      },
      rules,
    );
    expect(items).toHaveLength(1);
    // influence × stale periods (at most 2) × (1 + last move / 50): P2 216, P3 190, P4 104, P5 93, P1 93.
    expect(items[0]!.action.text).toBe(
      'Re-assess P2 (B), P3 (A) and P4 (B), then the 6 other stale assessments.',
    );
    expect(items[0]!.personId).toBeNull();
  });

  it('asks for a first one-to-one, a give-back to an overdrawn champion, and a look at a contradicting tier', () => {
    const items = mapFocusItems(
      {
        ...none,
        neverEngaged: [{ id: 7, name: 'Farid', initiative: 'EU', influence: 85, stance: 0 }],
        overdrawnChampions: [
          { id: 8, name: 'Mia', initiative: 'EU', influence: 70, stance: 60, balance: -2.5 },
        ],
        tierMismatches: [
          { id: 9, name: 'Olga', tier: 'partner', initiative: 'EU', influence: 79, stance: -65 },
        ],
      },
      rules,
    );
    expect(Object.fromEntries(items.map((i) => [i.kind, i.action.text]))).toEqual({
      'never-engaged': 'Set up a first one-to-one with Farid: they weigh on EU and you have never met alone.',
      'overdrawn-champion': 'Give back to Mia before you lean on them again for EU.',
      'tier-mismatch':
        'Check how you file Olga: a trusted partner who opposes EU. Talk it through with them, or file them as an acquaintance if the relationship has cooled.',
    });
    expect(items.find((i) => i.kind === 'overdrawn-champion')!.score).toBe(30 + 21 + 10);
  });
});

describe('one line per person', () => {
  it('folds the same reason on several initiatives into one line, the strongest leading', () => {
    const items = mapFocusItems(
      {
        ...none,
        overdrawnChampions: [
          { id: 8, name: 'Zoe', initiative: 'Pricing', influence: 63, stance: 51, balance: -2.6 },
          { id: 8, name: 'Zoe', initiative: 'Onboarding', influence: 74, stance: 38, balance: -2.6 },
        ],
      },
      rules,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.initiative).toBe('Onboarding');
    expect(items[0]!.why[0]!.params).toMatchObject({ alsoOn: ['Pricing'] });
    expect(items[0]!.why[0]!.text).toMatch(/; also on Pricing$/);
  });
});

describe('bestPerPerson', () => {
  it('keeps every placement of the people whose best placement ranks in the first `keep`', () => {
    const items = [
      { personId: 1, v: 10 },
      { personId: 2, v: 50 },
      { personId: 1, v: 90 },
      { personId: 3, v: 40 },
    ];
    // Person 1 (best 90) and person 2 (50) make the first two; person 3 (40) does not.
    expect(bestPerPerson(items, (i) => i.v, 2)).toEqual([
      { personId: 1, v: 10 },
      { personId: 2, v: 50 },
      { personId: 1, v: 90 },
    ]);
  });
});
