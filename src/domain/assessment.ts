import { integerIn, optionalText } from './validate.js';

export const INFLUENCE_RANGE = { min: 0, max: 100 } as const;
export const STANCE_RANGE = { min: -100, max: 100 } as const;
export const INTERCONNECTEDNESS_RANGE = { min: 0, max: 5 } as const;

/**
 * One placement of a person on an initiative's map. Assessments are append-only: the latest
 * by `assessedAt` (then id) is current, the earlier ones draw the person's path over time.
 */
export interface Assessment {
  id: number;
  initiativeId: number;
  personId: number;
  influence: number;
  stance: number;
  interconnectedness: number | null;
  note: string | null;
  assessedAt: string;
}

export interface AssessmentInput {
  influence: unknown;
  stance: unknown;
  interconnectedness?: unknown;
  note?: string | null;
}

export type AssessmentFields = Pick<Assessment, 'influence' | 'stance' | 'interconnectedness' | 'note'>;

export function assessmentFields(input: AssessmentInput): AssessmentFields {
  return {
    influence: integerIn('influence', input.influence, INFLUENCE_RANGE.min, INFLUENCE_RANGE.max),
    stance: integerIn('stance', input.stance, STANCE_RANGE.min, STANCE_RANGE.max),
    interconnectedness:
      input.interconnectedness === undefined || input.interconnectedness === null
        ? null
        : integerIn(
            'interconnectedness',
            input.interconnectedness,
            INTERCONNECTEDNESS_RANGE.min,
            INTERCONNECTEDNESS_RANGE.max,
          ),
    note: optionalText('note', input.note ?? null, 5000),
  };
}

/** Orders assessments oldest first; ties on time fall back to the order they were entered. */
export const byAssessedAt = (a: Assessment, b: Assessment): number =>
  a.assessedAt < b.assessedAt ? -1 : a.assessedAt > b.assessedAt ? 1 : a.id - b.id;

/** The current assessment per person (latest), optionally as it stood at `at`. */
export function latestPerPerson(assessments: readonly Assessment[], at?: string): Map<number, Assessment> {
  const out = new Map<number, Assessment>();
  for (const a of [...assessments].sort(byAssessedAt)) {
    if (at !== undefined && a.assessedAt > at) continue;
    out.set(a.personId, a);
  }
  return out;
}
