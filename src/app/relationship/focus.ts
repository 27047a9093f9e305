import * as z from 'zod';
import { AttentionView, ThanksOwed } from '../../contract/practice.js';
import { ageInDays } from '../../domain/balance.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { depositIdeas } from '../../domain/deposits.js';
import {
  type ConvertCandidate,
  convertsThatCanShow,
  type DepositDue,
  type FocusItem,
  focusList,
} from '../../domain/focus.js';
import { dueSteps } from '../../domain/plan.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import { quadrantOf } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { attentionFrom } from './attention.js';
import { balancesByPerson } from './capital.js';
import { nurtureFrom } from './nurture.js';
import { type Base, importanceFor, loadBase, loadSettings } from './relationship-data.js';
import { stagesFor } from './stages.js';
import { owedThanks } from './thanks.js';

/**
 * This week's few actions. The maps are reduced in the database to
 * the assessments that call for action and a count of stale ones per initiative; balances and
 * last contacts come from the ledger rollup; names are read only for the people listed.
 */
export async function focus(r: Rapport): Promise<FocusItem[]> {
  const now = r.now();
  const today = toDay(now);
  const [settings, me, initiatives] = await Promise.all([
    loadSettings(r),
    r.store.workspaces.me(r.ws),
    r.store.initiatives.list(r.ws),
  ]);
  const [maps, tiered, duePlans] = await Promise.all([
    r.store.relationship.focusAssessments(r.ws, {
      ...settings.map,
      stanceDrop: settings.review.stanceDrop,
      staleBefore: toDay(new Date(Date.parse(today) - settings.review.staleDays * DAY_MS)),
    }),
    r.store.relationship.people(r.ws, { tiered: true }),
    r.store.plans.withStepsDue(r.ws, today),
  ]);
  const flagged = maps.flagged.filter((a) => a.personId !== me);
  const drops = flagged.filter(
    (a) => a.previousStance !== null && a.previousStance - a.stance >= settings.review.stanceDrop,
  );
  const allConverts = flagged.filter((a) => quadrantOf(a.influence, a.stance, settings.map) === 'convert');
  // Only converts that can reach the list need names and balances: at 10,000 people that is a
  // few dozen rows instead of thousands.
  const listedAnyway = new Set([
    ...tiered.filter((p) => p.tier === 'partner').map((p) => p.id),
    ...drops.map((a) => a.personId),
    ...duePlans.map((p) => p.personId),
  ]);
  const showable = convertsThatCanShow(allConverts, listedAnyway, settings.focus.maxItems);
  const converts = allConverts.filter((a) => showable.has(a.personId));
  const named = new Set([
    ...converts.map((a) => a.personId),
    ...drops.map((a) => a.personId),
    ...maps.stale.map((m) => m.somePersonId),
    ...duePlans.map((p) => p.personId),
  ]);
  const [people, balances, overdue] = await Promise.all([
    r.store.relationship.people(r.ws, { ids: [...named] }),
    balancesByPerson(r, settings.balance.halfLifeDays, [...new Set(converts.map((c) => c.personId))]),
    nurtureFrom(r, { settings, me, people: tiered, byId: new Map(tiered.map((p) => [p.id, p])) }),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (id: number): string => byId.get(id)?.name ?? `#${id}`;
  const initiativeName = new Map(initiatives.map((i) => [i.id, i.name]));
  const initiativeOf = (id: number): string => initiativeName.get(id) ?? `#${id}`;

  const candidates: ConvertCandidate[] = converts.map((a) => {
    const b = balances.get(a.personId);
    return {
      id: a.personId,
      name: nameOf(a.personId),
      initiative: initiativeOf(a.initiativeId),
      influence: a.influence,
      stance: a.stance,
      daysSinceContact: b?.lastInteractionAt ? ageInDays(b.lastInteractionAt, now) : null,
      balance: b?.balance ?? 0,
      hasInterests: byId.get(a.personId)?.hasInterests ?? false,
    };
  });
  const practice = await practiceInputs(r, { settings, me, people: tiered, byId: new Map() });
  return focusList(
    {
      ...practice,
      converts: candidates,
      overdue,
      stanceDrops: drops.map((a) => ({
        id: a.personId,
        name: nameOf(a.personId),
        initiative: initiativeOf(a.initiativeId),
        from: a.previousStance!,
        to: a.stance,
        drop: a.previousStance! - a.stance,
      })),
      staleMaps: maps.stale.map((m) => ({
        initiative: initiativeOf(m.initiativeId),
        count: m.count,
        oldestDays: ageInDays(m.oldestAt, now),
        onlyName: m.count === 1 ? nameOf(m.somePersonId) : null,
      })),
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    },
    settings.focus,
  );
}

/** Trusted partners' next stage comes before a friend's of similar importance. */
const TIER_WEIGHT = { partner: 30, friend: 15, acquaintance: 0, none: 0 } as const;

/** People weighed for the next-stage and thank-you lines: a few more than the lines shown. */
const SHORTLIST = 20;

/**
 * The practices' candidates for the week: thanks owed past the setting's days (favours of the
 * window only), attention when lopsided past the severe threshold, and the next stage with the
 * people who matter most (trusted partners, friends, high influence on an active map) that is
 * not yet established. Each reads a bounded part of the ledger, so focus stays fast at scale.
 * `tiered.people` holds the tiered people only.
 */
async function practiceInputs(r: Rapport, tiered: Base) {
  const { settings, me } = tiered;
  const [{ owed, attention }, onMaps, depositsDue] = await Promise.all([
    dailyPractice(r, settings, me),
    r.store.practice.currentInfluence(r.ws, settings.map.influence),
    depositsBeforeAsks(r, settings, me),
  ]);
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
  const [scores, stages] = await Promise.all([importanceFor(r, settings, key), stagesFor(r, settings, key)]);
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

/** Days ahead in which a plan step with someone counts as an ask coming. */
const ASK_HORIZON_DAYS = 14;

/**
 * Asks coming (an open plan step due in the next two weeks) of people whose balance is at or
 * below `deposits.lowBalance`, with the first idea of their playbook entry: the deposit to make
 * before asking. Reads the few plans due, not the ledger.
 */
async function depositsBeforeAsks(
  r: Rapport,
  settings: RelationshipSettings,
  me: number | null,
): Promise<DepositDue[]> {
  const today = toDay(r.now());
  const horizon = toDay(new Date(Date.parse(today) + ASK_HORIZON_DAYS * DAY_MS));
  const plans = await r.store.plans.withStepsDue(r.ws, horizon);
  const next = new Map<number, { step: string; due: string }>();
  for (const plan of plans) {
    if (plan.personId === me) continue;
    for (const step of plan.steps) {
      // Steps due today or late are plan-step lines already.
      if (step.doneAt !== null || step.due <= today || step.due > horizon) continue;
      const seen = next.get(plan.personId);
      if (!seen || step.due < seen.due) next.set(plan.personId, { step: step.text, due: step.due });
    }
  }
  const ids = [...next.keys()];
  if (ids.length === 0) return [];
  const [balances, people] = await Promise.all([
    balancesByPerson(r, settings.balance.halfLifeDays, ids),
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
