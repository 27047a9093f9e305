import type { GoBetweenView } from '../../contract/relationship.js';
import { round2 } from '../../domain/balance.js';
import { managementChain } from '../../domain/coverage.js';
import { DAY_MS } from '../../domain/dates.js';
import {
  type GoBetween,
  type GoBetweenCandidate,
  type GoBetweenTie,
  rankGoBetweens,
} from '../../domain/go-between.js';
import { MAX_TIE_WEIGHT, type TieKind } from '../../domain/influence.js';
import { readSettings } from '../../domain/settings.js';
import type { Rapport } from '../core/context.js';
import { balancesByPerson } from './capital.js';

/** A person as the go-between model needs them: where they sit and what team they are in. */
export interface OrgPerson {
  id: number;
  name: string;
  team: string | null;
  managerId: number | null;
}

// Seen from the target: a declared tie of theirs to X says X advises, is trusted by or sways them.
const FROM_TARGET: Record<TieKind, GoBetweenTie | null> = {
  advice: 'advises them',
  trust: 'trusted by them',
  influence: 'influences them',
  friction: null,
};
/** A go-between as results name people: `person: {id, name}` beside the reasons to use them. */
export function goBetweenView({ id, name, ...rest }: GoBetween): GoBetweenView {
  return { person: { id, name }, ...rest };
}

/** Being in one team is a tie, if a weak one next to a declared or a shared meeting. */
const SAME_TEAM_WEIGHT = 1;

/**
 * Who could carry an ask to `target` for me, best first (domain/go-between.ts has the rules).
 * `stances` holds each person's current assessment on the initiative in question, so someone
 * against the cause is never named; `ask` and `coalition` both come here.
 */
export async function goBetweensFor(
  r: Rapport,
  target: OrgPerson,
  context: {
    people: readonly OrgPerson[];
    me: number | null;
    stances: ReadonlyMap<number, { influence: number; stance: number }>;
    escalate: boolean;
  },
): Promise<GoBetween[]> {
  const all = await r.store.settings.all(r.ws);
  const settings = readSettings(all);
  const [declared, shared] = await Promise.all([
    r.store.network.tiesOf(r.ws, target.id),
    r.store.relationship.sharedInteractions(r.ws, target.id),
  ]);
  const ties = new Map<number, Map<GoBetweenTie, number>>();
  const add = (id: number, tie: GoBetweenTie, weight: number) => {
    if (id === target.id || id === context.me) return;
    const mine = ties.get(id) ?? new Map<GoBetweenTie, number>();
    mine.set(tie, Math.min(MAX_TIE_WEIGHT, (mine.get(tie) ?? 0) + weight));
    ties.set(id, mine);
  };
  for (const t of declared) {
    const tie =
      t.fromId === target.id ? FROM_TARGET[t.kind] : t.kind === 'friction' ? null : 'seeks their advice';
    if (tie) add(t.fromId === target.id ? t.toId : t.fromId, tie, t.weight);
  }
  // Shared meetings fade as the network's do: each counts 2^(−age / meeting half-life).
  const now = r.now().getTime();
  for (const s of shared) {
    const age = Math.max(0, (now - Date.parse(s.occurredAt)) / DAY_MS);
    add(s.personId, 'shared interaction', 2 ** (-age / settings.influence.meetingHalfLifeDays));
  }
  const team = target.team?.toLowerCase() ?? null;
  if (team !== null)
    for (const p of context.people)
      if (p.team?.toLowerCase() === team) add(p.id, 'same team', SAME_TEAM_WEIGHT);
  if (target.managerId !== null) add(target.managerId, 'their manager', settings.influence.reportingWeight);

  const above = new Set(managementChain(context.people, target.id));
  const byId = new Map(context.people.map((p) => [p.id, p]));
  const ids = [...ties.keys()].filter((id) => byId.has(id));
  // Above my manager in my own chain: my manager is the way up, whatever else ties us.
  const myChain = context.me === null ? [] : managementChain(context.people, context.me);
  const myManager = byId.get(myChain[0] ?? -1);
  const upMyChain = myManager !== undefined && myChain.indexOf(target.id) > 0;
  const balances = await balancesByPerson(r, settings.relationship, [
    ...ids,
    ...(upMyChain ? [myManager.id] : []),
  ]);
  const candidates: GoBetweenCandidate[] = ids.map((id) => {
    const p = byId.get(id)!;
    const on = context.stances.get(id);
    return {
      id,
      name: p.name,
      balance: balances.get(id)?.balance ?? 0,
      influence: on?.influence ?? null,
      stance: on?.stance ?? null,
      ties: [...ties.get(id)!].map(([tie, weight]) => ({ tie, weight })),
      relation: above.has(id)
        ? 'above'
        : managementChain(context.people, id).includes(target.id)
          ? 'below'
          : 'other',
    };
  });
  const ranked = rankGoBetweens(candidates, {
    detractorAt: settings.relationship.map.stance,
    escalate: context.escalate,
  });
  if (!upMyChain || !myManager) return ranked;
  const boss = myManager;
  if ((context.stances.get(boss.id)?.stance ?? 0) <= -settings.relationship.map.stance) return ranked;
  const known = ranked.find((g) => g.id === boss.id);
  const first: GoBetween = {
    ...(known ?? {
      id: boss.id,
      name: boss.name,
      balance: round2(balances.get(boss.id)?.balance ?? 0),
      influence: context.stances.get(boss.id)?.influence ?? null,
      strength: 1,
      score: 0,
    }),
    ties: ['your manager'],
    escalation: false,
  };
  return [first, ...ranked.filter((g) => g.id !== boss.id)];
}
