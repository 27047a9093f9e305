// The shapes the web app reads and writes. Every use case's input and result comes from the
// contract (src/contract), the same zod schemas the API validates and documents with; imports are
// type-only, so no zod reaches the browser. The few shapes only the HTTP API has (session, notes,
// settings, members, tokens, network drawing) are declared here after
// docs/web-api.md until the server's schemas for them land.

import type { z } from 'zod';
import type {
  AskCheck,
  AddPersonInput as ContractAddPersonInput,
  AssessInput as ContractAssessInput,
  LogInput as ContractLogInput,
  PersonView as ContractPersonView,
  Coverage,
  Explanation as ExplanationSchema,
  FocusItem,
  ImportAnswer,
  ImportProgress as ImportProgressSchema,
  ImportStreamLine as ImportStreamLineSchema,
  Initiative as InitiativeSchema,
  LedgerLine,
  MapView,
  NetworkDrawing,
  NewOnboardingList,
  OnboardingListView,
  PersonName as PersonNameSchema,
} from '../../contract/index.js';

export type {
  AskCheck,
  Coverage,
  FocusItem,
  InfluenceEntry,
  InfluencePath,
  LedgerLine,
  LedgerView,
  MapView,
  NurtureEntry,
  OnboardingView,
  PersonBalance,
  PersonDetail,
} from '../../contract/index.js';
export type Explanation = z.infer<typeof ExplanationSchema>;
export type PersonName = z.infer<typeof PersonNameSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type MapEntry = MapView['quadrants']['champion'][number];
export type Tier = ContractPersonView['tier'];
export type Category = ContractPersonView['category'];
export type Direction = keyof Coverage['directions'];
export type InteractionKind = LedgerLine['kind'];
export type Strategy = NonNullable<FocusItem['strategy']>;
export type AskSize = AskCheck['size'];
export type Quadrant = keyof MapView['quadrants'];

// The choices a form offers, checked against the contract's enums so they cannot drift.
export const TIERS = ['partner', 'friend', 'acquaintance', 'none'] as const satisfies readonly Tier[];
export const TIER_LABELS: Record<Tier, string> = {
  partner: 'Trusted partner',
  friend: 'Friend',
  acquaintance: 'Acquaintance',
  none: 'No tier',
};
export const CATEGORIES = [
  'own-team',
  'stakeholder',
  'other-team',
  'provider',
  'client',
] as const satisfies readonly Category[];
export const DIRECTIONS = ['up', 'down', 'across', 'outside'] as const satisfies readonly Direction[];
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
  'introduction-received',
  'ask',
  'refusal',
  'escalation',
] as const satisfies readonly InteractionKind[];
export const STRATEGIES = [
  'empathize',
  'proactive',
  'communicate',
  'connect',
] as const satisfies readonly Strategy[];
export const ASK_SIZES = ['small', 'medium', 'large'] as const satisfies readonly AskSize[];

/** A person as the people list answers: the contract's view plus what the table sorts and filters by. */
export type PersonView = ContractPersonView & {
  importance?: number | null;
  balance?: number | null;
  lastInteractionAt?: string | null;
  direction?: Direction | null;
  overdue?: boolean;
  initiatives?: number[];
};
export type AddPersonInput = ContractAddPersonInput;
export type AssessInput = ContractAssessInput;
/** The contract's log input, and whether the entry is shared with the workspace (the API's). */
export type LogInput = ContractLogInput & { shared?: boolean };

export interface Session {
  user: { id: number; email: string; name: string | null };
  workspace: { id: number; name: string; role: 'owner' | 'editor' | 'viewer' };
}
export interface SetupState {
  /** False on a fresh instance: the first visit creates the owner. */
  hasOwner: boolean;
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
  person: PersonName;
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
export type NetworkGraph = NetworkDrawing;
export type { NewOnboardingList, OnboardingListView };
export type ImportPreview = z.infer<typeof ImportAnswer>;
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
export type ImportStreamLine = z.infer<typeof ImportStreamLineSchema>;
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
