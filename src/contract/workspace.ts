import * as z from 'zod';
import { InitiativeName, PersonName, text, wholeNumber } from './common.js';

/** The sizes a company demo can have: big enough for every department, small enough to build in minutes. */
export const COMPANY_SIZE = { min: 50, max: 200_000 } as const;

export const DemoInput = z
  .object({
    /** The generator's seed: the same seed gives the same organisation. */
    seed: z
      .number({ error: (iss) => `seed must be a whole number; got ${JSON.stringify(iss.input)}.` })
      .int({ error: (iss) => `seed must be a whole number; got ${JSON.stringify(iss.input)}.` })
      .optional(),
    /** A whole company of this many people with declared ties, instead of the ~150-person sample. */
    size: wholeNumber('size', COMPANY_SIZE.min, COMPANY_SIZE.max).optional(),
  })
  .default({});
export type DemoInput = z.input<typeof DemoInput>;

/**
 * One workspace setting: a number for a threshold, an object of numbers for the importance
 * weights; null returns it to its default. Which keys exist and their ranges are the settings'
 * own rules, checked by the use case.
 */
export const SettingInput = z.object({
  key: text('key', 100),
  value: z
    .union(
      [
        z.number(),
        z.record(z.string(), z.number()),
        z.record(z.string(), z.array(z.unknown())),
        // Company lists: "Globex, Initech" or ["Globex", "Initech"].
        z.string(),
        z.array(z.string()),
      ],
      {
        error: (iss) =>
          `value must be a number (or, for the weights, an object of numbers; for the playbook, an object of lists of ideas; for a company list, names separated by commas); got ${JSON.stringify(iss.input)}.`,
      },
    )
    .nullable(),
});
export type SettingInput = z.input<typeof SettingInput>;

/** `settings`: every setting in force (a bad stored value is listed with its problem). */
export const SettingView = z.object({
  key: z.string(),
  value: z.unknown(),
  description: z.string(),
  /** False: the default applies (also when the stored value was refused). */
  overridden: z.boolean(),
  problem: z.string().nullable(),
});
export const SettingsResult = z.array(SettingView);

/** `demo`: the sample organisation just loaded. */
export const DemoSummary = z.object({
  company: z.string(),
  people: z.number(),
  me: PersonName,
  initiatives: z.array(InitiativeName),
  assessments: z.number(),
  interactions: z.number(),
  /** Declared ties: only a company of a given size (`demo --size N`) has them. */
  ties: z.number().optional(),
});
export type DemoSummary = z.infer<typeof DemoSummary>;

/** `init`: what the database holds. */
export const WorkspaceSummary = z.object({
  people: z.number(),
  initiatives: z.number(),
  interactions: z.number(),
  me: PersonName.nullable(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** `start`: the same, with the demo organisation when a new database got it. */
export const StartSummary = WorkspaceSummary.extend({ createdDemo: DemoSummary.nullable() });
export type StartSummary = z.infer<typeof StartSummary>;
