import * as z from 'zod';
import { MAX_TIE_WEIGHT, MIN_TIE_WEIGHT, TIE_KINDS, TIE_SOURCES } from '../domain/influence.js';
import { STEPS } from '../domain/walk-steps.js';
import {
  countOf,
  Explanation,
  InitiativeName,
  initiativeRef,
  oneOf,
  PersonName,
  personRef,
  wholeNumber,
} from './common.js';
import { InitiativeInput } from './map.js';
import { GoBetween } from './relationship.js';

export const NETWORK_FORMATS = ['graphml', 'gexf', 'csv'] as const;

export const InfluenceInput = z
  .object({
    /** How many people the report lists at the top. */
    top: countOf('top').default(10),
    /** Which ties make the network; default all. */
    sources: z
      .array(oneOf('sources', TIE_SOURCES))
      .min(1, { error: `sources needs one or more of ${TIE_SOURCES.join(', ')}.` })
      .transform((s) => [...new Set(s)])
      .default([...TIE_SOURCES]),
    /** Brokerage uses tie strength (stronger = shorter). */
    weighted: z.boolean().default(false),
  })
  .default({ top: 10, sources: [...TIE_SOURCES], weighted: false });
export type InfluenceInput = z.input<typeof InfluenceInput>;

export const PathInput = z.object({
  from: personRef('from'),
  to: personRef('to'),
  /** How many distinct paths. */
  k: wholeNumber('k', 1, 20).default(3),
});
export type PathInput = z.input<typeof PathInput>;

/** The initiative whose converts to reach. */
export const CoalitionInput = InitiativeInput;
export type CoalitionInput = z.input<typeof CoalitionInput>;

export const TieInput = z.object({
  from: personRef('from'),
  to: personRef('to'),
  kind: oneOf('kind', TIE_KINDS).default('advice'),
  weight: wholeNumber('weight', MIN_TIE_WEIGHT, MAX_TIE_WEIGHT).default(3),
});
export type TieInput = z.input<typeof TieInput>;

export const RemoveTieInput = z.object({
  from: personRef('from'),
  to: personRef('to'),
  /** One kind, or every kind when absent. */
  kind: oneOf('kind', TIE_KINDS).optional(),
});
export type RemoveTieInput = z.input<typeof RemoveTieInput>;

export const NetworkExportInput = z.object({
  format: oneOf('format', NETWORK_FORMATS).default('graphml'),
  weighted: z.boolean().default(false),
});
export type NetworkExportInput = z.input<typeof NetworkExportInput>;

/** The network to draw: coloured by stance on one initiative when given, else by department. */
export const NetworkDrawingInput = z.object({
  initiative: initiativeRef().optional(),
});
export type NetworkDrawingInput = z.input<typeof NetworkDrawingInput>;

export const NetworkDrawing = z.object({
  /** The initiative the stances are on, or null. */
  initiative: InitiativeName.nullable(),
  nodes: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      department: z.string().nullable(),
      /** PageRank share (sums to 1). */
      influence: z.number(),
      /** The latest assessed stance on the initiative (−100…+100), or null when not assessed. */
      stance: z.number().nullable(),
      /** Louvain community, to seed the layout. */
      community: z.number(),
      hidden: z.boolean(),
      gatekeeper: z.boolean(),
    }),
  ),
  ties: z.array(z.object({ source: z.number(), target: z.number(), weight: z.number() })),
});
export type NetworkDrawing = z.infer<typeof NetworkDrawing>;

export const InfluenceEntry = z.object({
  person: PersonName,
  level: z.number().nullable(),
  /** PageRank: the shares sum to 1 over everyone. */
  influence: z.number(),
  influenceRank: z.number(),
  /** Betweenness, normalised as NetworkX's (0–1). */
  brokerage: z.number(),
  hidden: z.boolean(),
  gatekeeper: z.boolean(),
  community: z.number(),
  reasons: z.array(Explanation),
});
export type InfluenceEntry = z.infer<typeof InfluenceEntry>;

