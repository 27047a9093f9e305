import { describe, expect, it } from 'vitest';
import { type ConvertCandidate, convertsThatCanShow, focusList, suggestStrategy } from './focus.js';
import type { NurtureEntry } from './nurture.js';
import { DEFAULT_SETTINGS } from './settings.js';

const s = DEFAULT_SETTINGS.focus;
const convert = (over: Partial<ConvertCandidate>): ConvertCandidate => ({
  id: 1,
  name: 'Dana',
  initiative: 'Apollo',
  influence: 80,
  stance: -60,
  daysSinceContact: 10,
  balance: 2,
  hasInterests: true,
  ...over,
});
const overdue = (over: Partial<NurtureEntry>): NurtureEntry => ({
  id: 5,
  name: 'Pat',
  tier: 'partner',
  cadenceDays: 14,
  daysSince: 28,
  overdueDays: 14,
  importance: 50,
  lastInteractionAt: null,
  priority: 700,
  ...over,
});
describe('suggestStrategy', () => {
  it('picks the strategy the data points to, in order of precedence', () => {
    expect(suggestStrategy(convert({ daysSinceContact: 60, balance: -5 }), 60).strategy).toBe('proactive');
    expect(suggestStrategy(convert({ daysSinceContact: null }), 60).why).toBe(
      'you have never logged an interaction with them',
    );
    expect(suggestStrategy(convert({ daysSinceContact: 59, balance: -5 }), 60)).toMatchObject({
      strategy: 'empathize',
      why: 'your balance with them is -5',
    });
    expect(suggestStrategy(convert({ hasInterests: false }), 60).strategy).toBe('connect');
    expect(suggestStrategy(convert({}), 60).strategy).toBe('communicate');
  });
});

describe('focusList', () => {
  it('ranks merged actions and says why each is there', () => {
    const items = focusList(
      {
        converts: [convert({ daysSinceContact: 90 })],
        overdue: [overdue({}), overdue({ id: 6, name: 'Fran', tier: 'friend' })],
        stanceDrops: [],
        staleMaps: [{ initiative: 'Apollo', count: 1, oldestDays: 300, onlyName: 'Lee' }],
        dueSteps: [],
      },
      s,
    );
    expect(items.map((i) => i.kind)).toEqual(['convert', 'overdue-partner', 'stale-assessments']);
    expect(items[0]).toMatchObject({ strategy: 'proactive', score: 70, personId: 1 });
    expect(items[0]!.why).toEqual([
      'high-influence detractor on Apollo (influence 80, stance -60)',
      'no interaction for 90 days',
    ]);
    // 30 + min(40, 14/14·20) + 50·0.2 = 60
    expect(items[1]).toMatchObject({ name: 'Pat', score: 60 });
    expect(items[2]!.action).toBe('Revisit the Apollo map: re-assess Lee.');
    expect(items[2]!.why).toEqual(['1 assessment is stale, the oldest 300 days old']);
  });

  it('keeps one line per person, folding in the other reasons', () => {
    const items = focusList(
      {
        converts: [
          convert({ id: 5, name: 'Pat' }),
          convert({ id: 5, name: 'Pat', initiative: 'Zeus', influence: 60 }),
        ],
        overdue: [overdue({})],
        stanceDrops: [],
        staleMaps: [],
        dueSteps: [],
      },
      s,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.why[0]).toContain('also on Zeus');
    expect(items[0]!.why).toContain('last contact 28 days ago, 14 days past the 14-day cadence');
  });

  it('puts due plan steps first and stops at the maximum', () => {
    const items = focusList(
      {
        converts: Array.from({ length: 10 }, (_, i) => convert({ id: 10 + i, name: `C${i}` })),
        overdue: [],
        stanceDrops: [],
        staleMaps: [],
        dueSteps: [
          {
            planId: 1,
            personId: 2,
            name: 'Sam',
            strategy: 'connect',
            daysLate: 2,
            step: { id: 1, text: 'Ask Sam about sailing', due: '2026-11-21', doneAt: null },
          },
        ],
      },
      s,
    );
    expect(items).toHaveLength(7);
    expect(items[0]).toMatchObject({
      kind: 'plan-step',
      score: 82,
      action: 'Ask Sam about sailing (plan for Sam: build the personal connection).',
    });
  });

  it('turns a fallen stance into a conversation, scored by the size of the fall', () => {
    const [item] = focusList(
      {
        converts: [],
        overdue: [],
        stanceDrops: [{ id: 3, name: 'Kim', initiative: 'Apollo', from: 40, to: -20, drop: 60 }],
        staleMaps: [],
        dueSteps: [],
      },
      s,
    );
    expect(item).toMatchObject({
      kind: 'stance-drop',
      score: 55,
      action: 'Talk to Kim about Apollo: find out what changed.',
      why: ['stance on Apollo fell from 40 to -20'],
    });
  });

  it('shows the same list when only the converts that can show are given', () => {
    const all = Array.from({ length: 30 }, (_, i) =>
      convert({
        id: 100 + (i % 20),
        name: `C${i % 20}`,
        initiative: `I${i % 3}`,
        influence: 50 + ((i * 7) % 50),
        stance: -20 - ((i * 13) % 80),
      }),
    );
    const partner = overdue({ id: 119, name: 'C19', importance: 90, overdueDays: 60 });
    const full = focusList(
      { converts: all, overdue: [partner], stanceDrops: [], staleMaps: [], dueSteps: [] },
      s,
    );
    const keep = convertsThatCanShow(
      all.map((c) => ({ personId: c.id, influence: c.influence, stance: c.stance })),
      new Set([partner.id]),
      s.maxItems,
    );
    expect(keep.size).toBeLessThan(20);
    expect(keep.has(119)).toBe(true);
    const pruned = all.filter((c) => keep.has(c.id));
    expect(
      focusList({ converts: pruned, overdue: [partner], stanceDrops: [], staleMaps: [], dueSteps: [] }, s),
    ).toEqual(full);
  });
});
