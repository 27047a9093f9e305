import type { Assessment } from '../assessment.js';

let nextId = 1;

/** An assessment of one person on initiative 1, with a fresh id. */
export const assessmentOf = (
  personId: number,
  influence: number,
  stance: number,
  assessedAt: string,
): Assessment => ({
  id: nextId++,
  initiativeId: 1,
  personId,
  influence,
  stance,
  interconnectedness: null,
  note: null,
  assessedAt,
});
