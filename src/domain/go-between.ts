import { round2 } from './balance.js';
import { MAX_TIE_WEIGHT } from './influence.js';

/**
 * What ties a possible go-between to the person I want to reach, seen from that person:
 * "advises them" is a declared tie of theirs ("they go to X for advice").
 */
export const GO_BETWEEN_TIES = [
  'advises them',
  'trusted by them',
  'influences them',
  'seeks their advice',
  'shared interaction',
  'same team',
  'their manager',
  'your manager',
] as const;
export type GoBetweenTie = (typeof GO_BETWEEN_TIES)[number];

export interface GoBetweenCandidate {
  id: number;
  name: string;
  /** My balance with them: what I can ask of them. */
  balance: number;
  /** Their assessed influence (0–100) on the initiative in question; null when not assessed. */
  influence: number | null;
  /** Their stance on it; null when not assessed. */
  stance: number | null;
  /** Each tie to the target with its weight (0 … MAX_TIE_WEIGHT). */
  ties: { tie: GoBetweenTie; weight: number }[];
  /** Where they sit against the target: in the target's own reporting tree, above them, or neither. */
  relation: 'below' | 'above' | 'other';
}

export interface GoBetween {
  id: number;
  name: string;
  balance: number;
  influence: number | null;
  ties: GoBetweenTie[];
  /** Tie strength to the target, 0–1. */
  strength: number;
  /** strength × my balance with them × their influence (unassessed counts as 50): the order. */
  score: number;
  /** Going over the target's head: only when escalation was asked for. */
  escalation: boolean;
}

/** What an unassessed go-between's influence counts as: neither a lever nor a liability. */
const UNKNOWN_INFLUENCE = 50;
// A tie in the other direction ("they seek the target's advice") says they are heard less.
const WEIGHT_SHARE: Partial<Record<GoBetweenTie, number>> = { 'seeks their advice': 0.5 };

/**
 * The people who could carry an ask to someone for me, best first. One model for `ask` and
 * `coalition`, so the two never name different go-betweens for one target. A go-between must
 * not oppose the cause (a stance at or below −`detractorAt`), must hold credit with me, must
 * have a tie to the target, and must not be below the target (lobbying their own boss). People
 * above the target are going over their head: offered only when `escalate` is set.
 */
export function rankGoBetweens(
  candidates: readonly GoBetweenCandidate[],
  options: { detractorAt: number; escalate: boolean },
): GoBetween[] {
  const out: GoBetween[] = [];
  for (const c of candidates) {
    if (c.stance !== null && c.stance <= -options.detractorAt) continue;
    if (c.relation === 'below') continue;
    if (c.relation === 'above' && !options.escalate) continue;
    if (!(c.balance > 0) || c.ties.length === 0) continue;
    let weight = 0;
    for (const t of c.ties) weight += t.weight * (WEIGHT_SHARE[t.tie] ?? 1);
    const strength = Math.min(1, weight / MAX_TIE_WEIGHT);
    if (strength <= 0) continue;
    const influence = c.influence ?? UNKNOWN_INFLUENCE;
    out.push({
      id: c.id,
      name: c.name,
      balance: round2(c.balance),
      influence: c.influence,
      ties: [...new Set(c.ties.map((t) => t.tie))],
      strength: round2(strength),
      score: round2(strength * c.balance * (influence / 100)),
      escalation: c.relation === 'above',
    });
  }
  return out.sort((a, b) => b.score - a.score || b.strength - a.strength || a.id - b.id);
}

/** The ties a go-between's line names, most telling first, for a sentence. */
export function tiesText(ties: readonly GoBetweenTie[]): string {
  return [...ties].sort((a, b) => GO_BETWEEN_TIES.indexOf(a) - GO_BETWEEN_TIES.indexOf(b)).join(', ');
}
