import { ageInDays } from '../domain/balance.js';
import { toDay } from '../domain/dates.js';
import { type ConvertCandidate, type FocusItem, focusList } from '../domain/focus.js';
import { dueSteps } from '../domain/plan.js';
import { reviewInitiative } from '../domain/review.js';
import { currentAndPrevious, quadrantOf } from '../domain/stakeholder-map.js';
import type { Rapport } from './context.js';
import { nurtureFrom } from './nurture.js';
import { loadPortfolio } from './relationship-data.js';

/**
 * This week's few actions (DESIGN.md ideas 1, 4, 5). Balances and last contacts come from the
 * ledger rollup and people tagged on initiatives are not needed here, so the work stays a few
 * indexed queries whatever the size of the ledger.
 */
export async function focus(r: Rapport): Promise<FocusItem[]> {
  const p = await loadPortfolio(r);
  const now = r.now();
  const initiatives = await r.store.initiatives.list(r.ws);
  const nameOf = (id: number): string => p.byId.get(id)?.name ?? `#${id}`;

  const converts: Omit<ConvertCandidate, 'balance'>[] = [];
  const reviews = [];
  for (const i of initiatives) {
    const list = p.assessments.filter((a) => a.initiativeId === i.id);
    for (const [personId, { current }] of currentAndPrevious(list)) {
      if (personId === p.me || quadrantOf(current.influence, current.stance, p.settings.map) !== 'convert')
        continue;
      const last = p.balances.get(personId)?.lastInteractionAt ?? null;
      converts.push({
        id: personId,
        name: nameOf(personId),
        initiative: i.name,
        influence: current.influence,
        stance: current.stance,
        daysSinceContact: last === null ? null : ageInDays(last, now),
        hasInterests: p.byId.get(personId)?.hasInterests ?? false,
      });
    }
    reviews.push(reviewInitiative(i, list, [], nameOf, now, p.settings.review));
  }
  const balances = p.balances;
  const duePlans = await r.store.plans.withStepsDue(r.ws, toDay(now));
  return focusList(
    {
      converts: converts.map((c) => ({ ...c, balance: balances.get(c.id)?.balance ?? 0 })),
      overdue: nurtureFrom(p, now),
      reviews,
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    },
    p.settings.focus,
  );
}
