import type { ReviewView } from '../../contract/map.js';
import { type InitiativeReview, reviewInitiative } from '../../domain/review.js';
import type { Rapport } from '../core/context.js';
import { loadSettings } from '../relationship/relationship-data.js';

export type { ReviewView };

/** One initiative's review as results name people and initiatives: `{id, name}`. */
function reviewView(r: InitiativeReview): ReviewView['initiatives'][number] {
  return {
    initiative: { id: r.initiativeId, name: r.initiative },
    stale: r.stale.map(({ id, name, ...s }) => ({ person: { id, name }, ...s })),
    neverAssessed: r.neverAssessed,
    stanceDrops: r.stanceDrops.map(({ id, name, ...d }) => ({ person: { id, name }, ...d })),
    notes: r.notes,
  };
}

/** What to revisit on every active initiative's map. */
export async function review(r: Rapport): Promise<ReviewView> {
  const settings = await loadSettings(r);
  const initiatives = await r.store.initiatives.list(r.ws);
  const [assessments, tagged, people] = await Promise.all([
    r.store.relationship.activeAssessments(r.ws),
    r.store.relationship.taggedPeople(
      r.ws,
      initiatives.map((i) => i.id),
    ),
    r.store.relationship.people(r.ws),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const nameOf = (id: number): string => names.get(id) ?? `#${id}`;
  const now = r.now();
  return {
    staleDays: settings.review.staleDays,
    stanceDrop: settings.review.stanceDrop,
    initiatives: initiatives.map((i) =>
      reviewView(reviewInitiative(i, assessments, tagged.get(i.id) ?? [], nameOf, now, settings.review)),
    ),
  };
}