export const CommunitySummary = z.object({
  id: z.number(),
  size: z.number(),
  /** The most common department, or null when nobody has one. */
  department: z.string().nullable(),
  /** Its share of the members, 0–1. */
  departmentShare: z.number(),
  leader: PersonName,
  /** Members I have logged an interaction with. */
  knownByMe: z.number(),
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;

/** `influence`: rank, brokers, hidden influencers, gatekeepers and communities. */
export const InfluenceReport = z.object({
  version: z.string(),
  sources: z.array(z.enum(TIE_SOURCES)),
  weighted: z.boolean(),
  people: z.number(),
  ties: z.number(),
  brokerage: z.object({
    exact: z.boolean(),
    sources: z.number(),
    errorBound: z.number(),
    confidence: z.number(),
  }),
  modularity: z.number(),
  top: z.array(InfluenceEntry),
  hiddenCount: z.number(),
  gatekeeperCount: z.number(),
  /** The strongest hundred of each, by influence rank. */
  hiddenInfluencers: z.array(InfluenceEntry),
  gatekeepers: z.array(InfluenceEntry),
  communities: z.array(CommunitySummary),
  /** True when served from the cache of this network version. */
  cached: z.boolean(),
});
export type InfluenceReport = z.infer<typeof InfluenceReport>;

/** What ties a hop: a declared kind, a reporting line, shared meetings or my own log. */
export const HOP_KINDS = ['advice', 'influence', 'trust', 'reporting', 'meetings', 'mine'] as const;
/**
 * Which way the tie runs along the hop: forward when `from` goes to `to` ("A goes to B for
 * advice", "A reports to B"), backward when `to` goes to `from`, both for shared meetings.
 */
export const HOP_DIRECTIONS = ['forward', 'backward', 'both'] as const;

export const Hop = z.object({
  from: PersonName,
  to: PersonName,
  /** 0–1: the merged tie weight over the strongest tie's. */
  strength: z.number(),
  /** The strongest tie behind the hop: its kind and which way it runs. */
  kind: z.enum(HOP_KINDS),
  direction: z.enum(HOP_DIRECTIONS),
  /** Where `to` sits from `from`: lateral, up (their manager), down (their report), skip-up (their manager's manager), to-leader (an assistant or chief of staff to their executive). */
  step: z.enum(STEPS),
  /** The hop goes over someone's head: to one's manager's manager, or to the next person's manager to reach them. */
  escalation: z.boolean(),
  /** Every tie behind the hop, `from` the subject of each sentence. */
  why: z.array(Explanation),
});

export const InfluencePath = z.object({
  /** The product of the hops' tie strengths, 0–1. */
  strength: z.number(),
  /**
   * What paths are ranked by, 0–1: the strength discounted for the steps a person would rather not
   * take (up and back down, over a head, past a gatekeeper); see docs/scoring.md.
   */
  score: z.number(),
  people: z.array(PersonName),
  hops: z.array(Hop),
});
export type InfluencePath = z.infer<typeof InfluencePath>;

/** `paths FROM TO`: the strongest few, best first. */
export const PathsResult = z.array(InfluencePath);

/** A declared tie: FROM goes to TO for advice (or trusts, is swayed by, has friction with). */
export const TieView = z.object({
  id: z.number(),
  from: PersonName,
  to: PersonName,
  kind: z.enum(TIE_KINDS),
  weight: z.number(),
  createdAt: z.string(),
});
export type TieView = z.infer<typeof TieView>;
/** `ties`. */
export const TiesResult = z.array(TieView);

/** `tie FROM TO`: what was declared and whether it was new. */
export const DeclaredTie = z.object({
  from: PersonName,
  to: PersonName,
  kind: z.enum(TIE_KINDS),
  weight: z.number(),
  /** unchanged: the same tie with the same weight was already declared. */
  status: z.enum(['created', 'updated', 'unchanged']),
});
export type DeclaredTie = z.infer<typeof DeclaredTie>;

/** `untie FROM TO`. */
export const RemovedTies = z.object({ removed: z.number() });

const CoalitionLine = z.object({
  /** The convert (or the neutral at risk) and their place on the map. */
  person: PersonName,
  influence: z.number(),
  stance: z.number(),
  /** The strongest path from a champion or ally, never through a detractor or me; null when none. */
  path: InfluencePath.nullable(),
  /** Whom `ask` would name to carry the conversation; null when nobody tied to them holds credit. */
  goBetween: GoBetween.nullable(),
  /** With no path: the supporter to meet first, and why. */
  meetFirst: z.object({ person: PersonName, reason: Explanation }).nullable(),
});
export type CoalitionLine = z.infer<typeof CoalitionLine>;

/** `coalition`: how to reach each convert, and the neutrals drifting towards opposition. */
export const CoalitionView = z.object({
  initiative: InitiativeName,
  lines: z.array(CoalitionLine),
  atRisk: z.array(CoalitionLine),
});
export type CoalitionView = z.infer<typeof CoalitionView>;
