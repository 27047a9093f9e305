import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ConvertCandidate } from '../../domain/focus.js';
import {
  atRiskScore,
  bestPerPerson,
  overdrawnChampionScore,
  tierMismatchScore,
} from '../../domain/focus-map.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import { commonGround, INFORMAL_KINDS } from '../../domain/stages.js';
import type { FlaggedAssessment, RelationshipPerson } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { balancesByPerson, type CapitalRead, refreshCapital } from './capital.js';

/** The high-influence placements behind the map lines of focus (domain/focus-map.ts). */
export interface MapPlacements {
  atRisk: FlaggedAssessment[];
  neverEngaged: FlaggedAssessment[];
  overdrawn: { personId: number; placement: FlaggedAssessment; balance: number }[];
  mismatches: FlaggedAssessment[];
}

/** How many people one batch of the never-met check asks about. */
const ENGAGEMENT_BATCH = 50;

/**
 * Sorts the flagged high-influence placements into the map lines, each kind cut to the people who
 * can reach the list (its `maxItems` best: more of one kind would outrank the rest). A never-met
 * line scores by influence alone, so the check walks people in order of influence, a batch at a
 * time, and stops once it has enough.
 */
export async function mapPlacements(
  r: Rapport,
  flagged: readonly FlaggedAssessment[],
  tiered: readonly RelationshipPerson[],
  settings: RelationshipSettings,
  read: CapitalRead = {},
): Promise<MapPlacements> {
  const { influence, stance } = settings.map;
  const influential = flagged.filter((a) => a.influence >= influence);
  const keep = settings.focus.maxItems;
  const atRisk = bestPerPerson(
    influential.filter(
      (a) =>
        a.stance > -stance && a.stance < stance && a.previousStance !== null && a.previousStance > a.stance,
    ),
    (a) => atRiskScore({ influence: a.influence, to: a.stance }, stance),
    keep,
  );
  const closeTier = new Set(
    tiered.filter((p) => p.tier === 'partner' || p.tier === 'friend').map((p) => p.id),
  );
  const mismatches = bestPerPerson(
    influential.filter((a) => a.stance <= -stance && closeTier.has(a.personId)),
    tierMismatchScore,
    keep,
  );
  const champions = influential.filter((a) => a.stance >= stance);
  if (!read.refreshed) await refreshCapital(r, settings);
  const overdrawn = await overdrawnChampions(r, settings, champions, keep);

  const byInfluence = [...influential.filter((a) => a.stance > -stance)].sort(
    (a, b) => b.influence - a.influence || a.personId - b.personId,
  );
  const neverMet = await neverMetAlone(r, [...new Set(byInfluence.map((a) => a.personId))], keep);
  return {
    atRisk,
    neverEngaged: byInfluence.filter((a) => neverMet.has(a.personId)),
    overdrawn,
    mismatches,
  };
}

/** How many champions one batch of the overdrawn check reads the balances of. */
const OVERDRAWN_BATCH = 50;

/**
 * The overdrawn champions that can reach the list: the `keep` best by score. A score grows
 * with influence and debt, and debt counts up to a cap, so each person's best possible score is
 * known before their balance is: balances are read a batch at a time, highest bound first, until
 * the `keep`-th score found beats every bound left (at scale a batch, not thousands of balances).
 * The rollup must be up to date.
 */
async function overdrawnChampions(
  r: Rapport,
  settings: RelationshipSettings,
  champions: readonly FlaggedAssessment[],
  keep: number,
): Promise<MapPlacements['overdrawn']> {
  const bound = new Map<number, number>();
  for (const a of champions) {
    const b = overdrawnChampionScore({ influence: a.influence, balance: Number.NEGATIVE_INFINITY });
    bound.set(a.personId, Math.max(bound.get(a.personId) ?? b, b));
  }
  const order = [...bound].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  const balances = new Map<number, number>();
  const best = new Map<number, number>();
  for (let i = 0; i < order.length; i += OVERDRAWN_BATCH) {
    const batch = order.slice(i, i + OVERDRAWN_BATCH);
    const read = await balancesByPerson(r, settings, batch, { refreshed: true });
    const wanted = new Set(batch);
    for (const id of batch) balances.set(id, read.get(id)?.balance ?? 0);
    for (const a of champions) {
      const balance = balances.get(a.personId)!;
      if (!wanted.has(a.personId) || balance >= 0) continue;
      const s = overdrawnChampionScore({ influence: a.influence, balance });
      best.set(a.personId, Math.max(best.get(a.personId) ?? s, s));
    }
    const next = order[i + OVERDRAWN_BATCH];
    const kth = [...best.values()].sort((x, y) => y - x)[keep - 1];
    if (next !== undefined && kth !== undefined && kth > bound.get(next)!) break;
  }
  return bestPerPerson(
    champions
      .filter((placement) => balances.has(placement.personId))
      .map((placement) => ({
        personId: placement.personId,
        placement,
        balance: balances.get(placement.personId)!,
      }))
      .filter((c) => c.balance < 0),
    (c) => overdrawnChampionScore({ influence: c.placement.influence, balance: c.balance }),
    keep,
  );
}

