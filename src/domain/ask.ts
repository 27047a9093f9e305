import { round2 } from './balance.js';
import { type Explanation, explain, signed } from './explanation.js';
import { type GoBetween, tiesText } from './go-between.js';
import type { RelationshipSettings } from './settings.js';

export const ASK_SIZES = ['small', 'medium', 'large'] as const;
export type AskSize = (typeof ASK_SIZES)[number];

export const VERDICTS = ['go', 'go-via', 'build-first', 'not-now', 'not-worth-it'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where the target sits for me: someone up my own management chain, and who my manager is. */
export interface AskContext {
  /** True when I have never logged anything with them (a first ask starts from neutral). */
  neverLogged: boolean;
  /** My direct manager, when the target is above them in my chain: raise it with them first. */
  chainRoute: { id: number; name: string } | null;
  /** Asks of them logged within the lean window. */
  recentAsks?: number;
  /** Whole days since the last deposit with them; null when there was none. */
  lastDepositDaysAgo?: number | null;
  /** Days past their care cadence (positive: out of touch); null without a cadence. */
  overdueDays?: number | null;
  /** A trusted partner or friend: a relationship not to overdraw for something minor. */
  important?: boolean;
  /** The ask matters to the initiative: worth spending on even where it is costly. */
  critical?: boolean;
}

export interface AskCheck {
  personId: number;
  name: string;
  size: AskSize;
  /** The capital the ask moves (negative). */
  cost: number;
  balanceBefore: number;
  balanceAfter: number;
  /** From the person's most influential current assessment on an active initiative; null if none. */
  stance: number | null;
  influence: number | null;
  initiative: string | null;
  allies: GoBetween[];
  verdict: Verdict;
  /** The verdict explained; `params.personIds` holds the target and, when routed, the ally. */
  reason: Explanation<AskReasonCode>;
}

export type AskReasonCode =
  | 'in-credit'
  | 'detractor-go-via'
  | 'overdrawn-go-via'
  | 'escalation'
  | 'powerful-detractor'
  | 'overdraws-important'
  | 'detractor-in-credit'
  | 'overdrawn'
  | 'first-small-ask'
  | 'small-ask-not-in-debt'
  | 'up-the-chain'
  | 'leaning-on'
  | 'deposit-too-fresh'
  | 'out-of-touch';

/**
 * Pick your battles: not now when I have been leaning on them, cashing in a fresh deposit or out
 * of touch; not worth it when a non-critical ask meets an influential detractor or would overdraw
 * a trusted relationship; else go when the balance stays non-negative and the person is not a
 * detractor, go via a go-between who can carry it, or build capital first.
 */
export function askCheck(
  target: {
    id: number;
    name: string;
    stance: number | null;
    influence: number | null;
    initiative: string | null;
  },
  balanceBefore: number,
  size: AskSize,
  allies: readonly GoBetween[],
  s: Pick<RelationshipSettings, 'ask' | 'map'>,
  context: AskContext = { neverLogged: false, chainRoute: null },
): AskCheck {
  const detractor = target.stance !== null && target.stance <= -s.map.stance;
  // Asking a supporter to act for a cause they back is less of a favour to you: half the cost.
  const supporter = target.stance !== null && target.stance >= s.map.stance;
  const cost = supporter ? s.ask[size] / 2 : s.ask[size];
  const after = round2(balanceBefore + cost);
  const stays = after >= 0;
  const base = { personId: target.id, name: target.name, size, cost, balanceBefore: round2(balanceBefore) };
  const where = target.initiative ? ` on ${target.initiative}` : '';
  const fall = `Your balance with ${target.name} would go from ${signed(round2(balanceBefore))} to ${signed(after)}`;
  let verdict: Verdict;
  let reason: Explanation<AskReasonCode>;
  const params = {
    personId: target.id,
    personIds: [target.id],
    size,
    balanceBefore: base.balanceBefore,
    balanceAfter: after,
    stance: target.stance,
    initiative: target.initiative,
  };
  const best = allies[0];
  let shown: GoBetween[] = [...allies];
  const asks = context.recentAsks ?? 0;
  const fresh = context.lastDepositDaysAgo ?? null;
  const overdue = context.overdueDays ?? null;
  if (asks >= s.ask.leanMax) {
    // Whatever the balance: a third ask in a month is leaning on them.
    verdict = 'not-now';
    reason = explain(
      'leaning-on',
      { ...params, recentAsks: asks, days: s.ask.leanDays },
      `You have asked ${target.name} ${asks === 1 ? 'once' : `${asks} times`} in the last ${s.ask.leanDays} days: you are leaning on ${target.name}. Give before you ask again.`,
    );
  } else if (size !== 'small' && fresh !== null && fresh < s.ask.settleDays) {
    verdict = 'not-now';
    reason = explain(
      'deposit-too-fresh',
      { ...params, daysAgo: fresh, settleDays: s.ask.settleDays },
      `Your last deposit with ${target.name} was ${fresh === 0 ? 'today' : fresh === 1 ? 'yesterday' : `${fresh} days ago`}: asking now cashes it in at once. Let it land for ${s.ask.settleDays} days.`,
    );
  } else if (size !== 'small' && overdue !== null && overdue > 0) {
    verdict = 'not-now';
    reason = explain(
      'out-of-touch',
      { ...params, overdueDays: overdue },
      `You are ${overdue} days past your cadence with ${target.name}: get in touch before a ${size} ask.`,
    );
  } else if (context.chainRoute && !detractor) {
    // Asking someone above my manager: my own chain is the way, not going around it.
    const m = context.chainRoute;
    verdict = 'go-via';
    reason = explain(
      'up-the-chain',
      { ...params, personIds: [target.id, m.id], allyId: m.id },
      `${target.name} is above your manager in your own reporting line: raise it with ${m.name} first, and let them take it up.`,
    );
    const known = allies.find((a) => a.id === m.id);
    shown = [
      {
        ...(known ?? { id: m.id, name: m.name, balance: 0, influence: null, strength: 1, score: 0 }),
        ties: ['your manager'],
        escalation: false,
      },
      ...allies.filter((a) => a.id !== m.id),
    ];
  } else if (
    !context.critical &&
    detractor &&
    target.influence !== null &&
    target.influence >= s.map.influence
  ) {
    verdict = 'not-worth-it';
    reason = explain(
      'powerful-detractor',
      { ...params, influence: target.influence },
      `${target.name} opposes ${target.initiative ?? 'your cause'} (stance ${signed(target.stance!)}) and has high influence (${target.influence}): an ask that is not critical spends capital where it hardens the opposition. Pick another battle; if it is critical, check it as critical to see the route.`,
    );
  } else if (!context.critical && context.important && size === 'large' && !stays) {
    verdict = 'not-worth-it';
    reason = explain(
      'overdraws-important',
      params,
      `${fall}: a large ask that is not critical would overdraw one of your closest relationships. Keep large asks of ${target.name} for what matters.`,
    );
  } else if (context.neverLogged && size === 'small' && !detractor) {
    verdict = 'go';
    reason = explain(
      'first-small-ask',
      params,
      `You have logged nothing with ${target.name} yet: a first small ask of someone who is not against you${where} starts from neutral, so go ahead (and log it, and the help you give back).`,
    );
  } else if (stays && !detractor) {
    verdict = 'go';
    const backs = supporter ? ` (they back ${target.initiative ?? 'the cause'}, so it costs half)` : '';
    reason = explain(
      'in-credit',
      { ...params, supporter },
      `${fall}${backs}, still in credit, and they are not a detractor${where}: go ahead.`,
    );
  } else if (size === 'small' && balanceBefore >= 0 && !detractor) {
    verdict = 'go';
    reason = explain(
      'small-ask-not-in-debt',
      params,
      `${fall}, but you are not in debt with ${target.name} and small asks are part of any working relationship: go ahead, and give something back soon.`,
    );
  } else if (best?.escalation) {
    verdict = 'go-via';
    reason = explain(
      'escalation',
      {
        ...params,
        personIds: [target.id, best.id],
        allyId: best.id,
        allyBalance: best.balance,
        ties: best.ties,
      },
      `Going over ${target.name}'s head: take it to ${best.name} (${tiesText(best.ties)}, balance ${signed(best.balance)}). Escalating costs goodwill with ${target.name}; use it when asking them, directly or through others, has failed.`,
    );
  } else if (best) {
    verdict = 'go-via';
    const problem = detractor
      ? `${target.name} is a detractor${where} (stance ${signed(target.stance!)}), so a direct ${size} ask risks hardening them`
      : `${fall}: overdrawn`;
    const sway = best.influence === null ? '' : `, influence ${best.influence}`;
    reason = explain(
      detractor ? 'detractor-go-via' : 'overdrawn-go-via',
      {
        ...params,
        personIds: [target.id, best.id],
        allyId: best.id,
        allyBalance: best.balance,
        ties: best.ties,
      },
      `${problem}. Go via ${best.name} (${tiesText(best.ties)}; balance ${signed(best.balance)}${sway}).`,
    );
  } else if (stays) {
    verdict = 'go';
    reason = explain(
      'detractor-in-credit',
      params,
      `${fall}, still in credit, but they are a detractor${where} and no ally is tied to them: ask, framed in their interests.`,
    );
  } else {
    verdict = 'build-first';
    reason = explain(
      'overdrawn',
      params,
      `${fall} and nobody with credit is tied to them: build capital first (help them, make an introduction) before a ${size} ask.`,
    );
  }
  return {
    ...base,
    balanceAfter: after,
    stance: target.stance,
    influence: target.influence,
    initiative: target.initiative,
    allies: shown,
    verdict,
    reason,
  };
}
