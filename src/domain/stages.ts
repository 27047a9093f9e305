import { type Explanation, explain } from './explanation.js';
import { foldName } from './names.js';

/**
 * A relationship is built in stages: find common ground and meet informally (new → engaged),
 * then keep meeting (engaged → established).
 */
export const STAGES = ['new', 'engaged', 'established'] as const;
export type Stage = (typeof STAGES)[number];

/** Kinds that are informal contact: the personal connection, not a work meeting. */
export const INFORMAL_KINDS = ['coffee', 'lunch'] as const;

export interface StageInputs {
  /** Informal contacts ever. */
  informal: number;
  /** One-to-one interactions within the window. */
  oneToOne: number;
}

/** new: no informal contact yet; engaged: at least one; established: and repeated one-to-ones. */
export function stageOf(e: StageInputs, established: number): Stage {
  if (e.informal === 0) return 'new';
  return e.oneToOne >= established ? 'established' : 'engaged';
}

/** Interests both sides recorded, as I wrote them, compared without case or accents. */
export function commonGround(mine: readonly string[], theirs: readonly string[]): string[] {
  const theirSet = new Set(theirs.map(foldName));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const i of mine) {
    const k = foldName(i);
    if (k !== '' && theirSet.has(k) && !seen.has(k)) {
      seen.add(k);
      out.push(i.trim());
    }
  }
  return out;
}

const both = (shared: readonly string[]): string =>
  shared.length === 1 ? shared[0]! : `${shared.slice(0, -1).join(', ')} and ${shared.at(-1)}`;

/**
 * The next step toward the next stage: for a new contact, an informal meeting (on common ground
 * when there is some) or first learning what they care about; for an engaged one, making the
 * contact regular. Null once established.
 */
export function nextStageStep(
  p: { id: number; name: string; interests: readonly string[] },
  stage: Stage,
  shared: readonly string[],
  e: StageInputs,
  s: { established: number; windowDays: number },
): { action: Explanation; why: Explanation } | null {
  const personId = p.id;
  if (stage === 'established') return null;
  if (stage === 'new') {
    if (p.interests.length === 0) {
      return {
        action: explain('learn-what-they-care-about', { personId }, `Learn what ${p.name} cares about.`),
        why: explain(
          'stage-new-no-interests',
          { personId, stage },
          'you have not met informally and no interests are recorded for them',
        ),
      };
    }
    return {
      action: explain('invite-informally', { personId, shared: [...shared] }, `Invite ${p.name} for coffee.`),
      why: explain(
        'stage-new',
        { personId, stage, shared: [...shared] },
        `you have only met in formal settings${shared.length > 0 ? `; you both like ${both(shared)}` : ''}`,
      ),
    };
  }
  return {
    action: explain('make-it-regular', { personId }, `Make time with ${p.name} regular.`),
    why: explain(
      'stage-engaged',
      { personId, stage, oneToOne: e.oneToOne, needed: s.established, days: s.windowDays },
      `you have met informally, and had ${e.oneToOne} one-to-one${e.oneToOne === 1 ? '' : 's'} in ${s.windowDays} days (${s.established} make it established)` +
        (shared.length > 0 ? `; you both like ${both(shared)}` : ''),
    ),
  };
}
