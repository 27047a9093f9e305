import { createHash, randomBytes } from 'node:crypto';
import {
  AddMemberInput,
  AddUserInput,
  CreateTokenInput,
  type MemberView,
  type Role,
  type SessionView,
  SetupInput,
  SignInInput,
  type TokenView,
} from '../../contract/accounts.js';
import { parseInput } from '../../contract/common.js';
import { ConflictError, NotFoundError, PreconditionError, RapportError } from '../../domain/errors.js';
import type { Store } from '../../store/index.js';
import { DEFAULT_WORKSPACE, type KnownState, type Rapport } from '../core/context.js';
import { loadDemo } from '../workspace/demo.js';
import { mustBeAllowed } from './authz.js';
import { burnPasswordCheck, checkPassword, hashPassword, passwordMatches } from './passwords.js';

/** Who is asking: a user acting in one workspace with their role there. */
export interface Principal {
  userId: number;
  ws: number;
  role: Role;
  /** The workspace's state version, read with the session (a token principal has none). */
  state?: KnownState;
}

export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;
const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account, and per address, within the window. */
export const MAX_FAILURES = { account: 10, address: 50 };

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const secret = () => randomBytes(32).toString('base64url');

/** A Rapport context for one request: the server's store, the caller's workspace and user, the clock. */
export const rapportFor = (
  store: Store,
  ws: number,
  now: () => Date,
  member?: number,
  state?: KnownState,
): Rapport => ({
  // Bound to the member: what is theirs (tiers, cadences, "me") is read and written as theirs.
  store: member === undefined ? store : store.as(member),
  ws,
  ...(member === undefined ? {} : { member }),
  ...(state === undefined ? {} : { state }),
  now,
  close: async () => {},
});

export async function hasOwner(store: Store): Promise<boolean> {
  return (await store.accounts.countUsers()) > 0;
}

export interface NewUser {
  id: number;
  email: string;
  name: string;
  workspaceId: number;
  owner: boolean;
}

/**
 * A user with a personal workspace in which they are the owner. The first user of an instance
 * is its owner and gets the `default` workspace, where the CLI's data already lives, so the CLI
 * and the server keep working on the same data.
 */
export async function addUser(store: Store, raw: AddUserInput, now: Date): Promise<NewUser> {
  const input = parseInput(AddUserInput, raw);
  checkPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const iso = now.toISOString();
  return store.transaction(async (tx) => {
    if (await tx.accounts.userByEmail(input.email))
      throw new ConflictError(`A user with the email ${input.email} already exists.`, { field: 'email' });
    const first = (await tx.accounts.countUsers()) === 0;
    const owner = first || input.owner;
    const ws = await tx.workspaces.ensure(first ? DEFAULT_WORKSPACE : `personal:${input.email}`, iso);
    const name = input.name ?? input.email.split('@')[0]!;
    const id = await tx.accounts.insertUser(
      { email: input.email, name, passwordHash, isOwner: owner, personalWorkspaceId: ws },
      iso,
    );
    await tx.accounts.addMember(ws, id, 'owner', iso);
    // The CLI's workspace becomes the first owner's: what the CLI kept as the local member
    // (no account yet) is now theirs, so both go on with the same tiers, cadences and "me".
    if (first) await tx.relationships.adoptLocal(ws, id);
    return { id, email: input.email, name, workspaceId: ws, owner };
  });
}

export interface SignedIn {
  /** The cookie's value: shown once, only its hash is stored. */
  sessionId: string;
  session: SessionView;
}

async function openSession(store: Store, userId: number, ws: number, now: Date): Promise<string> {
  const id = secret();
  await store.accounts.insertSession(
    sha256(id),
    { userId, workspaceId: ws, expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString() },
    now.toISOString(),
  );
  return id;
}

