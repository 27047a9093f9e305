import type { Assessment } from '../../domain/assessment.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { type Importance, importance } from '../../domain/importance.js';
import { type RelationshipSettings, resolveSettings } from '../../domain/settings.js';
import { currentAndPrevious } from '../../domain/stakeholder-map.js';
import type { RelationshipPerson } from '../../store/index.js';
import type { Rapport } from '../core/context.js';

/** The workspace's effective thresholds (defaults overlaid with its `settings` rows). */
export async function loadSettings(r: Rapport): Promise<RelationshipSettings> {
  return resolveSettings(await r.store.settings.all(r.ws));
}

/** The first day of the frequency window, as an ISO day: interactions on or after it count. */
const windowStart = (now: Date, days: number): string => toDay(new Date(now.getTime() - days * DAY_MS));

/** Per person: highest current influence and latest interconnectedness rating across active initiatives. */
function swayAndRatings(assessments: readonly Assessment[]): {
  sway: Map<number, number>;
  rating: Map<number, number>;
} {
  const byInitiative = new Map<number, Assessment[]>();
  for (const a of assessments) {
    const list = byInitiative.get(a.initiativeId);
    if (list) list.push(a);
    else byInitiative.set(a.initiativeId, [a]);
  }
  const sway = new Map<number, number>();
  for (const list of byInitiative.values()) {
    for (const [personId, { current }] of currentAndPrevious(list)) {
      sway.set(personId, Math.max(sway.get(personId) ?? 0, current.influence));
    }
  }
  // Assessments arrive oldest first, so the last rating seen is the latest given.
  const rating = new Map<number, number>();
  for (const a of assessments)
    if (a.interconnectedness !== null) rating.set(a.personId, a.interconnectedness);
  return { sway, rating };
}

export interface Base {
  settings: RelationshipSettings;
  me: number | null;
  people: RelationshipPerson[];
  byId: Map<number, RelationshipPerson>;
}

/** Settings, "me" and the people: what every weekly question starts from. */
export async function loadBase(r: Rapport): Promise<Base> {
  const [settings, me, people] = await Promise.all([
    loadSettings(r),
    r.store.workspaces.me(r.ws),
    r.store.relationship.people(r.ws),
  ]);
  return { settings, me, people, byId: new Map(people.map((p) => [p.id, p])) };
}

/**
 * Importance of the given people. Lists (nurture, focus) ask only for the people they show, so
 * the inputs are read for a few hundred people rather than the whole workspace.
 */
export async function importanceFor(
  r: Rapport,
  settings: RelationshipSettings,
  ids: readonly number[],
): Promise<Map<number, Importance>> {
  const since = windowStart(r.now(), settings.importance.windowDays);
  const longSince = windowStart(r.now(), settings.importance.longWindowDays);
  const scores = new Map<number, Importance>();
  if (ids.length === 0) return scores;
  const [stats, assessments] = await Promise.all([
    r.store.relationship.contactStats(r.ws, since, ids, longSince),
    r.store.relationship.activeAssessments(r.ws, ids),
  ]);
  const { sway, rating } = swayAndRatings(assessments);
  for (const id of ids) {
    scores.set(
      id,
      importance(
        {
          interactions: stats.get(id)?.recent ?? 0,
          interactionsLong: stats.get(id)?.long ?? 0,
          interconnectedness: rating.get(id) ?? null,
          sway: sway.get(id) ?? null,
        },
        settings.importance,
      ),
    );
  }
  return scores;
}
