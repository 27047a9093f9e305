import type { Assessment } from '../domain/assessment.js';
import type { Balance } from '../domain/balance.js';
import { DAY_MS, toDay } from '../domain/dates.js';
import { type Importance, importance } from '../domain/importance.js';
import { type RelationshipSettings, resolveSettings } from '../domain/settings.js';
import { currentAndPrevious } from '../domain/stakeholder-map.js';
import type { RelationshipPerson } from '../store/repositories/relationship.js';
import { balancesByPerson } from './capital.js';
import type { Rapport } from './context.js';

/** The workspace's effective thresholds (defaults overlaid with its `settings` rows). */
export async function loadSettings(r: Rapport): Promise<RelationshipSettings> {
  return resolveSettings(await r.store.settings.all(r.ws));
}

/** The first day of the frequency window, as an ISO day: interactions on or after it count. */
export const windowStart = (now: Date, days: number): string =>
  toDay(new Date(now.getTime() - days * DAY_MS));

/** Per person: highest current influence and latest interconnectedness rating across active initiatives. */
export function swayAndRatings(assessments: readonly Assessment[]): {
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

export interface Portfolio {
  settings: RelationshipSettings;
  me: number | null;
  people: RelationshipPerson[];
  byId: Map<number, RelationshipPerson>;
  /** Balance and last interaction per person with a ledger. */
  balances: Map<number, Balance>;
  /** Interactions within the importance window, per person. */
  recent: Map<number, number>;
  assessments: Assessment[];
  importance: Map<number, Importance>;
}

/**
 * Everything the weekly questions share, read with a handful of indexed queries: people,
 * balances and last contacts (ledger rollup), recent counts per person, assessments on active
 * initiatives, and importance.
 */
export async function loadPortfolio(r: Rapport): Promise<Portfolio> {
  const settings = await loadSettings(r);
  const now = r.now();
  const balances = await balancesByPerson(r, settings.balance.halfLifeDays);
  const [me, people, recent, assessments] = await Promise.all([
    r.store.workspaces.me(r.ws),
    r.store.relationship.people(r.ws),
    r.store.relationship.recentCounts(r.ws, windowStart(now, settings.importance.windowDays)),
    r.store.relationship.activeAssessments(r.ws),
  ]);
  const { sway, rating } = swayAndRatings(assessments);
  const scores = new Map<number, Importance>();
  for (const p of people) {
    scores.set(
      p.id,
      importance(
        {
          interactions: recent.get(p.id) ?? 0,
          interconnectedness: rating.get(p.id) ?? null,
          sway: sway.get(p.id) ?? null,
        },
        settings.importance,
      ),
    );
  }
  return {
    settings,
    me,
    people,
    byId: new Map(people.map((p) => [p.id, p])),
    balances,
    recent,
    assessments,
    importance: scores,
  };
}
