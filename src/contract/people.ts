import * as z from 'zod';
import { DIRECTION_WORDS, type DirectionWord } from '../domain/coverage.js';

export type { DirectionWord };
export { DIRECTION_WORDS };

import { CATEGORIES, MAX_CADENCE_DAYS, MAX_LEVEL, TIERS } from '../domain/person.js';
import { STAGES } from '../domain/stages.js';
import {
  Id,
  InitiativeName,
  oneOf,
  optionalText,
  PersonName,
  personRef,
  text,
  wholeNumber,
} from './common.js';
import { StageView } from './practice.js';

/** The fields a caller may set on a person; on an edit, undefined leaves a field, null clears it. */
const personFields = {
  title: optionalText('title', 200),
  team: optionalText('team', 200),
  department: optionalText('department', 200),
  level: wholeNumber('level', 1, MAX_LEVEL).nullable().optional(),
  emails: z.array(z.string()).optional(),
  phone: optionalText('phone', 50),
  company: optionalText('company', 200),
  category: oneOf('category', CATEGORIES).optional(),
  tier: oneOf('tier', TIERS).optional(),
  cadenceDays: wholeNumber('cadenceDays', 1, MAX_CADENCE_DAYS).nullable().optional(),
  interests: z.array(z.string()).optional(),
  communication: optionalText('communication', 500),
  notes: optionalText('notes', 10_000),
  /** Office or work location. */
  location: optionalText('location', 200),
  /** The day they joined: YYYY-MM-DD (null clears it). */
  hireDate: z.string({ error: 'hireDate must be a date: YYYY-MM-DD.' }).nullable().optional(),
  /** Their manager; null removes the manager. */
  manager: personRef('manager').nullable().optional(),
};

export const AddPersonInput = z.object({
  name: text('name'),
  ...personFields,
  /** Add them even when someone of that name is already here (two people can share a name). */
  allowDuplicate: z.boolean().default(false),
});
export type AddPersonInput = z.input<typeof AddPersonInput>;

export const EditPersonInput = z.object({
  person: personRef(),
  /**
   * The `updatedAt` the caller saw: when the person changed since, the edit is refused with the
   * current record (no lost updates when two people edit one person). Without it, the edit applies.
   */
  version: z.string({ error: 'version must be the updatedAt of the person as you read it.' }).optional(),
  name: text('name').optional(),
  ...personFields,
});
export type EditPersonInput = z.input<typeof EditPersonInput>;

/** show, remove, me: one person. */
export const PersonInput = z.object({ person: personRef() });

/** Removing someone with history needs `confirm`; without it the answer is a preview. */
export const RemovePersonInput = z.object({ person: personRef(), confirm: z.boolean().default(true) });
export type RemovePersonInput = z.input<typeof RemovePersonInput>;
export type PersonInput = z.input<typeof PersonInput>;

export const MergePeopleInput = z.object({
  survivor: personRef('survivor'),
  duplicate: personRef('duplicate'),
});
export type MergePeopleInput = z.input<typeof MergePeopleInput>;

export const Person = z.object({
  id: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  department: z.string().nullable(),
  level: z.number().nullable(),
  managerId: z.number().nullable(),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  cadenceDays: z.number().nullable(),
  interests: z.array(z.string()),
  communication: z.string().nullable(),
  notes: z.string().nullable(),
  location: z.string().nullable(),
  /** YYYY-MM-DD. */
  hireDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A person as every surface shows them: the manager by name too. */
export const PersonView = Person.omit({ managerId: true }).extend({ manager: PersonName.nullable() });
export type PersonView = z.infer<typeof PersonView>;

/** A person in the `people` list: with the stage of the relationship when they are tiered. */
export const PersonListed = PersonView.extend({ stage: z.enum(STAGES).nullable() });
export type PersonListed = z.infer<typeof PersonListed>;

export const DIRECTION_WORD_LIST = Object.keys(DIRECTION_WORDS) as [DirectionWord, ...DirectionWord[]];

/**
 * Which people to list: each given filter narrows the list. A direction is placed as `onboard` and
 * coverage place it (left and right are both the peers) and needs "me".
 */
export const PeopleFilterQuery = z.object({
  tier: oneOf('tier', TIERS).optional(),
  category: oneOf('category', CATEGORIES).optional(),
  /** Compared without case or accents. */
  department: text('department').optional(),
  /** up, down, left, right (= across), across or outside. */
  direction: oneOf('direction', DIRECTION_WORD_LIST).optional(),
});
export const PeopleFilter = PeopleFilterQuery.extend({
  direction: PeopleFilterQuery.shape.direction.transform((w) =>
    w === undefined ? undefined : DIRECTION_WORDS[w],
  ),
});
export type PeopleFilter = z.input<typeof PeopleFilter>;

/** `people`: everyone, by name. */
export const PeopleResult = z.array(PersonListed);

/** `person show`: one person with reports, a ledger summary and current assessments. */
export const PersonDetail = PersonView.extend({
  isMe: z.boolean(),
  /** The relationship's stage (null for me). */
  stage: StageView.nullable(),
  reports: z.array(PersonName),
  /** The last contact of any kind, and the last one-to-one apart (a meeting is not real contact). */
  interactions: z.object({
    count: z.number(),
    lastAt: z.string().nullable(),
    lastOneToOneAt: z.string().nullable(),
  }),
  assessments: z.array(
    z.object({
      initiative: InitiativeName,
      influence: z.number(),
      stance: z.number(),
      interconnectedness: z.number().nullable(),
      assessedAt: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const MergeResult = z.object({
  survivor: PersonName,
  merged: PersonName,
  emails: z.array(z.string()),
});
export type MergeResult = z.infer<typeof MergeResult>;

/** Who `person remove` removed. */
export const RemovedPerson = z.object({
  person: PersonName,
  /** What goes with them (or would, for a preview). */
  interactions: z.number(),
  assessments: z.number(),
  plans: z.number(),
  ties: z.number(),
  /** Their reports, who now report to `newManager` (their manager), or to nobody. */
  reports: z.array(PersonName),
  newManager: PersonName.nullable(),
  removed: z.boolean(),
});
export type RemovedPerson = z.infer<typeof RemovedPerson>;

/** `people --sort importance`: everyone, most important first, with the parts of the score. */
export const RankedPerson = PersonListed.extend({
  importance: z.object({
    /** 0–100, one decimal. */
    score: z.number(),
    /** Each component on 0–100, before weighting. */
    components: z.object({ frequency: z.number(), interconnectedness: z.number(), sway: z.number() }),
    weights: z.object({ frequency: z.number(), interconnectedness: z.number(), sway: z.number() }),
    inputs: z.object({
      interactions: z.number(),
      interactionsLong: z.number().optional(),
      interconnectedness: z.number().nullable(),
      sway: z.number().nullable(),
    }),
  }),
});
export type RankedPerson = z.infer<typeof RankedPerson>;
export const RankedPeopleResult = z.array(RankedPerson);

/** `me`: who I am in the org chart, or null until I say. */
export const MeResult = PersonView.nullable();

/** The names of the people a reason refers to, by id, so a page can link them at any workspace size. */
export const PeopleNamesInput = z.object({
  ids: z.array(Id).max(1000, { error: 'ids can name at most 1000 people at once.' }),
});
export type PeopleNamesInput = z.input<typeof PeopleNamesInput>;
/** Those that exist, in no particular order; ids of people removed since are left out. */
export const PeopleNamesResult = z.array(PersonName);
