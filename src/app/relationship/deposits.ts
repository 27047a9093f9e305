import { parseInput } from '../../contract/index.js';
import { type DepositPick, DepositsInput } from '../../contract/practice.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import {
  ASK_HORIZON_DAYS,
  type DepositCandidate,
  depositIdeas,
  depositsThatPay,
  RECENT_DAYS,
} from '../../domain/deposits.js';
import { plansAnAsk } from '../../domain/prep.js';
import type { Rapport } from '../core/context.js';
import { balancesByPerson } from './capital.js';
import { nurtureFrom } from './nurture.js';
import { importantSet, mapInfluence, since } from './practice-data.js';
import { importanceFor, loadBase } from './relationship-data.js';
import { stagesFor } from './stages.js';

/** Importance from which someone off every map still matters enough for a deposit. */
const IMPORTANT_SCORE = 50;

/**
 * Where a deposit would matter most now, each with why and ideas in the currency their
 * department or category values (the workspace's playbook).
 */
export async function deposits(r: Rapport, raw: DepositsInput = {}): Promise<DepositPick[]> {
  const input = parseInput(DepositsInput, raw);
  const base = await loadBase(r);
  const { settings } = base;
  const onMaps = await mapInfluence(r);
  const ids = [...importantSet(base.people, onMaps, base.me)];
  const horizon = toDay(new Date(r.now().getTime() + ASK_HORIZON_DAYS * DAY_MS));
  const [balances, overdue, plans, initiatives, recent] = await Promise.all([
    balancesByPerson(r, settings, ids),
    nurtureFrom(r, base),
    r.store.plans.withStepsDue(r.ws, horizon),
    r.store.initiatives.list(r.ws),
    r.store.practice.recentCapital(r.ws, since(r, RECENT_DAYS)),
  ]);
  const initiativeName = new Map(initiatives.map((i) => [i.id, i.name]));
  const overdueDays = new Map(overdue.map((o) => [o.id, o.overdueDays]));
  const askComing = new Map<number, { step: string; due: string }>();
  for (const plan of plans) {
    for (const step of plan.steps) {
      // Only a step that plans an ask ("Ask Pat for…"), the rule prep uses: a coffee is not one.
      if (step.doneAt !== null || step.due > horizon || !plansAnAsk(step.text)) continue;
      const seen = askComing.get(plan.personId);
      if (!seen || step.due < seen.due) askComing.set(plan.personId, { step: step.text, due: step.due });
    }
  }
  const candidates: DepositCandidate[] = ids.map((id) => {
    const m = onMaps.get(id);
    return {
      id,
      name: base.byId.get(id)?.name ?? `#${id}`,
      tier: base.byId.get(id)?.tier ?? 'none',
      importance: 0,
      influence: m?.influence ?? null,
      initiative: m ? (initiativeName.get(m.initiativeId) ?? null) : null,
      balance: balances.get(id)?.balance ?? 0,
      recentCapital: recent.get(id) ?? 0,
      askComing: askComing.get(id) ?? null,
      overdueDays: overdueDays.get(id) ?? 0,
    };
  });
  // Importance is read only for the people whose account needs a deposit at all.
  const needy = candidates.filter(
    (c) =>
      c.askComing || c.balance <= settings.deposits.lowBalance || c.recentCapital < 0 || c.overdueDays > 0,
  );
  const scores = await importanceFor(
    r,
    settings,
    needy.map((c) => c.id),
  );
  const picks = depositsThatPay(
    needy.map((c) => ({ ...c, importance: scores.get(c.id)?.score ?? 0 })),
    {
      influence: settings.map.influence,
      importance: IMPORTANT_SCORE,
      lowBalance: settings.deposits.lowBalance,
    },
    input.limit ?? 10,
  );
  const stages = await stagesFor(
    r,
    settings,
    picks.map((p) => p.id),
  );
  return picks.map((p) => {
    const staged = stages.get(p.id);
    const ideas = depositIdeas(
      settings.deposits.playbook,
      staged?.person ?? { department: null, team: null, category: 'other-team' },
    );
    return {
      person: { id: p.id, name: p.name },
      score: p.score,
      why: p.why,
      ideas: ideas.ideas,
      ideasFrom: ideas.source,
      stage: staged?.view.stage ?? 'new',
    };
  });
}
