import * as z from 'zod';
import { INFLUENCE_RANGE, INTERCONNECTEDNESS_RANGE, STANCE_RANGE } from '../domain/assessment.js';
import { INITIATIVE_STATUSES } from '../domain/initiative.js';
import { QUADRANTS } from '../domain/stakeholder-map.js';
import {
  dateInput,
  Explanation,
  InitiativeName,
  initiativeRef,
  oneOf,
  optionalText,
  PersonName,
  personRef,
  text,
  wholeNumber,
} from './common.js';

export const AddInitiativeInput = z.object({
  name: text('name'),
  description: optionalText('description', 5000),
});
export type AddInitiativeInput = z.input<typeof AddInitiativeInput>;

export const ListInitiativesInput = z.object({ all: z.boolean().optional() }).optional();
export type ListInitiativesInput = z.input<typeof ListInitiativesInput>;

/** show, archive, coalition: one initiative. */
export const InitiativeInput = z.object({ initiative: initiativeRef() });
export type InitiativeInput = z.input<typeof InitiativeInput>;

export const AssessInput = z.object({
  person: personRef(),
  initiative: initiativeRef(),
  influence: wholeNumber('influence', INFLUENCE_RANGE.min, INFLUENCE_RANGE.max),
  stance: wholeNumber('stance', STANCE_RANGE.min, STANCE_RANGE.max),
  interconnectedness: wholeNumber(
    'interconnectedness',
    INTERCONNECTEDNESS_RANGE.min,
    INTERCONNECTEDNESS_RANGE.max,
  )
    .nullable()
    .optional(),
  note: optionalText('note', 5000),
  /** When this was true; default now, never in the future. */
  date: dateInput('date').optional(),
});
export type AssessInput = z.input<typeof AssessInput>;

export const MapInput = z.object({
  initiative: initiativeRef(),
  /** The map as it stood then; a bare day means the end of that day. */
  at: dateInput('at').optional(),
});
export type MapInput = z.input<typeof MapInput>;

export const Initiative = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(INITIATIVE_STATUSES),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});

export const MapEntry = z.object({
  person: PersonName,
  influence: z.number(),
  stance: z.number(),
  assessedAt: z.string(),
  /** Movement since the previous assessment on this initiative, or null for a first one. */
  /** The change since the previous assessment, made on `since` (a day). */
  trend: z.object({ influence: z.number(), stance: z.number(), since: z.string() }).nullable(),
  /** The trend in words ("first assessment", "unchanged since …", "influence +5, stance −10 since 2026-10-01"). */
  trendNote: Explanation,
});

/** `map`: one initiative's stakeholder map, optionally as it stood at a date. */
export const MapView = z.object({
  initiative: InitiativeName,
  /** The instant the map shows, or null for now. */
  at: z.string().nullable(),
  thresholds: z.object({ influence: z.number(), stance: z.number() }),
  quadrants: z.object(
    Object.fromEntries(QUADRANTS.map((q) => [q, z.array(MapEntry)])) as {
      [Q in (typeof QUADRANTS)[number]]: z.ZodArray<typeof MapEntry>;
    },
  ),
});
export type MapView = z.infer<typeof MapView>;

export const AssessmentIdInput = z.object({
  id: z
    .number({
      error: 'id must be the id of an assessment (a whole number; `assessments PERSON` shows them).',
    })
    .int()
    .positive(),
});
export type AssessmentIdInput = z.input<typeof AssessmentIdInput>;

/** The latest assessment of a person on an initiative, to take back. */
export const UndoAssessmentInput = z.object({ person: personRef(), initiative: initiativeRef() });
export type UndoAssessmentInput = z.input<typeof UndoAssessmentInput>;

export const MAP_FILE_FORMATS = ['excalidraw', 'svg', 'png'] as const;

export const MapFileInput = MapInput.extend({ format: oneOf('format', MAP_FILE_FORMATS) });
export type MapFileInput = z.input<typeof MapFileInput>;

/** One assessment as stored, with whom and which initiative it places. */
export const AssessmentView = z.object({
  id: z.number(),
  person: PersonName,
  initiative: InitiativeName,
  influence: z.number(),
  stance: z.number(),
  interconnectedness: z.number().nullable(),
  note: z.string().nullable(),
  assessedAt: z.string(),
});
export type AssessmentView = z.infer<typeof AssessmentView>;
/** `assessments PERSON`: every assessment of them, oldest first. */
export const AssessmentsResult = z.array(AssessmentView);

/** `assess`: the new assessment, and where the previous one on this initiative had them. */
export const AssessResult = AssessmentView.extend({
  previous: z.object({ influence: z.number(), stance: z.number(), assessedAt: z.string() }).nullable(),
});
export type AssessResult = z.infer<typeof AssessResult>;

/** `initiative list`: with how many people are on each map. */
export const InitiativesResult = z.array(Initiative.extend({ assessedPeople: z.number() }));
export type InitiativeSummary = z.infer<typeof InitiativesResult>[number];

/** `initiative show`: the initiative with everyone's current assessment, most influential first. */
export const InitiativeDetail = Initiative.extend({
  assessments: z.array(
    z.object({
      person: PersonName,
      influence: z.number(),
      stance: z.number(),
      interconnectedness: z.number().nullable(),
      assessedAt: z.string(),
      note: z.string().nullable(),
      /** How many assessments of them this map holds. */
      history: z.number(),
    }),
  ),
});
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;

/** `review`: what to revisit on every active initiative's map. */
export const ReviewView = z.object({
  staleDays: z.number(),
  stanceDrop: z.number(),
  initiatives: z.array(
    z.object({
      initiative: InitiativeName,
      /** Current assessments older than `staleDays`, oldest first. */
      stale: z.array(z.object({ person: PersonName, assessedAt: z.string(), daysOld: z.number() })),
      /** People with interactions tagged with the initiative who were never assessed on it. */
      neverAssessed: z.array(PersonName),
      /** Stance fell by at least `stanceDrop` since the previous assessment. */
      stanceDrops: z.array(
        z.object({
          person: PersonName,
          from: z.number(),
          to: z.number(),
          drop: z.number(),
          assessedAt: z.string(),
        }),
      ),
      notes: z.array(Explanation),
    }),
  ),
});
export type ReviewView = z.infer<typeof ReviewView>;
