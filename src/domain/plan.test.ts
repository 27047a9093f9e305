import { describe, expect, it } from 'vitest';
import { dueSteps, type Plan, parseStrategy, planStepFields } from './plan.js';

describe('plan steps', () => {
  it('validates a step with its due day', () => {
    expect(planStepFields({ text: '  Coffee with Dana ', due: '2026-12-01' })).toEqual({
      text: 'Coffee with Dana',
      due: '2026-12-01',
    });
    expect(() => planStepFields({ text: 'x', due: undefined })).toThrow(/needs a due date: YYYY-MM-DD/);
    expect(() => planStepFields({ text: 'x', due: '2026-02-30' })).toThrow(/not a real calendar day/);
    expect(() => planStepFields({ text: ' ', due: '2026-12-01' })).toThrow(/step is required/);
  });

  it('accepts the four strategies only', () => {
    expect(parseStrategy('connect')).toBe('connect');
    expect(() => parseStrategy('bribe')).toThrow(/empathize, proactive, communicate, connect/);
  });

  it('lists open steps due today or before, most overdue first', () => {
    const plan: Plan = {
      id: 1,
      personId: 3,
      strategy: 'proactive',
      createdAt: '2026-11-01T00:00:00.000Z',
      steps: [
        { id: 1, text: 'a', due: '2026-11-23', doneAt: null },
        { id: 2, text: 'b', due: '2026-11-20', doneAt: null },
        { id: 3, text: 'c', due: '2026-11-24', doneAt: null },
        { id: 4, text: 'd', due: '2026-11-01', doneAt: '2026-11-02T00:00:00.000Z' },
      ],
    };
    const due = dueSteps([plan], new Date('2026-11-23T23:00:00.000Z'));
    expect(due.map((d) => [d.step.text, d.daysLate])).toEqual([
      ['b', 3],
      ['a', 0],
    ]);
  });
});
