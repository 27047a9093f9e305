import * as z from 'zod';
import { email } from './accounts.js';
import { Explanation, PersonName, personRef, text } from './common.js';

const Item = z.object({ person: personRef(), why: text('why', 300).optional() });

/** `POST /onboarding-lists`: a people-to-meet list for a member of the workspace. */
export const NewOnboardingList = z.object({
  /** The new member, by the email of their account. */
  member: email('member'),
  name: text('name', 100).optional(),
  /** Who the member is in the org chart: suggestions are made from there. */
  person: personRef().optional(),
  items: z.array(Item).max(200, { error: 'items: at most 200 people on one list.' }).default([]),
});
export type NewOnboardingList = z.input<typeof NewOnboardingList>;

/** `POST /onboarding-lists/:id/items`: more people, after those already on the list. */
export const OnboardingItemsInput = z.object({
  items: z
    .array(Item)
    .min(1, { error: 'items must name at least one person.' })
    .max(200, { error: 'items: at most 200 people at once.' }),
});
export type OnboardingItemsInput = z.input<typeof OnboardingItemsInput>;

export const OnboardingListView = z.object({
  id: z.number(),
  name: z.string(),
  member: z.object({ id: z.number(), name: z.string() }),
  /** The member in the org chart, when the list says. */
  person: PersonName.nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      person: PersonName,
      why: z.string().nullable(),
      /** Met = an interaction with them dated from the moment the list was made on. */
      met: z.boolean(),
      metAt: z.string().nullable(),
    }),
  ),
  progress: z.object({ met: z.number(), total: z.number() }),
  /** Whom the list misses, seen from the member's place in the org chart. */
  suggestions: z.array(z.object({ person: PersonName, reason: Explanation })),
});
export type OnboardingListView = z.infer<typeof OnboardingListView>;
export const OnboardingListsResult = z.array(OnboardingListView);