async function sessionView(store: Store, userId: number, ws: number): Promise<SessionView> {
  const user = (await store.accounts.user(userId))!;
  const role = (await store.accounts.role(ws, userId)) ?? 'viewer';
  const name = (await store.workspaces.name(ws)) ?? `#${ws}`;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    workspace: { id: ws, name: name === DEFAULT_WORKSPACE ? `${user.name}'s workspace` : name, role },
  };
}

/** First run: the owner account, optionally the sample organisation, and a session. */
export async function setup(store: Store, raw: SetupInput, now: Date): Promise<SignedIn> {
  const input = parseInput(SetupInput, raw);
  if (await hasOwner(store))
    throw new ConflictError('This Rapport already has an owner; sign in instead.', { needs: 'no-owner' });
  const user = await addUser(
    store,
    { email: input.email, name: input.name, password: input.password, owner: true },
    now,
  );
  if (input.demo && (await store.people.count(user.workspaceId)) === 0)
    await loadDemo(rapportFor(store, user.workspaceId, () => now, user.id));
  const sessionId = await openSession(store, user.id, user.workspaceId, now);
  return { sessionId, session: await sessionView(store, user.id, user.workspaceId) };
}

function throttled(retryAfterSeconds: number): RapportError {
  return new RapportError('rate_limited', 'Too many failed sign-ins; wait a few minutes and try again.', {
    retryAfterSeconds,
  });
}

/**
 * Signs in with email and password. Failures are counted per account and per address in the
 * database (so every server process sees them); past the limits sign-in is refused for a while,
 * even with the right password.
 */
export async function signIn(
  store: Store,
  raw: SignInInput,
  from: { address: string },
  now: Date,
): Promise<SignedIn> {
  const input = parseInput(SignInInput, raw);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${from.address}`;
  if (
    (await store.accounts.loginFailuresSince(accountKey, since)) >= MAX_FAILURES.account ||
    (await store.accounts.loginFailuresSince(addressKey, since)) >= MAX_FAILURES.address
  )
    throw throttled(THROTTLE_WINDOW_MS / 1000);
  const user = await store.accounts.userByEmail(input.email);
  let ok = false;
  if (user) ok = await passwordMatches(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    const at = now.toISOString();
    await store.accounts.recordLoginFailure(accountKey, at);
    await store.accounts.recordLoginFailure(addressKey, at);
    throw new RapportError('unauthenticated', 'The email or the password is wrong.');
  }
  await store.accounts.clearLoginFailures(accountKey);
  const ws = user.personalWorkspaceId ?? (await store.accounts.workspacesOf(user.id))[0]?.id;
  if (ws === undefined) throw new RapportError('forbidden', 'This account belongs to no workspace.');
  const sessionId = await openSession(store, user.id, ws, now);
  return { sessionId, session: await sessionView(store, user.id, ws) };
}

/** The principal of a session cookie, or null when it is unknown, expired or signed out. */
export async function sessionPrincipal(
  store: Store,
  sessionId: string,
  now: Date,
): Promise<Principal | null> {
  // Counted before the read: a write of this process during it makes the version unusable.
  const writes = store.localWrites();
  const m = await store.accounts.sessionMember(sha256(sessionId), now.toISOString());
  if (!m) return null;
  const p: Principal = { userId: m.userId, ws: m.ws, role: m.role };
  if (m.state !== null) p.state = { version: m.state, writes };
  return p;
}

export async function currentSession(store: Store, p: Principal): Promise<SessionView> {
  return sessionView(store, p.userId, p.ws);
}

/** The workspaces the user belongs to, with their role in each. */
export async function workspacesOf(
  store: Store,
  p: Principal,
): Promise<{ id: number; name: string; role: Role }[]> {
  return store.accounts.workspacesOf(p.userId);
}

/** Moves a session to another workspace the user is a member of (404 for any other). */
export async function switchWorkspace(
  store: Store,
  sessionId: string,
  p: Principal,
  ws: number,
): Promise<SessionView> {
  if (!(await store.accounts.role(ws, p.userId))) throw new NotFoundError('workspace', `#${ws}`);
  await store.accounts.setSessionWorkspace(sha256(sessionId), ws);
  return sessionView(store, p.userId, ws);
}

