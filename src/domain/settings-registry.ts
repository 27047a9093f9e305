import { DEFAULT_PLAYBOOK, type Playbook } from './deposits.js';
import { DEFAULT_INFLUENCE_SETTINGS, type InfluenceSettings } from './influence.js';

/**
 * The thresholds behind the relationship rules. Every number a rule compares against lives
 * here, so a workspace can tune it and an explanation can quote it.
 */
export interface RelationshipSettings {
  map: {
    /** Influence at or above this is "high" (champion / convert). */
    influence: number;
    /** |stance| at or above this is a supporter or detractor; below it, neutral. */
    stance: number;
  };
  balance: { halfLifeDays: number };
  cadence: { partner: number; friend: number; acquaintance: number };
  /** What counts as care for a cadence (domain/care.ts). */
  contact: {
    /** Meetings of more people than this, me included, are attendance, not care. */
    largeMeeting: number;
    /** Share of a cadence a small meeting restarts (a one-to-one restarts all of it). */
    groupShare: number;
  };
  importance: {
    weights: ImportanceWeights;
    windowDays: number;
    /** A longer window whose average rate keeps frequency from falling while I neglect someone. */
    longWindowDays: number;
    /** Interactions within the window that count as the full frequency score. */
    fullFrequency: number;
  };
  review: { staleDays: number; stanceDrop: number };
  ask: {
    small: number;
    medium: number;
    large: number;
    /** More asks of one person than this within `leanDays` is leaning on them. */
    leanMax: number;
    leanDays: number;
    /** A deposit younger than this has not landed yet: asking now is cashing in at once. */
    settleDays: number;
  };
  focus: { maxItems: number; noContactDays: number };
  thanks: { owedDays: number; windowDays: number };
  attention: { windowDays: number; imbalance: number; severe: number };
  stages: { established: number; windowDays: number };
  deposits: { lowBalance: number; playbook: Playbook };
  /** Company lists that give people imported from contact files their category. */
  import: { clients: string[]; providers: string[] };
}

export interface ImportanceWeights {
  frequency: number;
  interconnectedness: number;
  sway: number;
}

export const DEFAULT_SETTINGS: RelationshipSettings = {
  map: { influence: 50, stance: 20 },
  balance: { halfLifeDays: 180 },
  cadence: { partner: 14, friend: 30, acquaintance: 90 },
  contact: { largeMeeting: 6, groupShare: 0.5 },
  importance: {
    weights: { frequency: 0.4, interconnectedness: 0.3, sway: 0.3 },
    windowDays: 90,
    longWindowDays: 365,
    fullFrequency: 12,
  },
  review: { staleDays: 30, stanceDrop: 30 },
  ask: { small: -2, medium: -4, large: -8, leanMax: 2, leanDays: 30, settleDays: 3 },
  focus: { maxItems: 7, noContactDays: 60 },
  thanks: { owedDays: 7, windowDays: 90 },
  attention: { windowDays: 90, imbalance: 20, severe: 30 },
  stages: { established: 3, windowDays: 90 },
  deposits: { lowBalance: 1, playbook: DEFAULT_PLAYBOOK },
  import: { clients: [], providers: [] },
};

/**
 * One entry of the registry: what a key means, the values it takes and its default. `whole`
 * and `number` are bounded numbers; `weights` is the importance weights object.
 */
export interface SettingSpec {
  key: string;
  description: string;
  type: 'whole' | 'number' | 'weights' | 'playbook' | 'companies';
  min: number;
  max: number;
  default: number | ImportanceWeights | Playbook | string[];
}

const DAYS = { type: 'whole', min: 1, max: 3650 } as const;
const ASK = { type: 'whole', min: -100, max: -1 } as const;
export const WEIGHT_PARTS = ['frequency', 'interconnectedness', 'sway'] as const;
export const WEIGHTS_KEY = 'importance.weights';

/** What each influence setting means; the defaults are DEFAULT_INFLUENCE_SETTINGS. */
export const INFLUENCE_SPECS: Record<
  keyof InfluenceSettings,
  { description: string; type: 'whole' | 'number'; min: number; max: number }
> = {
  reportingWeight: {
    description: 'weight of the tie from a report to their manager',
    type: 'number',
    min: 0,
    max: 5,
  },
  meetingHalfLifeDays: { description: "days after which a shared meeting's tie counts half", ...DAYS },
  hiddenMargin: {
    description: 'influence percentile above seniority percentile that makes a hidden influencer',
    type: 'whole',
    min: 0,
    max: 100,
  },
  hiddenMinPercentile: {
    description: 'lowest influence percentile of a hidden influencer',
    type: 'whole',
    min: 0,
    max: 100,
  },
  seniorPercentile: {
    description: 'seniority percentile from which a person counts as senior',
    type: 'whole',
    min: 0,
    max: 100,
  },
  topInfluencers: {
    description: 'how many top-influence people gatekeepers are measured against',
    type: 'whole',
    min: 1,
    max: 1000,
  },
  strongTieWeight: {
    description: 'tie weight from which a tie counts as strong',
    type: 'number',
    min: 0,
    max: 5,
  },
  gatekeeperMinTies: {
    description: 'strong ties to top influencers that make a gatekeeper',
    type: 'whole',
    min: 1,
    max: 100,
  },
  exactBetweennessUpTo: {
    description: 'people up to which brokerage is exact (sampled above)',
    type: 'whole',
    min: 0,
    max: 10_000_000,
  },
  pivots: { description: 'pivots of sampled brokerage', type: 'whole', min: 1, max: 100_000 },
  seed: { description: 'seed of sampled brokerage and clusters', type: 'whole', min: 0, max: 2 ** 31 - 1 },
};

