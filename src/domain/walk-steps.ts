import { executiveOf } from './assistants.js';

// The paths a person would walk to reach someone (issue 13 §6): sideways to a peer rather than up
// to a manager and back down, to a leader through their assistant or chief of staff, and never
// over someone's head by default. Each hop between two people is a step of a kind; a step's
// penalty is added to the tie's cost (−log strength), so a detour through a lateral tie wins
// unless it is much weaker.

export const STEPS = ['lateral', 'up', 'down', 'skip-up', 'to-leader'] as const;
/**
 * lateral: neither manages the other; up: to one's own manager; down: to one's own report;
 * skip-up: to someone above one's manager in one's chain (over the manager's head); to-leader: an assistant or chief of staff
 * to their executive.
 */
export type Step = (typeof STEPS)[number];

/** Added to a hop's cost, in the units of −log strength (1 ≈ a tie 2.7 times weaker). */
export const STEP_PENALTY: Record<Step, number> = {
  lateral: 0,
  'to-leader': 0,
  up: 0.25,
  down: 1.5,
  'skip-up': 1.5,
};
/** Going straight to a leader who has an assistant or chief of staff, past them. */
export const AROUND_GATEKEEPER_PENALTY = 0.5;

/** The org chart over node indices: -1 where there is nobody. */
export interface WalkOrg {
  manager: Int32Array;
  /** The executive an assistant or chief of staff is next to. */
  executive: Int32Array;
  /** 1 for a leader with an assistant or chief of staff. */
  hasGatekeeper: Uint8Array;
}

export function walkOrg(
  people: readonly { id: number; managerId: number | null; title?: string | null }[],
  indexOf: (id: number) => number | undefined,
): WalkOrg {
  const n = people.length;
  const manager = new Int32Array(n).fill(-1);
  const executive = new Int32Array(n).fill(-1);
  const hasGatekeeper = new Uint8Array(n);
  for (const p of people) {
    const i = indexOf(p.id);
    if (i === undefined) continue;
    const m = p.managerId === null ? undefined : indexOf(p.managerId);
    if (m !== undefined && m !== i) manager[i] = m;
    const e = executiveOf(p);
    const ei = e === null ? undefined : indexOf(e);
    if (ei !== undefined && ei !== i) {
      executive[i] = ei;
      hasGatekeeper[ei] = 1;
    }
  }
  return { manager, executive, hasGatekeeper };
}

/** The kind of step from u to v. */
export function stepOf(org: WalkOrg, u: number, v: number): Step {
  if (org.executive[u] === v) return 'to-leader';
  if (org.manager[u] === v) return 'up';
  if (org.manager[v] === u) return 'down';
  // Anyone above one's own manager in one's chain: going to them skips over the manager's head.
  let hops = 0;
  for (
    let m = org.manager[org.manager[u]!] ?? -1;
    m >= 0 && hops < org.manager.length;
    m = org.manager[m]!, hops++
  )
    if (m === v) return 'skip-up';
  return 'lateral';
}

/** What the step from u to v adds to the tie's cost. */
export function stepPenalty(org: WalkOrg, u: number, v: number): number {
  const step = stepOf(org, u, v);
  let penalty = STEP_PENALTY[step];
  // Their own reports, assistants and manager go to a leader directly; others through the gatekeeper.
  if (org.hasGatekeeper[v] && step !== 'to-leader' && step !== 'up' && org.manager[v] !== u) {
    penalty += AROUND_GATEKEEPER_PENALTY;
  }
  return penalty;
}

/**
 * Which hops of a walk go over someone's head: a step to one's manager's manager, or to the
 * manager of the next person in order to reach them (the step before a step down, unless that
 * step went down too: walking down one's own line is no escalation).
 */
export function escalations(org: WalkOrg, nodes: readonly number[]): boolean[] {
  const steps = nodes.slice(1).map((v, i) => stepOf(org, nodes[i]!, v));
  return steps.map((s, i) => s === 'skip-up' || (steps[i + 1] === 'down' && s !== 'down'));
}
