import { describe, expect, it } from 'vitest';
import { escalations, stepOf, stepPenalty, walkOrg } from './walk-steps.js';

// 0 CEO; 1 chief of staff; 2 VP; 3 and 4 report to the VP; 5 reports to 3.
const org = walkOrg(
  [
    { id: 10, managerId: null, title: 'CEO' },
    { id: 11, managerId: 10, title: 'Chief of Staff' },
    { id: 12, managerId: 10, title: 'VP Product' },
    { id: 13, managerId: 12, title: 'PM' },
    { id: 14, managerId: 12, title: 'PM' },
    { id: 15, managerId: 13, title: 'Engineer' },
  ],
  (id) => id - 10,
);

describe('walk steps', () => {
  it('names each step by the org chart', () => {
    expect(stepOf(org, 3, 2)).toBe('up');
    expect(stepOf(org, 2, 3)).toBe('down');
    expect(stepOf(org, 3, 0)).toBe('skip-up');
    expect(stepOf(org, 5, 0)).toBe('skip-up');
    expect(stepOf(org, 5, 2)).toBe('skip-up');
    expect(stepOf(org, 1, 0)).toBe('to-leader');
    expect(stepOf(org, 3, 4)).toBe('lateral');
  });

  it('costs going past a gatekeeper, up and down, but not the way through the chief of staff', () => {
    expect(stepPenalty(org, 1, 0)).toBe(0);
    expect(stepPenalty(org, 3, 1)).toBe(0);
    expect(stepPenalty(org, 4, 0)).toBeGreaterThan(stepPenalty(org, 2, 0));
    expect(stepPenalty(org, 0, 1)).toBeGreaterThan(stepPenalty(org, 3, 4));
  });

  it('marks the hops over a head: to the manager’s manager, or to the next person’s manager', () => {
    expect(escalations(org, [3, 0])).toEqual([true]);
    expect(escalations(org, [3, 2, 4])).toEqual([true, false]);
    expect(escalations(org, [2, 3, 5])).toEqual([false, false]);
    expect(escalations(org, [5, 3, 2])).toEqual([false, false]);
  });
});
