import { round2 } from './balance.js';
import { type Explanation, explain, signed } from './explanation.js';
import type { RelationshipSettings } from './settings.js';

export const ASK_SIZES = ['small', 'medium', 'large'] as const;
export type AskSize = (typeof ASK_SIZES)[number];

export type Tie = 'same team' | 'reporting line' | 'shared interaction' | 'your manager';

export interface Ally {
  id: number;
  name: string;
  balance: number;
  ties: Tie[];
}

export interface TiePerson {
  id: number;
  name: string;
  team: string | null;
  managerId: number | null;
}

/**
 * People who could carry an ask to `target` for me: a positive balance with me and a tie to
 * the target (same team, a direct reporting line, or a logged interaction with both of them).
 * Best-stocked first.
 */
export function findAllies(
  target: TiePerson,
  people: readonly TiePerson[],
  balanceOf: (personId: number) => number,
  sharedWithTarget: ReadonlySet<number>,
  meId: number | null,
  /** People who oppose the cause (detractors on the initiative in question): never go-betweens. */
  opposed: ReadonlySet<number> = new Set(),
): Ally[] {
  const team = target.team?.toLowerCase() ?? null;
  const allies: Ally[] = [];
  for (const p of people) {
    if (p.id === target.id || p.id === meId || opposed.has(p.id)) continue;
    // Someone who reports to the target would be lobbying their own boss: not a go-between.
    if (p.managerId === target.id) continue;
    const b = balanceOf(p.id);
    if (!(b > 0)) continue;
    const ties: Tie[] = [];
    if (team !== null && p.team?.toLowerCase() === team) ties.push('same team');
    if (p.managerId === target.id || target.managerId === p.id) ties.push('reporting line');
    if (sharedWithTarget.has(p.id)) ties.push('shared interaction');
    if (ties.length > 0) allies.push({ id: p.id, name: p.name, balance: b, ties });
  }
  return allies.sort((a, b) => b.balance - a.balance || a.id - b.id);
}

export const VERDICTS = ['go', 'route-via-ally', 'build-first', 'not-now'] as const;
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
  allies: Ally[];
  verdict: Verdict;
  /** The verdict explained; `params.personIds` holds the target and, when routed, the ally. */
  reason: Explanation<AskReasonCode>;
}

export type AskReasonCode =
  | 'in-credit'
  | 'detractor-route-via-ally'
  | 'overdrawn-route-via-ally'
  | 'detractor-in-credit'
  | 'overdrawn'
  | 'first-small-ask'
  | 'up-the-chain'
  | 'leaning-on'
  | 'deposit-too-fresh'
  | 'out-of-touch';

/**
 * Pick your battles. Go when the balance stays non-negative and the person
 * is not a detractor. Otherwise prefer an ally who can carry the ask; a detractor you still
 * have credit with may be asked directly; else build capital first.
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
  allies: readonly Ally[],
  s: Pick<RelationshipSettings, 'ask' | 'map'>,
  context: AskContext = { neverLogged: false, chainRoute: null },
): AskCheck {
  const cost = s.ask[size];
  const after = round2(balanceBefore + cost);
  const detractor = target.stance !== null && target.stance <= -s.map.stance;
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
  let shown: Ally[] = [...allies];
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
    verdict = 'route-via-ally';
    reason = explain(
      'up-the-chain',
      { ...params, personIds: [target.id, m.id], allyId: m.id },
      `${target.name} is above your manager in your own reporting line: raise it with ${m.name} first, and let them take it up.`,
    );
    shown = [
      { id: m.id, name: m.name, balance: 0, ties: ['your manager'] },
      ...allies.filter((a) => a.id !== m.id),
    ];
  } else if (context.neverLogged && size === 'small' && !detractor) {
    verdict = 'go';
    reason = explain(
      'first-small-ask',
      params,
      `You have logged nothing with ${target.name} yet: a first small ask of someone who is not against you${where} starts from neutral, so go ahead (and log it, and the help you give back).`,
    );
  } else if (stays && !detractor) {
    verdict = 'go';
    reason = explain(
      'in-credit',
      params,
      `${fall}, still in credit, and they are not a detractor${where}: go ahead.`,
    );
  } else if (best) {
    verdict = 'route-via-ally';
    const problem = detractor
      ? `${target.name} is a detractor${where} (stance ${signed(target.stance!)}), so a direct ${size} ask risks hardening them`
      : `${fall}: overdrawn`;
    reason = explain(
      detractor ? 'detractor-route-via-ally' : 'overdrawn-route-via-ally',
      {
        ...params,
        personIds: [target.id, best.id],
        allyId: best.id,
        allyBalance: best.balance,
        ties: best.ties,
      },
      `${problem}. Route it via ${best.name} (balance ${signed(best.balance)}, ${best.ties.join(', ')}).`,
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
