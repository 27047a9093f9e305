import { NotFoundError } from '../../domain/errors.js';
import { openStore, type Store } from '../../store/index.js';

/**
 * The workspace's state version as read at the start of a request (with its session), and how
 * many writes this process had started then (Store.localWrites): it stands for the workspace
 * until this process writes, and saves a request its own read of the version.
 */
export interface KnownState {
  version: string;
  writes: number;
}

/** An open Rapport workspace: what every use case receives. */
export interface Rapport {
  store: Store;
  /** The workspace every query is scoped to. */
  ws: number;
  /**
   * The member asking (a user id), when it is known (the server); answers cached per workspace
   * state are kept per member, since some of what a member sees is theirs alone.
   */
  member?: number;
  /** The state version read with the caller's session, when there is one. */
  state?: KnownState;
  /** The clock, injected so use cases and tests agree on "today". */
  now: () => Date;
  /** What the user should know about the database itself, said once per opening. */
  warnings?: readonly string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A file path or a postgres:// URL. */
  db: string;
  workspace?: string;
  /**
   * The email of the member to work as; by default the workspace's owner, or the local member
   * of a database that has no accounts.
   */
  as?: string;
  now?: () => Date;
  /**
   * Create or upgrade the schema on open (default true: the CLI's first command on a new file
   * just works). A server migrates once at start and opens with false.
   */
  migrate?: boolean;
}

export const DEFAULT_WORKSPACE = 'default';

/** The member a command works as: the one named by email, else the owner, else the local member. */
async function memberOf(store: Store, ws: number, email: string | undefined): Promise<number> {
  if (email === undefined) return store.relationships.defaultMember(ws);
  const user = await store.accounts.userByEmail(email.trim().toLowerCase());
  const role = user ? await store.accounts.role(ws, user.id) : null;
  if (!user || !role)
    throw new NotFoundError('member', email, 'Name a member of this workspace by their account email.');
  return user.id;
}

export async function openRapport(opts: OpenOptions): Promise<Rapport> {
  const store = await openStore(opts.db, { migrate: opts.migrate ?? true });
  const now = opts.now ?? (() => new Date());
  try {
    const ws = await store.workspaces.ensure(opts.workspace ?? DEFAULT_WORKSPACE, now().toISOString());
    const member = await memberOf(store, ws, opts.as);
    return {
      store: store.as(member),
      ws,
      member,
      now,
      warnings: store.warnings,
      close: () => store.close(),
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * The store a server keeps for its whole life: the schema brought up to date once at start,
 * then shared by every request (each gets its own Rapport over it).
 */
export async function openServerStore(db: string): Promise<Store> {
  return openStore(db, { migrate: true, listen: true });
}
