import { type Explanation, explain } from './explanation.js';
import { FOCUS_KINDS, type FocusItem, round1 } from './focus-item.js';
import { type MapFocusInputs, mapFocusItems } from './focus-map.js';
import { type PracticeInputs, practiceItems } from './focus-practices.js';
import type { NurtureEntry } from './nurture.js';
import type { DueStep, Strategy } from './plan.js';
import { STRATEGY_LABELS } from './plan.js';
import type { RelationshipSettings } from './settings.js';

export { FOCUS_KINDS, type FocusItem, type FocusKind } from './focus-item.js';
export type { DepositDue, PracticeInputs, StageStep } from './focus-practices.js';

/** A high-influence detractor on an active initiative, with what the data says about them. */
export interface ConvertCandidate {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  stance: number;
  /** Whole days since the last real contact (a one-to-one or small meeting); null when none. */
  daysSinceContact: number | null;
  balance: number;
  hasInterests: boolean;
  /** The note of their latest assessment on this initiative: a concern they stated. */
  note?: string | null;
  /** How they like to be communicated with, as recorded on them. */
  communication?: string | null;
  /** Interactions with them ever, and how many were informal (coffee, lunch…). */
  contacts?: number;
  informal?: number;
  /** Interests they and I share. */
  commonGround?: readonly string[];
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

export interface FocusInputs extends PracticeInputs {
  converts: readonly ConvertCandidate[];
  overdue: readonly NurtureEntry[];
  stanceDrops: readonly StanceDrop[];
  map: MapFocusInputs;
  dueSteps: readonly (DueStep & { name: string })[];
}

/** Contact this thin leaves too little known to go on: learn about them first. */
const THIN_CONTACT = 3;

const quote = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return `“${t.length > 120 ? `${t.slice(0, 119)}…` : t}”`;
};

/**
 * The improvement strategy the evidence points to for winning over a detractor, with the
 * evidence it used (issue 13 §4): a stated concern → empathize with it; a communication
 * preference → communicate their way; no recent contact → be proactive; only formal contact →
 * connect informally, over a shared interest when there is one; overdrawn → give first; too little
 * known → learn their interests; else contact and credit have not moved them → an offer tied to
 * their goals.
 */
export function suggestStrategy(
  c: ConvertCandidate,
  noContactDays: number,
): { strategy: Strategy; action: Explanation; why: Explanation } {
  const personId = c.id;
  const contacts = c.contacts ?? 0;
  const informal = c.informal ?? 0;
  const shared = c.commonGround ?? [];
  if (c.note?.trim()) {
    return {
      strategy: 'empathize',
      action: explain(
        'address-concern',
        { personId, initiative: c.initiative },
        `Talk to ${c.name} about their concern, ${quote(c.note)}: show how ${c.initiative} answers it.`,
      ),
      why: explain(
        'stated-concern',
        { personId, note: c.note.trim() },
        `their latest assessment notes ${quote(c.note)}`,
      ),
    };
  }
  if (c.communication?.trim()) {
    return {
      strategy: 'communicate',
      action: explain(
        'communicate-their-way',
        { personId, initiative: c.initiative },
        `Make the case for ${c.initiative} to ${c.name} the way they take it in: ${quote(c.communication)}.`,
      ),
      why: explain(
        'communication-preference',
        { personId, communication: c.communication.trim() },
        `recorded preference: ${quote(c.communication)}`,
      ),
    };
  }
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
          ? explain('never-contacted', { personId }, 'you have never met them alone or in a small meeting')
          : explain(
              'no-recent-contact',
              { personId, days: c.daysSinceContact, limit: noContactDays },
              `no one-to-one or small meeting for ${c.daysSinceContact} days`,
            ),
    };
  }
  if (contacts > 0 && informal === 0) {
    const over = shared.length > 0 ? ` (you both like ${shared.slice(0, 2).join(' and ')})` : '';
    return {
      strategy: 'connect',
      action: explain(
        'meet-informally',
        { personId, commonGround: [...shared] },
        `Invite ${c.name} for coffee${over}: build the connection outside formal meetings.`,
      ),
      why: explain(
        'only-formal-contact',
        { personId, contacts, commonGround: [...shared] },
        `${contacts} interaction${contacts === 1 ? '' : 's'}, none informal${shared.length > 0 ? `; common ground: ${shared.join(', ')}` : ''}`,
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
  if (!c.hasInterests && contacts < THIN_CONTACT) {
    return {
      strategy: 'connect',
      action: explain(
        'learn-interests',
        { personId },
        `Build the personal connection with ${c.name}: learn their interests and common ground.`,
      ),
      why: explain(
        'no-interests',
        { personId, contacts },
        `no interests recorded for them and only ${contacts} interaction${contacts === 1 ? '' : 's'}`,
      ),
    };
  }
  return {
    strategy: 'proactive',
    action: explain(
      'offer-tied-to-goals',
      { personId, initiative: c.initiative },
      `Make ${c.name} an offer tied to their own goals on ${c.initiative}: what would they gain from it?`,
    ),
    why: explain(
      'stance-not-moving',
      { personId, balance: c.balance, daysSinceContact: c.daysSinceContact, contacts, informal },
      `${contacts} interactions (${informal} informal) and a balance of ${c.balance} have not moved their stance`,
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
 * This week's few actions: due plan steps, converts, falling stances, the map's other lines
 * (focus-map.ts), the practices' (focus-practices.ts) and overdue partners, one item per person,
 * best first, at most `maxItems`.
 */
export function focusList(
  inputs: FocusInputs,
  settings: Pick<RelationshipSettings, 'focus' | 'map' | 'review'>,
): FocusItem[] {
  const s = settings.focus;
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
  items.push(
    ...mapFocusItems(inputs.map, { detractorAt: settings.map.stance, staleDays: settings.review.staleDays }),
  );
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
