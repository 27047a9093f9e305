import { type Explanation, explain } from './explanation.js';
import type { ThanksOwed } from './gratitude.js';
import type { NurtureEntry } from './nurture.js';
import type { DueStep, Strategy } from './plan.js';
import { STRATEGY_LABELS } from './plan.js';
import type { RelationshipSettings } from './settings.js';

/** A high-influence detractor on an active initiative, with what the data says about them. */
export interface ConvertCandidate {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  stance: number;
  /** Whole days since the last interaction; null when never contacted. */
  daysSinceContact: number | null;
  balance: number;
  hasInterests: boolean;
}

/** What a focus line is about, in the order lines of equal score are listed. */
export const FOCUS_KINDS = [
  'plan-step',
  'convert',
  'stance-drop',
  'thanks',
  'deposit',
  'overdue-partner',
  'attention',
  'next-stage',
  'stale-assessments',
] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export interface FocusItem {
  kind: FocusKind;
  personId: number | null;
  name: string | null;
  initiative: string | null;
  /** What to do. */
  action: Explanation;
  /** Why it is on the list; more than one reason when a person qualifies several ways. */
  why: Explanation[];
  strategy: Strategy | null;
  /** 0–100; the list is ordered by it (docs/scoring.md). */
  score: number;
}

/** A stance that fell by at least the review threshold since the previous assessment. */
export interface StanceDrop {
  id: number;
  name: string;
  initiative: string;
  from: number;
  to: number;
  drop: number;
}

/** An initiative whose map has current assessments past the staleness limit. */
export interface StaleMap {
  initiative: string;
  count: number;
  oldestDays: number;
  /** The person's name when only one assessment is stale. */
  onlyName: string | null;
}

/** A person important to me whose relationship has not reached the established stage. */
export interface StageStep {
  id: number;
  name: string;
  importance: number;
  action: Explanation;
  why: Explanation;
}

export interface FocusInputs {
  converts: readonly ConvertCandidate[];
  overdue: readonly NurtureEntry[];
  stanceDrops: readonly StanceDrop[];
  staleMaps: readonly StaleMap[];
  dueSteps: readonly (DueStep & { name: string })[];
  /** Favours owed a thank-you for longer than the setting allows, most owed first. */
  thanks?: readonly ThanksOwed[];
  /** Directions short of attention, when the imbalance is severe. */
  attention?: readonly Explanation[];
  /** Next steps with important people not yet established, most important first. */
  stageSteps?: readonly StageStep[];
  /** Asks coming (a plan step due soon) of people whose balance is low, soonest first. */
  depositsDue?: readonly DepositDue[];
}

/** A deposit to make before an ask: the plan step coming, the balance, and an idea. */
export interface DepositDue {
  id: number;
  name: string;
  step: string;
  due: string;
  daysUntil: number;
  balance: number;
  idea: string;
  ideasFrom: string;
}

/** At most this many lines of one practice (thanks, next stage), so the week's list stays varied. */
const PER_PRACTICE = 2;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The improvement strategy the data points to for winning over a detractor. */
export function suggestStrategy(
  c: ConvertCandidate,
  noContactDays: number,
): { strategy: Strategy; action: Explanation; why: Explanation } {
  const personId = c.id;
  if (c.daysSinceContact === null || c.daysSinceContact >= noContactDays) {
    return {
      strategy: 'proactive',
      action: explain(
        'reach-out',
        { personId },
        `Be proactive: reach out to ${c.name} before you need something.`,
      ),
      why:
        c.daysSinceContact === null
          ? explain('never-contacted', { personId }, 'you have never logged an interaction with them')
          : explain(
              'no-recent-contact',
              { personId, days: c.daysSinceContact, limit: noContactDays },
              `no interaction for ${c.daysSinceContact} days`,
            ),
    };
  }
  if (c.balance < 0) {
    return {
      strategy: 'empathize',
      action: explain(
        'give-first',
        { personId },
        `Give before you ask: find out what ${c.name} needs and help with it.`,
      ),
      why: explain(
        'negative-balance',
        { personId, balance: c.balance },
        `your balance with them is ${c.balance}`,
      ),
    };
  }
  if (!c.hasInterests) {
    return {
      strategy: 'connect',
      action: explain(
        'learn-interests',
        { personId },
        `Build the personal connection with ${c.name}: learn their interests and common ground.`,
      ),
      why: explain('no-interests', { personId }, 'no interests recorded for them'),
    };
  }
  return {
    strategy: 'communicate',
    action: explain(
      'ask-what-would-change',
      { personId },
      `Improve communication with ${c.name}: ask what would change their mind.`,
    ),
    why: explain(
      'stance-not-moving',
      { personId, balance: c.balance, daysSinceContact: c.daysSinceContact },
      'regular contact and credit have not moved their stance',
    ),
  };
}

