import { describe, expect, it } from 'vitest';
import { type ConvertCandidate, convertsThatCanShow, focusList, suggestStrategy } from './focus.js';
import { NO_MAP_LINES } from './focus-map.js';
import type { NurtureEntry } from './nurture.js';
import { DEFAULT_SETTINGS } from './settings.js';

const settings = DEFAULT_SETTINGS;
const s = settings.focus;
const noMap = NO_MAP_LINES;
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
  lastOneToOneAt: null,
  countedFrom: 'added',
  priority: 700,
  reason: {
    code: 'overdue',
    params: { personId: 5 },
    text: 'last contact 28 days ago, 14 days past the 14-day cadence',
  },
  ...over,
});
const codes = (list: { code: string }[]) => list.map((e) => e.code);
describe('suggestStrategy', () => {
  it('picks the strategy the data points to, in order of precedence', () => {
    expect(suggestStrategy(convert({ daysSinceContact: 60, balance: -5 }), 60).strategy).toBe('proactive');
    expect(suggestStrategy(convert({ daysSinceContact: null }), 60).why).toEqual({
      code: 'never-contacted',
      params: { personId: 1 },
      text: 'you have never met them alone or in a small meeting',
    });
    expect(suggestStrategy(convert({ daysSinceContact: 59, balance: -5 }), 60)).toMatchObject({
      strategy: 'empathize',
      action: { code: 'give-first', params: { personId: 1 } },
      why: { code: 'negative-balance', params: { personId: 1, balance: -5 } },
    });
    expect(suggestStrategy(convert({ hasInterests: false }), 60).strategy).toBe('connect');
    expect(suggestStrategy(convert({ contacts: 12, informal: 3 }), 60)).toMatchObject({
      strategy: 'proactive',
      action: { code: 'offer-tied-to-goals' },
      why: {
        code: 'stance-not-moving',
        text: '12 interactions (3 informal) and a balance of 2 have not moved their stance',
      },
    });
  });

  it('follows the evidence a coach would read (issue 13 §4)', () => {
    // Olga: 38 interactions, informal ones among them; her latest assessment names a concern.
    const olga = suggestStrategy(
      convert({ name: 'Olga', note: 'budget pressure', contacts: 38, informal: 3, hasInterests: false }),
      60,
    );
    expect(olga.strategy).toBe('empathize');
    expect(olga.action.text).toBe(
      'Talk to Olga about their concern, “budget pressure”: show how Apollo answers it.',
    );
    expect(olga.why.text).toBe('their latest assessment notes “budget pressure”');
    // Nils: a recorded preference is quoted, not ignored.
    const nils = suggestStrategy(
      convert({ name: 'Nils', communication: 'wants data first, opinions after' }),
      60,
    );
    expect(nils.strategy).toBe('communicate');
    expect(nils.action.text).toContain('“wants data first, opinions after”');
    // Jordan: two formal meetings, no credit, cycling in common.
    const jordan = suggestStrategy(
      convert({ name: 'Jordan', contacts: 2, informal: 0, balance: 0, commonGround: ['cycling'] }),
      60,
    );
    expect(jordan.strategy).toBe('connect');
    expect(jordan.action.text).toBe(
      'Invite Jordan for coffee (you both like cycling): build the connection outside formal meetings.',
    );
    expect(jordan.why.text).toBe('2 interactions, none informal; common ground: cycling');
    // "Learn their interests" only when nothing is recorded and contact is thin.
    expect(suggestStrategy(convert({ hasInterests: false, contacts: 2, informal: 1 }), 60).action.code).toBe(
      'learn-interests',
    );
    expect(suggestStrategy(convert({ hasInterests: false, contacts: 20, informal: 4 }), 60).action.code).toBe(
      'offer-tied-to-goals',
    );
  });
});

