// The shapes the web app reads and writes. They mirror the use-case contract's results
// (src/contract) name for name; each becomes a re-export of the contract's inferred type as
// that lands on main, so the browser is typed from the same schemas the API validates with.

export const TIERS = ['partner', 'friend', 'acquaintance', 'none'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  partner: 'Trusted partner',
  friend: 'Friend',
  acquaintance: 'Acquaintance',
  none: 'No tier',
};
export const CATEGORIES = ['own-team', 'stakeholder', 'other-team', 'provider', 'client'] as const;
export type Category = (typeof CATEGORIES)[number];
export const DIRECTIONS = ['up', 'down', 'across', 'outside'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const INTERACTION_KINDS = [
  'meeting',
  'coffee',
  'lunch',
  'call',
  'message',
  'help-given',
  'introduction-made',
  'gratitude',
  'feedback-given',
  'help-received',
  'ask',
  'refusal',
  'escalation',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const STRATEGIES = ['empathize', 'proactive', 'communicate', 'connect'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const ASK_SIZES = ['small', 'medium', 'large'] as const;
export type AskSize = (typeof ASK_SIZES)[number];
export const QUADRANTS = ['champion', 'convert', 'ally', 'monitor', 'neutral'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface Explanation {
  code: string;
  params: Record<string, string | number | boolean | null | (string | number)[]>;
  text: string;
}
export interface PersonName {
  id: number;
  name: string;
}

export interface Session {
  user: { id: number; email: string; name: string | null };
  workspace: { id: number; name: string; role: 'owner' | 'editor' | 'viewer' };
}
export interface SetupState {
  /** False on a fresh instance: the first visit creates the owner. */
  hasOwner: boolean;
}

export interface PersonView {
  id: number;
  name: string;
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  managerId: number | null;
  manager: string | null;
  emails: string[];
  phone: string | null;
  company: string | null;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** List extras the people table sorts and filters by (the API's list view). */
  importance?: number | null;
  balance?: number | null;
  lastInteractionAt?: string | null;
  direction?: Direction | null;
  overdue?: boolean;
  initiatives?: number[];
}
export interface PersonDetail extends PersonView {
  isMe: boolean;
  reports: PersonName[];
  interactions: { count: number; lastAt: string | null };
  assessments: {
    initiativeId: number;
    initiative: string;
    influence: number;
    stance: number;
    interconnectedness: number | null;
    assessedAt: string;
    note: string | null;
  }[];
}
export type AddPersonInput = Partial<Omit<PersonView, 'id' | 'createdAt' | 'updatedAt' | 'manager'>> & {
  name: string;
};

export interface FocusItem {
  kind: 'plan-step' | 'convert' | 'stance-drop' | 'overdue-partner' | 'stale-assessments';
  personId: number | null;
  name: string | null;
  initiative: string | null;
  action: Explanation;
  why: Explanation[];
  strategy: Strategy | null;
  score: number;
}
export interface NurtureEntry {
  id: number;
  name: string;
  tier: Tier;
  cadenceDays: number;
  daysSince: number;
  overdueDays: number;
  importance: number;
  lastInteractionAt: string | null;
  priority: number;
  reason: Explanation;
}
export interface LogInput {
  people: (number | string)[];
  kind?: InteractionKind;
  capital?: number | null;
  note?: string | null;
  initiative?: number | string;
  date?: string;
  shared?: boolean;
}
export interface LedgerLine {
  id: number;
  occurredAt: string;
  kind: InteractionKind;
  capital: number;
  note: string | null;
  initiative: string | null;
  with: PersonName[];
}
export interface LedgerView {
  personId: number;
  name: string;
  entries: LedgerLine[];
  totals: { entries: number; deposits: number; withdrawals: number; net: number };
}
export interface PersonBalance {
  personId: number;
  name: string;
  balance: number;
  deposits: number;
  withdrawals: number;
  lastInteractionAt: string | null;
  halfLifeDays: number;
}
export interface AskCheck {
  personId: number;
  name: string;
  size: AskSize;
  cost: number;
  balanceBefore: number;
  balanceAfter: number;
  stance: number | null;
  influence: number | null;
  initiative: string | null;
  allies: { id: number; name: string; balance: number; ties: string[] }[];
  verdict: 'go' | 'build-first' | 'route-via-ally';
  reason: Explanation;
}
type TierCounts = Record<Tier, number> & { total: number };
export interface Coverage {
  me: { id: number; level: number };
  meName: string;
  directions: Record<Direction, TierCounts>;
  downOutsideTeam: TierCounts;
  gaps: Explanation[];
}
export interface Initiative {
  id: number;
  name: string;
  description: string | null;
  status: string;
  createdAt: string;
  archivedAt: string | null;
}
export interface MapEntry {
  id: number;
  name: string;
  influence: number;
  stance: number;
  assessedAt: string;
  trend: { influence: number; stance: number } | null;
  trendNote: Explanation;
}
export interface MapView {
  initiative: string;
  initiativeId: number;
  at: string | null;
  thresholds: { influence: number; stance: number };
  quadrants: Record<Quadrant, MapEntry[]>;
}
export interface AssessInput {
  person: number | string;
  initiative: number | string;
  influence: number;
  stance: number;
  note?: string | null;
}
export interface Assessment {
  id: number;
  personId: number;
  initiativeId: number;
  influence: number;
  stance: number;
  assessedAt: string;
}
export interface PlanStep {
  id: number;
  personId: number;
  strategy: Strategy;
  step: string;
  due: string;
  doneAt: string | null;
}
export interface Note {
  id: number;
  personId: number;
  body: string;
  shared: boolean;
  author: string;
  createdAt: string;
}
export interface InfluenceEntry {
  id: number;
  name: string;
  level: number | null;
  influence: number;
  influenceRank: number;
  brokerage: number;
  hidden: boolean;
  gatekeeper: boolean;
  community: number;
  reasons: Explanation[];
}
export interface InfluencePath {
  strength: number;
  people: PersonName[];
  hops: { from: PersonName; to: PersonName; strength: number; why: Explanation[] }[];
}
export interface NetworkGraph {
  nodes: {
    id: number;
    name: string;
    department: string | null;
    influence: number;
    stance: number | null;
    hidden: boolean;
    gatekeeper: boolean;
  }[];
  ties: { source: number; target: number; weight: number }[];
}
export interface OnboardingView {
  me: PersonName | null;
  partners: Record<Direction, PersonName[]>;
  lists: { id: number; name: string; items: { person: PersonName; why: string | null; met: boolean }[] }[];
  suggestions: { person: PersonName; reason: Explanation }[];
}
export interface ImportPreview {
  format: string;
  created: number;
  matched: number;
  skipped: number;
  errors: { line: number; message: string }[];
  dryRun: boolean;
}
export interface SettingsView {
  cadences: Record<Exclude<Tier, 'none'>, number>;
  halfLifeDays: number;
  thresholds: { influence: number; stance: number; staleDays: number };
}
export interface Member {
  id: number;
  email: string;
  name: string | null;
  role: 'owner' | 'editor' | 'viewer';
}
export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Only in the answer that creates it. */
  token?: string;
}