/** A person's strongest detractor placement comes first: most influence, then most opposed. */
const strongestFirst = (
  a: { influence: number; stance: number },
  b: { influence: number; stance: number },
): number => b.influence - a.influence || a.stance - b.stance;

const convertScore = (c: { influence: number; stance: number }): number =>
  round1((c.influence + Math.abs(c.stance)) / 2);

/**
 * The people whose "convert" line could reach a list of `maxItems`: the best `maxItems` by
 * score (with everyone tied at the edge), plus anyone listed for another reason, whose line
 * would carry the convert reason along. Everyone else is outranked by at least `maxItems`
 * other lines, so a caller can read names and balances for these people only.
 */
export function convertsThatCanShow(
  flagged: readonly { personId: number; influence: number; stance: number }[],
  listedAnyway: ReadonlySet<number>,
  maxItems: number,
): Set<number> {
  const best = new Map<number, { influence: number; stance: number }>();
  for (const a of flagged) {
    const seen = best.get(a.personId);
    if (!seen || strongestFirst(a, seen) < 0) best.set(a.personId, a);
  }
  const scores = [...best]
    .map(([id, a]) => ({ id, score: convertScore(a) }))
    .sort((x, y) => y.score - x.score);
  const edge = scores[Math.min(maxItems, scores.length) - 1]?.score ?? Number.POSITIVE_INFINITY;
  return new Set(scores.filter((x) => x.score >= edge || listedAnyway.has(x.id)).map((x) => x.id));
}

/**
 * This week's few actions: converts, due plan steps, falling stances,
 * overdue partners and stale maps, one item per person, best first, at most `maxItems`.
 */
export function focusList(inputs: FocusInputs, s: RelationshipSettings['focus']): FocusItem[] {
  const items: FocusItem[] = [];
  for (const d of inputs.dueSteps) {
    items.push({
      kind: 'plan-step',
      personId: d.personId,
      name: d.name,
      initiative: null,
      action: explain(
        'plan-step',
        { personId: d.personId, planId: d.planId, stepId: d.step.id, strategy: d.strategy },
        `${d.step.text} (plan for ${d.name}: ${STRATEGY_LABELS[d.strategy]}).`,
      ),
      why: [
        d.daysLate === 0
          ? explain(
              'step-due-today',
              { personId: d.personId, stepId: d.step.id, due: d.step.due },
              'the step is due today',
            )
          : explain(
              'step-late',
              { personId: d.personId, stepId: d.step.id, due: d.step.due, daysLate: d.daysLate },
              `the step was due ${d.step.due}, ${d.daysLate} days ago`,
            ),
      ],
      strategy: d.strategy,
      score: 80 + Math.min(20, d.daysLate),
    });
  }
  const strongest = new Map<number, ConvertCandidate[]>();
  for (const c of inputs.converts) strongest.set(c.id, [...(strongest.get(c.id) ?? []), c]);
  for (const list of strongest.values()) {
    list.sort(strongestFirst);
    const c = list[0]!;
    const hint = suggestStrategy(c, s.noContactDays);
    const others = list.slice(1).map((o) => o.initiative);
    items.push({
      kind: 'convert',
      personId: c.id,
      name: c.name,
      initiative: c.initiative,
      action: hint.action,
      why: [
        explain(
          'high-influence-detractor',
          {
            personId: c.id,
            initiative: c.initiative,
            influence: c.influence,
            stance: c.stance,
            alsoOn: others,
          },
          `high-influence detractor on ${c.initiative} (influence ${c.influence}, stance ${c.stance})` +
            (others.length > 0 ? `, also on ${others.join(', ')}` : ''),
        ),
        hint.why,
      ],
      strategy: hint.strategy,
      score: convertScore(c),
    });
  }
  for (const d of inputs.stanceDrops) {
    items.push({
      kind: 'stance-drop',
      personId: d.id,
      name: d.name,
      initiative: d.initiative,
      action: explain(
        'ask-what-changed',
        { personId: d.id, initiative: d.initiative },
        `Talk to ${d.name} about ${d.initiative}: find out what changed.`,
      ),
      why: [
        explain(
          'stance-fell',
          { personId: d.id, initiative: d.initiative, from: d.from, to: d.to, drop: d.drop },
          `stance on ${d.initiative} fell from ${d.from} to ${d.to}`,
        ),
      ],
      strategy: 'empathize',
      score: round1(40 + d.drop / 4),
    });
  }
  for (const m of inputs.staleMaps) {
    items.push({
      kind: 'stale-assessments',
      personId: null,
      name: null,
      initiative: m.initiative,
      action: explain(
        'revisit-map',
        { initiative: m.initiative, count: m.count },
        `Revisit the ${m.initiative} map: re-assess ${m.count === 1 && m.onlyName ? m.onlyName : `${m.count} people`}.`,
      ),
      why: [
        explain(
          'stale-assessments',
          { initiative: m.initiative, count: m.count, oldestDays: m.oldestDays },
          `${m.count} assessment${m.count === 1 ? ' is' : 's are'} stale, the oldest ${m.oldestDays} days old`,
        ),
      ],
      strategy: null,
      score: 20 + Math.min(30, m.count * 3),
    });
  }
  items.push(...practiceItems(inputs));
  for (const o of inputs.overdue) {
    if (o.tier !== 'partner') continue;
    items.push({
      kind: 'overdue-partner',
      personId: o.id,
      name: o.name,
      initiative: null,
      action: explain('get-in-touch', { personId: o.id }, `Get in touch with ${o.name}, a trusted partner.`),
      why: [o.reason],
      strategy: 'proactive',
      score: round1(30 + Math.min(40, (o.overdueDays / o.cadenceDays) * 20) + o.importance * 0.2),
    });
  }
  return mergePerPerson(items)
    .sort(
      (a, b) =>
        b.score - a.score || FOCUS_KINDS.indexOf(a.kind) - FOCUS_KINDS.indexOf(b.kind) || byLabel(a, b),
    )
    .slice(0, s.maxItems);
}

