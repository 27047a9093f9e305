import { describe, expect, it } from 'vitest';
import type { Plan } from './plan.js';
import { openSteps, plansAnAsk } from './prep.js';

describe('prep rules', () => {
  it('a step asking for something plans an ask; asking about something is a question', () => {
    for (const t of ['Ask for two engineers', 'ask Dana to sponsor the pilot', '  Ask: budget for Q1'])
      expect(plansAnAsk(t), t).toBe(true);
    for (const t of [
      'Ask about her sailing trip',
      'ask how the quarter went',
      'Send the numbers',
      'Task review',
    ])
      expect(plansAnAsk(t), t).toBe(false);
  });

  it('open steps: due today or late first, then by due day; done steps left out', () => {
    const plans: Plan[] = [
      {
        id: 1,
        personId: 2,
        strategy: 'connect',
        createdAt: '2026-11-01T00:00:00.000Z',
        steps: [
          { id: 1, text: 'later', due: '2026-12-10', doneAt: null },
          { id: 2, text: 'done', due: '2026-11-01', doneAt: '2026-11-02T00:00:00.000Z' },
          { id: 3, text: 'today', due: '2026-11-23', doneAt: null },
        ],
      },
      {
        id: 2,
        personId: 2,
        strategy: 'empathize',
        createdAt: '2026-11-01T00:00:00.000Z',
        steps: [
          { id: 4, text: 'late', due: '2026-11-20', doneAt: null },
          { id: 5, text: 'soon', due: '2026-11-30', doneAt: null },
        ],
      },
    ];
    const out = openSteps(plans, new Date('2026-11-23T10:00:00Z'));
    expect(out.map((s) => [s.step.text, s.dueNow])).toEqual([
      ['late', true],
      ['today', true],
      ['soon', false],
      ['later', false],
    ]);
  });
});
