import type { Explanation } from './explanation.js';
import type { Strategy } from './plan.js';

/** What a focus line is about, in the order lines of equal score are listed. */
export const FOCUS_KINDS = [
  'plan-step',
  'convert',
  'at-risk',
  'stance-drop',
  'overdrawn-champion',
  'never-engaged',
  'tier-mismatch',
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

export const round1 = (x: number): number => Math.round(x * 10) / 10;