/** Thanks owed, attention short in a direction, and the next stage with important people. */
function practiceItems(inputs: FocusInputs): FocusItem[] {
  const items: FocusItem[] = [];
  for (const t of (inputs.thanks ?? []).slice(0, PER_PRACTICE)) {
    items.push({
      kind: 'thanks',
      personId: t.person.id,
      name: t.person.name,
      initiative: null,
      action: t.reason,
      why: [
        explain(
          'favour-unthanked',
          { personId: t.person.id, interactionId: t.interactionId, daysAgo: t.daysAgo },
          `they helped you ${t.daysAgo} days ago and no thank-you is logged since`,
        ),
      ],
      strategy: null,
      score: round1(30 + Math.min(25, t.daysAgo / 2) + t.importance * 0.2),
    });
  }
  const worst = [...(inputs.attention ?? [])].sort((a, b) => Number(b.params.gap) - Number(a.params.gap))[0];
  if (worst) {
    items.push({
      kind: 'attention',
      personId: null,
      name: null,
      initiative: null,
      action: explain(
        'rebalance-attention',
        { direction: worst.params.direction ?? null },
        `Spend time ${worst.params.direction === 'outside' ? 'outside' : worst.params.direction} this week: your attention is lopsided.`,
      ),
      why: [...(inputs.attention ?? [])],
      strategy: null,
      score: round1(35 + Math.min(25, Number(worst.params.gap) / 2)),
    });
  }
  for (const d of inputs.depositsDue ?? []) {
    items.push({
      kind: 'deposit',
      personId: d.id,
      name: d.name,
      initiative: null,
      action: explain(
        'deposit-before-ask',
        { personId: d.id, step: d.step, due: d.due, idea: d.idea, ideasFrom: d.ideasFrom },
        `Make a deposit with ${d.name} before "${d.step}" (due ${d.due}): ${d.idea}.`,
      ),
      why: [
        explain(
          'balance-low-before-ask',
          { personId: d.id, balance: d.balance, daysUntil: d.daysUntil },
          `your balance with them is ${d.balance > 0 ? '+' : ''}${d.balance.toFixed(2)} and the ask is ${d.daysUntil === 1 ? 'tomorrow' : `in ${d.daysUntil} days`}`,
        ),
      ],
      strategy: 'proactive',
      score: round1(50 + Math.max(0, 14 - d.daysUntil)),
    });
  }
  for (const st of (inputs.stageSteps ?? []).slice(0, PER_PRACTICE)) {
    items.push({
      kind: 'next-stage',
      personId: st.id,
      name: st.name,
      initiative: null,
      action: st.action,
      why: [st.why],
      strategy: 'connect',
      score: round1(20 + st.importance * 0.3),
    });
  }
  return items;
}

const byLabel = (a: FocusItem, b: FocusItem): number => {
  const x = a.name ?? a.initiative ?? '';
  const y = b.name ?? b.initiative ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** One line per person: the strongest reason leads, the others are added to its `why`. */
function mergePerPerson(items: FocusItem[]): FocusItem[] {
  const byPerson = new Map<number, FocusItem>();
  const out: FocusItem[] = [];
  const sorted = [...items].sort(
    (a, b) => b.score - a.score || FOCUS_KINDS.indexOf(a.kind) - FOCUS_KINDS.indexOf(b.kind),
  );
  for (const item of sorted) {
    if (item.personId === null) {
      out.push(item);
      continue;
    }
    const lead = byPerson.get(item.personId);
    if (lead) lead.why.push(...item.why);
    else {
      const copy = { ...item, why: [...item.why] };
      byPerson.set(item.personId, copy);
      out.push(copy);
    }
  }
  return out;
}
