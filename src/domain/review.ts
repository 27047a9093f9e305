import type { Assessment } from './assessment.js';
import { ageInDays } from './balance.js';
import { toDay } from './dates.js';
import { type Explanation, explain } from './explanation.js';
import type { RelationshipSettings } from './settings.js';
import { currentAndPrevious } from './stakeholder-map.js';

export interface InitiativeReview {
  initiativeId: number;
  initiative: string;
  /** Current assessments older than the staleness limit, oldest first. */
  stale: { id: number; name: string; assessedAt: string; daysOld: number }[];
  /** People on the initiative (an interaction tagged with it) who were never assessed on it. */
  neverAssessed: { id: number; name: string }[];
  /** Stance fell by at least the alert threshold since the previous assessment. */
  stanceDrops: { id: number; name: string; from: number; to: number; drop: number; assessedAt: string }[];
  /** Each finding above as a sentence, in the order stale, never assessed, stance drops. */
  notes: Explanation<ReviewCode>[];
}

export type ReviewCode = 'stale-assessment' | 'never-assessed' | 'stance-fell';

function reviewNotes(r: Omit<InitiativeReview, 'notes'>): Explanation<ReviewCode>[] {
  const initiativeId = r.initiativeId;
  return [
    ...r.stale.map((s) =>
      explain(
        'stale-assessment',
        { initiativeId, personId: s.id, assessedAt: s.assessedAt, daysOld: s.daysOld },
        `stale: ${s.name}, assessed ${toDay(s.assessedAt)} (${s.daysOld} days ago)`,
      ),
    ),
    ...r.neverAssessed.map((n) =>
      explain(
        'never-assessed',
        { initiativeId, personId: n.id },
        `never assessed: ${n.name} (has interactions tagged with it)`,
      ),
    ),
    ...r.stanceDrops.map((d) =>
      explain(
        'stance-fell',
        { initiativeId, personId: d.id, from: d.from, to: d.to, drop: d.drop, assessedAt: d.assessedAt },
        `stance fell: ${d.name}, ${d.from} → ${d.to} on ${toDay(d.assessedAt)}`,
      ),
    ),
  ];
}

const byName = <T extends { id: number; name: string }>(a: T, b: T): number =>
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id - b.id;

/** What to revisit on one initiative's map: assessments go stale. */
export function reviewInitiative(
  initiative: { id: number; name: string },
  assessments: readonly Assessment[],
  taggedPeople: Iterable<number>,
  nameOf: (personId: number) => string,
  now: Date,
  s: RelationshipSettings['review'],
): InitiativeReview {
  const review: Omit<InitiativeReview, 'notes'> = {
    initiativeId: initiative.id,
    initiative: initiative.name,
    stale: [],
    neverAssessed: [],
    stanceDrops: [],
  };
  const latest = currentAndPrevious(assessments.filter((a) => a.initiativeId === initiative.id));
  for (const [id, { current, previous }] of latest) {
    const daysOld = ageInDays(current.assessedAt, now);
    if (daysOld > s.staleDays)
      review.stale.push({ id, name: nameOf(id), assessedAt: current.assessedAt, daysOld });
    if (previous && previous.stance - current.stance >= s.stanceDrop) {
      review.stanceDrops.push({
        id,
        name: nameOf(id),
        from: previous.stance,
        to: current.stance,
        drop: previous.stance - current.stance,
        assessedAt: current.assessedAt,
      });
    }
  }
  for (const id of new Set(taggedPeople)) {
    if (!latest.has(id)) review.neverAssessed.push({ id, name: nameOf(id) });
  }
  review.stale.sort((a, b) => b.daysOld - a.daysOld || byName(a, b));
  review.neverAssessed.sort(byName);
  review.stanceDrops.sort((a, b) => b.drop - a.drop || byName(a, b));
  return { ...review, notes: reviewNotes(review) };
}

export const hasFindings = (r: InitiativeReview): boolean =>
  r.stale.length + r.neverAssessed.length + r.stanceDrops.length > 0;
