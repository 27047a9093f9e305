import * as z from 'zod';
import { AttentionView, ThanksOwed } from '../../contract/practice.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { ASK_HORIZON_DAYS, depositIdeas } from '../../domain/deposits.js';
import type { DepositDue } from '../../domain/focus.js';
import { plansAnAsk } from '../../domain/prep.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import type { Rapport } from '../core/context.js';
import { attentionFrom } from './attention.js';
import { balancesByPerson, type CapitalRead } from './capital.js';
import { type Base, importanceFor, loadBase } from './relationship-data.js';
import { stagesFor } from './stages.js';
import { owedThanks } from './thanks.js';

// The practices' lines in focus (issue 12): thank-yous owed, lopsided attention, deposits before
// an ask, and the next stage with the people who matter most.

/** Trusted partners' next stage comes before a friend's of similar importance. */
const TIER_WEIGHT = { partner: 30, friend: 15, acquaintance: 0, none: 0 } as const;

/** People weighed for the next-stage and thank-you lines: a few more than the lines shown. */
const SHORTLIST = 20;

/**
 * The practices' candidates for the week: thanks owed past the setting's days (favours of the
 * window only), attention when lopsided past the severe threshold, and the next stage with the
 * people who matter most (trusted partners, friends, high influence on an active map) that is
 * not yet established. Each reads a bounded part of the ledger, so focus stays fast at scale.
 * `tiered.people` holds the tiered people only; `onMaps`, per person, their highest current
 * influence on an active map, at least `map.influence` (focus has it from its own read of the maps).
 */
export async function practiceInputs(
  r: Rapport,
  tiered: Base,
  onMaps: ReadonlyMap<number, { influence: number }>,
  read: CapitalRead = {},
) {
  const { settings, me } = tiered;
  // Who matters most before reading any of their ledger: tier, then influence on a map.
  const weight = new Map<number, number>();
  for (const p of tiered.people)
    if (p.tier === 'partner' || p.tier === 'friend') weight.set(p.id, TIER_WEIGHT[p.tier]);
  for (const [id, m] of onMaps) {
    if (m.influence >= settings.map.influence) weight.set(id, (weight.get(id) ?? 0) + m.influence / 2);
  }
  if (me !== null) weight.delete(me);
  const key = [...weight]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SHORTLIST)
    .map(([id]) => id);
  // The shortlist needs nothing of the daily practice: all four reads go out at once.
  const [{ owed, attention }, depositsDue, scores, stages] = await Promise.all([
    dailyPractice(r, settings, me),
    depositsBeforeAsks(r, settings, me, read),
    importanceFor(r, settings, key),
    stagesFor(r, settings, key, { me }),
  ]);
  const stageSteps = [...stages.values()]
    .filter((s) => s.view.next !== null)
    .map((s) => ({
      id: s.person.id,
      name: s.person.name,
      importance: scores.get(s.person.id)?.score ?? 0,
      priority: (scores.get(s.person.id)?.score ?? 0) + TIER_WEIGHT[s.person.tier],
      action: s.view.next!.action,
      why: s.view.next!.why,
    }))
    .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  return {
    thanks: owed.filter((t) => t.daysAgo > settings.thanks.owedDays),
    attention: attention?.severe ? attention.imbalances : [],
    stageSteps,
    depositsDue,
  };
}

/**
 * Asks coming (an open plan step that plans an ask, due in the next two weeks) of people whose balance is at or
 * below `deposits.lowBalance`, with the first idea of their playbook entry: the deposit to make
 * before asking. Reads the few plans due, not the ledger.
 */
async function depositsBeforeAsks(
  r: Rapport,
  settings: RelationshipSettings,
  me: number | null,
  read: CapitalRead,
): Promise<DepositDue[]> {
  const today = toDay(r.now());
  const horizon = toDay(new Date(Date.parse(today) + ASK_HORIZON_DAYS * DAY_MS));
  const plans = await r.store.plans.withStepsDue(r.ws, horizon);
  const next = new Map<number, { step: string; due: string }>();
  for (const plan of plans) {
    if (plan.personId === me) continue;
    for (const step of plan.steps) {
      // Steps due today or late are plan-step lines already; only a step that plans an ask is
      // an ask coming (the rule prep uses).
      if (step.doneAt !== null || step.due <= today || step.due > horizon || !plansAnAsk(step.text)) continue;
      const seen = next.get(plan.personId);
      if (!seen || step.due < seen.due) next.set(plan.personId, { step: step.text, due: step.due });
    }
  }
  const ids = [...next.keys()];
  if (ids.length === 0) return [];
  const [balances, people] = await Promise.all([
    balancesByPerson(r, settings, ids, read),
    r.store.practice.people(r.ws, ids),
  ]);
  const out: DepositDue[] = [];
  for (const p of people) {
    const balance = balances.get(p.id)?.balance ?? 0;
    if (balance > settings.deposits.lowBalance) continue;
    const ask = next.get(p.id)!;
    const ideas = depositIdeas(settings.deposits.playbook, p);
    out.push({
      id: p.id,
      name: p.name,
      step: ask.step,
      due: ask.due,
      daysUntil: Math.round((Date.parse(ask.due) - Date.parse(today)) / DAY_MS),
      balance,
      idea: ideas.ideas[0]!,
      ideasFrom: ideas.source,
    });
  }
  return out.sort((a, b) => a.daysUntil - b.daysUntil || a.name.localeCompare(b.name));
}

/** What focus keeps of the practices between calls: the attention view and the thanks shortlist. */
const DailyPractice = z.object({ attention: AttentionView.nullable(), owed: z.array(ThanksOwed) });
type DailyPractice = z.infer<typeof DailyPractice>;

/**
 * The attention view and the thank-yous owed, for focus, computed once per day and ledger state:
 * both read a whole window of the ledger, while focus is read far more often than the ledger
 * changes. The state is the newest entry and the people (a new interaction, person or edit of a
 * person recomputes at once); an edit or removal of an older entry shows the next day or at the
 * next entry logged.
 */
async function dailyPractice(
  r: Rapport,
  settings: RelationshipSettings,
  me: number | null,
): Promise<DailyPractice> {
  const [ledger, people] = await Promise.all([
    r.store.practice.ledgerMark(r.ws),
    r.store.practice.peopleMark(r.ws),
  ]);
  const version = JSON.stringify([toDay(r.now()), ledger, people, me, settings.attention, settings.thanks]);
  const hit = await r.store.network.cached(r.ws, PRACTICE_CACHE, version);
  if (hit !== undefined) {
    const parsed = DailyPractice.safeParse(JSON.parse(hit));
    if (parsed.success) return parsed.data;
  }
  const [attention, owed] = await Promise.all([
    me === null
      ? null
      : attentionFrom(r, await loadBase(r), settings.attention.windowDays, { neverMet: false }),
    owedThanks(r, settings, settings.thanks.windowDays, SHORTLIST),
  ]);
  const view = { attention, owed: owed.owed };
  // A database this process may only read still answers, uncached.
  await r.store.network
    .cache(r.ws, PRACTICE_CACHE, version, JSON.stringify(view), r.now().toISOString())
    .catch(() => {});
  return view;
}

const PRACTICE_CACHE = 'practice.focus';
