import type { Assessment } from '../domain/assessment.js';
import { ageInDays } from '../domain/balance.js';
import { toDay } from '../domain/dates.js';
import { type ConvertCandidate, type FocusItem, focusList } from '../domain/focus.js';
import { dueSteps } from '../domain/plan.js';
import { reviewInitiative } from '../domain/review.js';
import { currentAndPrevious, quadrantOf } from '../domain/stakeholder-map.js';
import { balancesByPerson } from './capital.js';
import type { Rapport } from './context.js';
import { nurtureFrom } from './nurture.js';
import { loadBase } from './relationship-data.js';

/**
 * This week's few actions (DESIGN.md ideas 1, 4, 5). Balances and last contacts come from the
 * ledger rollup and people tagged on initiatives are not needed here, so the work stays a few
 * indexed queries whatever the size of the ledger.
 */
export async function focus(r: Rapport): Promise<FocusItem[]> {
  const p = await loadBase(r);
  const now = r.now();
  const [initiatives, assessments] = await Promise.all([
    r.store.initiatives.list(r.ws),
    r.store.relationship.activeAssessments(r.ws),
  ]);
  const nameOf = (id: number): string => p.byId.get(id)?.name ?? `#${id}`;

  const byInitiative = new Map<number, Assessment[]>();
  for (const a of assessments) {
    const list = byInitiative.get(a.initiativeId);
    if (list) list.push(a);
    else byInitiative.set(a.initiativeId, [a]);
  }
  const converts: { initiative: string; current: Assessment }[] = [];
  const reviews = [];
  for (const i of initiatives) {
    const list = byInitiative.get(i.id) ?? [];
    for (const [personId, { current }] of currentAndPrevious(list)) {
      if (personId !== p.me && quadrantOf(current.influence, current.stance, p.settings.map) === 'convert') {
        converts.push({ initiative: i.name, current });
      }
    }
    reviews.push(reviewInitiative(i, list, [], nameOf, now, p.settings.review));
  }
  const [balances, overdue, duePlans] = await Promise.all([
    balancesByPerson(r, p.settings.balance.halfLifeDays, [
      ...new Set(converts.map((c) => c.current.personId)),
    ]),
    nurtureFrom(r, p),
    r.store.plans.withStepsDue(r.ws, toDay(now)),
  ]);
  const candidates: ConvertCandidate[] = converts.map(({ initiative, current }) => {
    const b = balances.get(current.personId);
    return {
      id: current.personId,
      name: nameOf(current.personId),
      initiative,
      influence: current.influence,
      stance: current.stance,
      daysSinceContact: b ? ageInDays(b.lastInteractionAt!, now) : null,
      balance: b?.balance ?? 0,
      hasInterests: p.byId.get(current.personId)?.hasInterests ?? false,
    };
  });
  return focusList(
    {
      converts: candidates,
      overdue,
      reviews,
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    },
    p.settings.focus,
  );
}
