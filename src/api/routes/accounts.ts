import * as z from 'zod';
import {
  addMember,
  addOnboardingItems,
  createOnboardingList,
  createToken,
  currentSession,
  hasOwner,
  listActivity,
  listMembers,
  listTokens,
  onboardingListById,
  onboardingLists,
  removeMember,
  revokeToken,
  SESSION_DAYS,
  setup,
  signIn,
  signOut,
  signOutEverywhere,
  switchWorkspace,
  workspacesOf,
} from '../../app/index.js';
import {
  ActivityInput,
  ActivityResult,
  AddMemberInput,
  CreateTokenInput,
  MemberView,
  NewOnboardingList,
  OnboardingItemsInput,
  OnboardingListsResult,
  OnboardingListView,
  RapportError,
  SetupInput,
  SignInInput,
} from '../../contract/index.js';
import { IdParams } from '../params.js';
import { type AnyRoute, type RouteContext, route } from '../route.js';

export const SESSION_COOKIE = 'rapport_session';

function setSessionCookie(ctx: RouteContext<unknown, unknown, unknown>, sessionId: string): void {
  ctx.reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.request.server.rapportConfig.secureCookies,
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** Signing in again replaces the session the browser had (no fixation of an old id). */
async function endOldSession(ctx: RouteContext<unknown, unknown, unknown>): Promise<void> {
  const old = ctx.request.cookies[SESSION_COOKIE];
  if (old) await signOut(ctx.store, old);
}

export const accountRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/setup',
    access: 'public',
    tag: 'accounts',
    summary: 'whether this instance has an owner yet (a fresh one shows the first-run page)',
    handler: async (ctx) => ({ hasOwner: await hasOwner(ctx.store) }),
  }),
  route({
    method: 'POST',
    url: '/setup',
    access: 'public',
    tag: 'accounts',
    summary:
      'create the owner on a fresh instance (409 once there is one), optionally with the sample organisation; signs in',
    body: SetupInput,
    status: 201,
    handler: async (ctx) => {
      const s = await setup(ctx.store, ctx.body, ctx.now);
      setSessionCookie(ctx, s.sessionId);
      return s.session;
    },
  }),
  route({
    method: 'POST',
    url: '/session',
    access: 'public',
    tag: 'accounts',
    summary: 'sign in with email and password (sets the session cookie); throttled per account and address',
    body: SignInInput,
    handler: async (ctx) => {
      await endOldSession(ctx);
      const s = await signIn(ctx.store, ctx.body, { address: ctx.request.ip }, ctx.now);
      setSessionCookie(ctx, s.sessionId);
      return s.session;
    },
  }),
  route({
    method: 'GET',
    url: '/session',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'who is signed in, in which workspace, with which role',
    handler: (ctx) => currentSession(ctx.store, ctx.principal),
  }),
  route({
    method: 'DELETE',
    url: '/session',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'sign out',
    status: 204,
    handler: async (ctx) => {
      await endOldSession(ctx);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  }),
  route({
    method: 'DELETE',
    url: '/sessions',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'sign out everywhere: ends every session of this user on every server',
    handler: async (ctx) => {
      const out = await signOutEverywhere(ctx.store, ctx.principal, ctx.now);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return out;
    },
  }),
  route({
    method: 'GET',
    url: '/workspaces',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'the workspaces you belong to, with your role in each',
    handler: (ctx) => workspacesOf(ctx.store, ctx.principal),
  }),
  route({
    method: 'PUT',
    url: '/session/workspace',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'switch this session to another workspace you belong to',
    body: z.object({
      workspace: z.number({ error: 'workspace must be the id of one of your workspaces' }).int().positive(),
    }),
    sample: { workspace: 1 },
    handler: async (ctx) => {
      const session = ctx.request.cookies[SESSION_COOKIE];
      if (!session)
        throw new RapportError(
          'validation',
          'Switching workspace needs a signed-in browser session (API tokens belong to one workspace).',
          {
            field: 'workspace',
          },
        );
      return switchWorkspace(ctx.store, session, ctx.principal, ctx.body.workspace);
    },
  }),
  route({
    method: 'GET',
    url: '/members',
    access: 'read',
    tag: 'accounts',
    summary: 'the members of this workspace with their roles',
    handler: (ctx) => listMembers(ctx.store, ctx.principal),
  }),
  route({
    method: 'POST',
    url: '/members',
    activity: 'added or changed a member',
    access: 'admin',
    tag: 'accounts',
    summary: 'add a user to this workspace with a role, or change their role (owners only)',
    body: AddMemberInput,
    sample: { email: 'nobody@example.com', role: 'viewer' },
    handler: (ctx) => addMember(ctx.store, ctx.principal, ctx.body, ctx.now),
  }),
  route({
    method: 'DELETE',
    url: '/members/:id',
    activity: 'removed a member',
    access: 'admin',
    tag: 'accounts',
    summary:
      'take a user out of this workspace (owners only; the last owner stays): their sessions and tokens here stop working; answers who it was',
    params: IdParams,
    result: MemberView,
    handler: (ctx) => removeMember(ctx.store, ctx.principal, ctx.params.id),
  }),
  route({
    method: 'GET',
    url: '/onboarding-lists',
    access: 'read',
    tag: 'accounts',
    result: OnboardingListsResult,
    summary:
      "the workspace's people-to-meet lists, each with progress (met since the list began) and whom it misses",
    handler: (ctx) => onboardingLists(ctx.r),
  }),
  route({
    method: 'POST',
    url: '/onboarding-lists',
    access: 'write',
    activity: 'made an onboarding list',
    tag: 'accounts',
    status: 201,
    body: NewOnboardingList,
    result: OnboardingListView,
    sample: { member: 'olivia@example.com', name: 'First month' },
    summary:
      'a people-to-meet list for a member (by email), optionally saying who they are in the org chart (person) for suggestions',
    handler: (ctx) => createOnboardingList(ctx.r, ctx.principal, ctx.body),
  }),
  route({
    method: 'GET',
    url: '/onboarding-lists/:id',
    access: 'read',
    tag: 'accounts',
    params: IdParams,
    result: OnboardingListView,
    summary: 'one people-to-meet list with progress and suggestions',
    handler: (ctx) => onboardingListById(ctx.r, ctx.params.id),
  }),
  route({
    method: 'POST',
    url: '/onboarding-lists/:id/items',
    access: 'write',
    activity: 'added to an onboarding list',
    tag: 'accounts',
    params: IdParams,
    body: OnboardingItemsInput,
    result: OnboardingListView,
    summary: 'more people on a list, after those there (people already on it are skipped)',
    handler: (ctx) => addOnboardingItems(ctx.r, ctx.params.id, ctx.body),
  }),
  route({
    method: 'GET',
    url: '/activity',
    access: 'read',
    tag: 'accounts',
    query: ActivityInput,
    result: ActivityResult,
    summary:
      'who changed what in this workspace, newest first, a page at a time ({items, next}; before=next)',
    handler: (ctx) => listActivity(ctx.store, ctx.principal, ctx.query),
  }),
  route({
    method: 'GET',
    url: '/tokens',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'your API tokens for this workspace (never their secrets)',
    handler: (ctx) => listTokens(ctx.store, ctx.principal),
  }),
  route({
    method: 'POST',
    url: '/tokens',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'create an API token (sent as Authorization: Bearer); the secret is in this answer only',
    body: CreateTokenInput,
    status: 201,
    sample: { name: 'matrix' },
    handler: (ctx) => createToken(ctx.store, ctx.principal, ctx.body, ctx.now),
  }),
  route({
    method: 'DELETE',
    url: '/tokens/:id',
    access: 'signed-in',
    tag: 'accounts',
    summary: 'revoke one of your API tokens',
    params: IdParams,
    status: 204,
    handler: (ctx) => revokeToken(ctx.store, ctx.principal, ctx.params.id),
  }),
];
