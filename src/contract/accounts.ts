import * as z from 'zod';
import { text } from './common.js';

// Accounts of `rapport serve`: the owner's first run, sign-in, users, members, tokens, notes.

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const email = (input = 'email') =>
  z
    .string({ error: `${input} is required and must be text.` })
    .trim()
    .toLowerCase()
    .max(254, { error: `${input} is longer than 254 characters.` })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
      error: `${input} must be an email address like ada@example.com.`,
    });

/** Checked for length and commonness when an account is made; here only its type and size. */
const password = z
  .string({ error: 'password is required and must be text.' })
  .max(1024, { error: 'password is longer than 1024 characters.' });

export const SetupInput = z.object({
  name: text('name', 200),
  email: email(),
  password,
  /** Load the sample organisation into the owner's workspace. */
  demo: z.boolean().default(false),
});
export type SetupInput = z.input<typeof SetupInput>;

export const SignInInput = z.object({ email: email(), password });
export type SignInInput = z.input<typeof SignInInput>;

export const AddUserInput = z.object({
  email: email(),
  name: text('name', 200).optional(),
  password,
  /** The instance's owner (the first user of an empty instance always is). */
  owner: z.boolean().default(false),
});
export type AddUserInput = z.input<typeof AddUserInput>;

export const CreateTokenInput = z.object({ name: text('name', 100) });
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const AddMemberInput = z.object({
  email: email(),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}.` }),
});
export type AddMemberInput = z.input<typeof AddMemberInput>;

export const NoteInput = z.object({
  body: text('body', 10_000),
  /** Shared with the workspace; private to its author otherwise. */
  shared: z.boolean().default(false),
});
export type NoteInput = z.input<typeof NoteInput>;

export const UserView = z.object({ id: z.number(), email: z.string(), name: z.string() });
export type UserView = z.infer<typeof UserView>;

export const SessionView = z.object({
  user: UserView,
  workspace: z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES) }),
});
export type SessionView = z.infer<typeof SessionView>;

export const NoteView = z.object({
  id: z.number(),
  personId: z.number(),
  body: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  /** The author's name; notes written from the CLI have none. */
  author: z.string(),
  createdAt: z.string(),
});
export type NoteView = z.infer<typeof NoteView>;

export const TokenView = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

export const MemberView = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type MemberView = z.infer<typeof MemberView>;
/** `member list`, `GET /members`. */
export const MembersResult = z.array(MemberView);

/** `GET /activity`: a page of the workspace's activity log, newest first. */
export const ActivityInput = z.object({
  /** The `next` of the previous page: entries older than it. */
  before: z.coerce.number({ error: 'before must be a number from a previous page' }).int().min(1).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 200' })
    .int({ error: 'limit must be a whole number from 1 to 200' })
    .min(1, { error: 'limit must be from 1 to 200' })
    .max(200, { error: 'limit must be from 1 to 200' })
    .default(50),
});
export type ActivityInput = z.input<typeof ActivityInput>;

export const ActivityView = z.object({
  id: z.number(),
  at: z.string(),
  /** Who did it (null once their account is gone). */
  user: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** What they did, e.g. "changed a person". */
  action: z.string(),
  /** What it was done to, e.g. "#12 Dana Lee"; null when nothing in particular. */
  target: z.string().nullable(),
});
export const ActivityResult = z.object({ items: z.array(ActivityView), next: z.number().nullable() });
export type ActivityResult = z.infer<typeof ActivityResult>;

/** `user add`. */
export const NewUserView = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  workspaceId: z.number(),
  owner: z.boolean(),
});

/** `token create`: the token itself, shown only this once. */
export const CreatedToken = TokenView.extend({ token: z.string() });