export async function signOut(store: Store, sessionId: string): Promise<void> {
  await store.accounts.deleteSession(sha256(sessionId));
}

/** Ends every session of the user, on every server process. */
export async function signOutEverywhere(store: Store, p: Principal, now: Date): Promise<{ ended: number }> {
  return { ended: await store.accounts.deleteSessionsOf(p.userId, now.toISOString()) };
}

const TOKEN_PREFIX = 'rpt_';

/** An API token for scripts, scoped to the caller's workspace; the secret is shown only here. */
export async function createToken(
  store: Store,
  p: Principal,
  raw: CreateTokenInput,
  now: Date,
): Promise<TokenView & { token: string }> {
  const input = parseInput(CreateTokenInput, raw);
  const token = `${TOKEN_PREFIX}${secret()}`;
  const createdAt = now.toISOString();
  const id = await store.accounts.insertToken({
    userId: p.userId,
    workspaceId: p.ws,
    name: input.name,
    tokenHash: sha256(token),
    createdAt,
  });
  return { id, name: input.name, createdAt, lastUsedAt: null, token };
}

export async function tokenPrincipal(store: Store, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const t = await store.accounts.tokenByHash(sha256(token));
  if (!t) return null;
  const role = await store.accounts.role(t.workspaceId, t.userId);
  return role ? { userId: t.userId, ws: t.workspaceId, role } : null;
}

export async function listTokens(store: Store, p: Principal): Promise<TokenView[]> {
  return (await store.accounts.tokens(p.userId, p.ws)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
  }));
}

export async function revokeToken(store: Store, p: Principal, id: number): Promise<void> {
  if ((await store.accounts.deleteToken(id, p.userId)) === 0) throw new NotFoundError('token', `#${id}`);
}

export async function listMembers(store: Store, p: Principal): Promise<MemberView[]> {
  return store.accounts.members(p.ws);
}

/** Adds an existing user to the caller's workspace with a role (or changes their role). */
export async function addMember(
  store: Store,
  p: Principal,
  raw: AddMemberInput,
  now: Date,
): Promise<MemberView> {
  const input = parseInput(AddMemberInput, raw);
  mustBeAllowed(p.role, 'admin', 'change the members');
  const user = await store.accounts.userByEmail(input.email);
  if (!user) throw new NotFoundError('user', input.email, 'They need an account first.');
  return store.transaction(async (tx) => {
    if (input.role !== 'owner') await keepAnOwner(tx, p.ws, user.id, user.email);
    await tx.accounts.addMember(p.ws, user.id, input.role, now.toISOString());
    return { id: user.id, email: user.email, name: user.name, role: input.role };
  });
}

/** A workspace always keeps an owner: the last one cannot leave or step down. */
async function keepAnOwner(store: Store, ws: number, userId: number, email: string): Promise<void> {
  const members = await store.accounts.members(ws);
  const owners = members.filter((m) => m.role === 'owner');
  if (owners.length === 1 && owners[0]!.id === userId)
    throw new PreconditionError(
      'another-owner',
      `${email} is the workspace's only owner: make another member an owner first.`,
    );
}

/**
 * Takes a member out of the workspace (owners only): their sessions and tokens there stop
 * working at once. What they wrote stays, as the workspace's history; their private entries
 * stay theirs and unseen.
 */
export async function removeMember(store: Store, p: Principal, userId: number): Promise<MemberView> {
  mustBeAllowed(p.role, 'admin', 'change the members');
  return store.transaction(async (tx) => {
    const member = (await tx.accounts.members(p.ws)).find((m) => m.id === userId);
    if (!member)
      throw new NotFoundError('member', `#${userId}`, 'The members of the workspace list their ids.');
    await keepAnOwner(tx, p.ws, userId, member.email);
    await tx.accounts.removeMember(p.ws, userId);
    return member;
  });
}