const RELATIONSHIP_SPECS: Omit<SettingSpec, 'default'>[] = [
  {
    key: 'map.influence',
    description: 'influence from which a person counts as high-influence',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'map.stance',
    description: 'stance from which a person is a supporter (+) or detractor (−)',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'balance.halfLifeDays',
    description: 'days after which a deposit or withdrawal counts half',
    ...DAYS,
  },
  { key: 'cadence.partner', description: 'care cadence of trusted partners, in days', ...DAYS },
  { key: 'cadence.friend', description: 'care cadence of friends, in days', ...DAYS },
  { key: 'cadence.acquaintance', description: 'care cadence of acquaintances, in days', ...DAYS },
  {
    key: 'contact.largeMeeting',
    description: 'people (you included) above which a meeting is not contact for a cadence',
    type: 'whole',
    min: 2,
    max: 1000,
  },
  {
    key: 'contact.groupShare',
    description: 'share of a cadence a small meeting restarts (a one-to-one restarts all)',
    type: 'number',
    min: 0,
    max: 1,
  },
  { key: 'importance.windowDays', description: 'days of interactions counted for frequency', ...DAYS },
  {
    key: 'importance.longWindowDays',
    description: 'longer window whose average rate frequency never falls below',
    ...DAYS,
  },
  {
    key: 'importance.fullFrequency',
    description: 'interactions within the window that give the full frequency score',
    type: 'whole',
    min: 1,
    max: 10_000,
  },
  {
    key: WEIGHTS_KEY,
    description: 'weights of frequency, interconnectedness, sway',
    type: 'weights',
    min: 0,
    max: Number.MAX_VALUE,
  },
  { key: 'review.staleDays', description: 'days after which an assessment is stale', ...DAYS },
  {
    key: 'review.stanceDrop',
    description: 'fall in stance since the previous assessment that is flagged',
    type: 'whole',
    min: 1,
    max: 200,
  },
  { key: 'ask.small', description: 'capital a small ask moves (negative)', ...ASK },
  { key: 'ask.medium', description: 'capital a medium ask moves (negative)', ...ASK },
  { key: 'ask.large', description: 'capital a large ask moves (negative)', ...ASK },
  {
    key: 'ask.leanMax',
    description: 'asks of one person within ask.leanDays before it is leaning on them',
    type: 'whole',
    min: 1,
    max: 100,
  },
  { key: 'ask.leanDays', description: 'days over which asks of one person are counted', ...DAYS },
  {
    key: 'ask.settleDays',
    description: 'days a deposit needs to land before a medium or large ask',
    type: 'whole',
    min: 0,
    max: 365,
  },
  { key: 'focus.maxItems', description: 'most items on the focus list', type: 'whole', min: 1, max: 50 },
  {
    key: 'focus.noContactDays',
    description: 'days without contact after which a detractor calls for being proactive',
    ...DAYS,
  },
  {
    key: 'thanks.owedDays',
    description: 'days after a favour from which an unsaid thank-you is in focus',
    ...DAYS,
  },
  { key: 'thanks.windowDays', description: 'days of thank-yous counted per direction', ...DAYS },
  { key: 'attention.windowDays', description: 'days of interactions counted for attention', ...DAYS },
  {
    key: 'attention.imbalance',
    description: 'points by which important relationships may outweigh interactions in a direction',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'attention.severe',
    description: 'points of imbalance from which attention is a focus item',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'stages.established',
    description: 'one-to-ones within the window that make a relationship established',
    type: 'whole',
    min: 1,
    max: 100,
  },
  { key: 'stages.windowDays', description: 'days of one-to-ones counted for the stage', ...DAYS },
  {
    key: 'deposits.lowBalance',
    description: 'balance at or below which a deposit is due',
    type: 'number',
    min: -100,
    max: 100,
  },
  {
    key: 'deposits.playbook',
    description: 'deposit ideas by department or category ({"Sales": ["join a customer call"]})',
    type: 'playbook',
    min: 0,
    max: 0,
  },
  {
    key: 'import.clients',
    description: 'companies whose people an import files as clients ("Globex, Initech")',
    type: 'companies',
    min: 0,
    max: 0,
  },
  {
    key: 'import.providers',
    description: 'companies whose people an import files as providers',
    type: 'companies',
    min: 0,
    max: 0,
  },
];

export const INFLUENCE_PREFIX = 'influence.';

/** A key's place in RelationshipSettings ("cadence.partner" → settings.cadence.partner). */
export const sectionOf = (key: string) => key.split('.') as [string, string];

/**
 * Every setting Rapport knows, flat keys and `influence.*` alike, in the order they are listed.
 * Stored, typed and restored values are all checked against this one table.
 */
export const SETTINGS_REGISTRY: readonly SettingSpec[] = [
  ...RELATIONSHIP_SPECS.map((s) => {
    const [section, field] = sectionOf(s.key);
    const value = (DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>)[section]![field];
    return { ...s, default: value as SettingSpec['default'] };
  }),
  ...(Object.keys(INFLUENCE_SPECS) as (keyof InfluenceSettings)[]).map((field) => ({
    key: `${INFLUENCE_PREFIX}${field}`,
    ...INFLUENCE_SPECS[field],
    default: DEFAULT_INFLUENCE_SETTINGS[field],
  })),
];
