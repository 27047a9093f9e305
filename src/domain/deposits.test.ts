import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlaybook, DEFAULT_PLAYBOOK, depositIdeas, depositsThatPay } from './deposits.js';

const person = (department: string | null, category = 'other-team' as const) => ({
  department,
  team: null,
  category,
});

describe('deposit playbook', () => {
  it('ideas come from the department, a department named inside the team, the category, then general', () => {
    expect(depositIdeas(DEFAULT_PLAYBOOK, person('sales')).source).toBe('Sales');
    expect(
      depositIdeas(DEFAULT_PLAYBOOK, { department: null, team: 'Sales EMEA', category: 'other-team' }).source,
    ).toBe('Sales');
    expect(
      depositIdeas(DEFAULT_PLAYBOOK, { department: 'Procurement', team: null, category: 'provider' }).source,
    ).toBe('provider');
    expect(depositIdeas(DEFAULT_PLAYBOOK, person('Procurement')).source).toBe('general');
    // A playbook without a general entry still has something to say.
    expect(depositIdeas({ Sales: ['x'] }, person('Legal')).ideas).toEqual(DEFAULT_PLAYBOOK.general);
  });

  it('property: a playbook is accepted exactly when every key has 1–10 ideas of text, and comes back trimmed', () => {
    const idea = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constant(''), fc.constant(42));
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.array(idea, { maxLength: 12 }), {
          maxKeys: 5,
        }),
        (book) => {
          const entries = Object.entries(book);
          const valid =
            entries.length > 0 &&
            entries.every(
              ([k, ideas]) =>
                k.trim() !== '' &&
                ideas.length >= 1 &&
                ideas.length <= 10 &&
                ideas.every((i) => typeof i === 'string' && i.trim() !== ''),
            );
          if (!valid) {
            expect(() => checkPlaybook('deposits.playbook', book)).toThrow(/deposits\.playbook/);
            return;
          }
          const out = checkPlaybook('deposits.playbook', book);
          for (const [k, ideas] of entries)
            expect(out[k.trim()]).toEqual((ideas as string[]).map((i) => i.trim()));
        },
      ),
    );
  });
});

describe('where a deposit pays', () => {
  const base = {
    tier: 'none' as const,
    importance: 20,
    influence: null,
    initiative: null,
    balance: 5,
    recentCapital: 0,
    askComing: null,
    overdueDays: 0,
  };
  const t = { influence: 50, importance: 50, lowBalance: 1 };

  it('lists people who matter and whose account needs it; an ask coming outranks a low balance', () => {
    const picks = depositsThatPay(
      [
        { ...base, id: 1, name: 'Healthy partner', tier: 'partner' },
        { ...base, id: 2, name: 'Low nobody', balance: -3 },
        { ...base, id: 3, name: 'Low partner', tier: 'partner', balance: -3 },
        {
          ...base,
          id: 4,
          name: 'Ask coming',
          tier: 'partner',
          askComing: { step: 'ask for budget', due: '2026-12-01' },
        },
        { ...base, id: 5, name: 'Influential, falling', influence: 80, initiative: 'Q3', recentCapital: -4 },
      ],
      t,
      10,
    );
    expect(picks.map((p) => p.name)).toEqual(['Ask coming', 'Low partner', 'Influential, falling']);
    expect(picks[2]!.why.map((w) => w.code)).toEqual(['influential-on-initiative', 'balance-falling']);
  });
});