/** What a convert's strategy rests on, beyond influence, stance, contact and balance. */
export type ConvertEvidence = Pick<
  ConvertCandidate,
  'note' | 'communication' | 'contacts' | 'informal' | 'commonGround'
>;

const NEVER_MET_CACHE = 'focus.never-met';

/**
 * The first `keep` people of `order` never met one to one, asked a batch at a time. Kept per
 * ledger state and candidate list, like focus's practice view: most weeks the ledger changes far
 * less often than focus is read, and on PostgreSQL each batch is a few milliseconds of probes.
 */
async function neverMetAlone(r: Rapport, order: readonly number[], keep: number): Promise<Set<number>> {
  const ledger = await r.store.practice.ledgerMark(r.ws);
  const version = JSON.stringify([ledger, keep, createHash('sha1').update(order.join(',')).digest('base64')]);
  const hit = await r.store.network.cached(r.ws, NEVER_MET_CACHE, version);
  if (hit !== undefined) {
    const parsed = z.array(z.number()).safeParse(JSON.parse(hit));
    if (parsed.success) return new Set(parsed.data);
  }
  const neverMet = new Set<number>();
  for (let i = 0; i < order.length && neverMet.size < keep; i += ENGAGEMENT_BATCH) {
    const batch = order.slice(i, i + ENGAGEMENT_BATCH);
    const met = await r.store.practice.withOneToOne(r.ws, batch);
    for (const id of batch) if (!met.has(id) && neverMet.size < keep) neverMet.add(id);
  }
  // A database this process may only read still answers, uncached.
  await r.store.network
    .cache(r.ws, NEVER_MET_CACHE, version, JSON.stringify([...neverMet]), r.now().toISOString())
    .catch(() => {});
  return neverMet;
}

/**
 * What each convert's strategy rests on (domain/focus.ts `suggestStrategy`): their latest note
 * on the initiative, how they like to be communicated with, our contact, shared interests. Read
 * only for the converts a list shows; keyed by person id and initiative id.
 */
export async function withEvidence(
  r: Rapport,
  placements: readonly { id: number; initiativeId: number }[],
  me: number | null,
): Promise<Map<string, ConvertEvidence>> {
  const out = new Map<string, ConvertEvidence>();
  const ids = [...new Set(placements.map((c) => c.id))];
  if (ids.length === 0) return out;
  const [history, who, contacts, engaged] = await Promise.all([
    r.store.relationship.activeAssessments(r.ws, ids),
    r.store.practice.people(r.ws, me === null ? ids : [...ids, me]),
    r.store.relationship.contactStats(r.ws, '0000-01-01', ids),
    // Informal contacts only: a window starting after today skips counting each one's party.
    r.store.practice.engagement(r.ws, ids, { informalKinds: INFORMAL_KINDS, oneToOneSince: '9999-12-31' }),
  ]);
  const latestNote = new Map<string, string | null>();
  for (const a of history) latestNote.set(`${a.personId}:${a.initiativeId}`, a.note);
  const details = new Map(who.map((p) => [p.id, p]));
  const mine = me === null ? [] : (details.get(me)?.interests ?? []);
  for (const c of placements) {
    const key = `${c.id}:${c.initiativeId}`;
    const them = details.get(c.id);
    out.set(key, {
      note: latestNote.get(key) ?? null,
      communication: them?.communication ?? null,
      contacts: contacts.get(c.id)?.recent ?? 0,
      informal: engaged.get(c.id)?.informal ?? 0,
      commonGround: commonGround(mine, them?.interests ?? []),
    });
  }
  return out;
}