describe('focusList', () => {
  it('ranks merged actions and says why each is there', () => {
    const items = focusList(
      {
        converts: [convert({ daysSinceContact: 90 })],
        overdue: [overdue({}), overdue({ id: 6, name: 'Fran', tier: 'friend' })],
        stanceDrops: [],
        map: {
          ...noMap,
          stale: {
            top: [{ id: 9, name: 'Lee', initiative: 'Apollo', influence: 40, daysOld: 300, lastTrend: null }],
            count: 1,
            maps: 1,
            oldestDays: 300,
          },
        },
        dueSteps: [],
      },
      settings,
    );
    expect(items.map((i) => i.kind)).toEqual(['convert', 'overdue-partner', 'stale-assessments']);
    expect(items[0]).toMatchObject({ strategy: 'proactive', score: 70, personId: 1 });
    expect(items[0]!.why).toEqual([
      {
        code: 'high-influence-detractor',
        params: { personId: 1, initiative: 'Apollo', influence: 80, stance: -60, alsoOn: [] },
        text: 'high-influence detractor on Apollo (influence 80, stance -60)',
      },
      {
        code: 'no-recent-contact',
        params: { personId: 1, days: 90, limit: s.noContactDays },
        text: 'no one-to-one or small meeting for 90 days',
      },
    ]);
    // 30 + min(40, 14/14·20) + 50·0.2 = 60
    expect(items[1]).toMatchObject({ name: 'Pat', score: 60 });
    expect(items[2]!.action.text).toBe('Re-assess Lee (Apollo).');
    expect(items[2]!.why).toEqual([
      {
        code: 'stale-assessments',
        params: { count: 1, maps: 1, oldestDays: 300, personIds: [9] },
        text: '1 assessment is stale on 1 map, the oldest 300 days old; these matter most (influence, age, last move)',
      },
    ]);
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
        map: noMap,
        dueSteps: [],
      },
      settings,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.why[0]!.params).toMatchObject({ alsoOn: ['Zeus'] });
    expect(items[0]!.why[0]!.text).toContain('also on Zeus');
    expect(codes(items[0]!.why)).toEqual(['high-influence-detractor', 'stance-not-moving', 'overdue']);
  });

  it('puts due plan steps first and stops at the maximum', () => {
    const items = focusList(
      {
        converts: Array.from({ length: 10 }, (_, i) => convert({ id: 10 + i, name: `C${i}` })),
        overdue: [],
        stanceDrops: [],
        map: noMap,
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
      settings,
    );
    expect(items).toHaveLength(7);
    expect(items[0]).toMatchObject({
      kind: 'plan-step',
      score: 82,
      action: {
        code: 'plan-step',
        params: { personId: 2, planId: 1, stepId: 1, strategy: 'connect' },
        text: 'Ask Sam about sailing (plan for Sam: build the personal connection).',
      },
      why: [{ code: 'step-late', params: { personId: 2, stepId: 1, due: '2026-11-21', daysLate: 2 } }],
    });
  });

  it('turns a fallen stance into a conversation, scored by the size of the fall', () => {
    const [item] = focusList(
      {
        converts: [],
        overdue: [],
        stanceDrops: [{ id: 3, name: 'Kim', initiative: 'Apollo', from: 40, to: -20, drop: 60 }],
        map: noMap,
        dueSteps: [],
      },
      settings,
    );
    expect(item).toMatchObject({
      kind: 'stance-drop',
      score: 55,
      action: { code: 'ask-what-changed', text: 'Talk to Kim about Apollo: find out what changed.' },
      why: [{ code: 'stance-fell', params: { personId: 3, from: 40, to: -20, drop: 60 } }],
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
      { converts: all, overdue: [partner], stanceDrops: [], map: noMap, dueSteps: [] },
      settings,
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
      focusList(
        { converts: pruned, overdue: [partner], stanceDrops: [], map: noMap, dueSteps: [] },
        settings,
      ),
    ).toEqual(full);
  });
});
