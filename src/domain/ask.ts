import { round2 } from './balance.js';
import type { RelationshipSettings } from './settings.js';
import { oneOf } from './validate.js';

export const ASK_SIZES = ['small', 'medium', 'large'] as const;
export type AskSize = (typeof ASK_SIZES)[number];
export const parseAskSize = (value: unknown): AskSize => oneOf('size', value, ASK_SIZES);

export type Tie = 'same team' | 'reporting line' | 'shared interaction';

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
): Ally[] {
  const team = target.team?.toLowerCase() ?? null;
  const allies: Ally[] = [];
  for (const p of people) {
    if (p.id === target.id || p.id === meId) continue;
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

export type Verdict = 'go' | 'build-first' | 'route-via-ally';

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
  reason: string;
}

const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));

/**
 * Pick your battles (DESIGN.md idea 5). Go when the balance stays non-negative and the person
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
): AskCheck {
  const cost = s.ask[size];
  const after = round2(balanceBefore + cost);
  const detractor = target.stance !== null && target.stance <= -s.map.stance;
  const stays = after >= 0;
  const base = { personId: target.id, name: target.name, size, cost, balanceBefore: round2(balanceBefore) };
  const where = target.initiative ? ` on ${target.initiative}` : '';
  const fall = `Your balance with ${target.name} would go from ${signed(round2(balanceBefore))} to ${signed(after)}`;
  let verdict: Verdict;
  let reason: string;
  const best = allies[0];
  if (stays && !detractor) {
    verdict = 'go';
    reason = `${fall}, still in credit, and they are not a detractor${where}: go ahead.`;
  } else if (best) {
    verdict = 'route-via-ally';
    const problem = detractor
      ? `${target.name} is a detractor${where} (stance ${signed(target.stance!)}), so a direct ${size} ask risks hardening them`
      : `${fall}: overdrawn`;
    reason = `${problem}. Route it via ${best.name} (balance ${signed(best.balance)}, ${best.ties.join(', ')}).`;
  } else if (stays) {
    verdict = 'go';
    reason = `${fall}, still in credit, but they are a detractor${where} and no ally is tied to them: ask, framed in their interests.`;
  } else {
    verdict = 'build-first';
    reason = `${fall} and nobody with credit is tied to them: build capital first (help them, make an introduction) before a ${size} ask.`;
  }
  return {
    ...base,
    balanceAfter: after,
    stance: target.stance,
    influence: target.influence,
    initiative: target.initiative,
    allies: [...allies],
    verdict,
    reason,
  };
}
