import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { translateDatabaseError } from './constraint-errors.js';
import type { Connection, DialectName } from './database.js';
import { AccountsRepository } from './repositories/accounts.js';
import { ActivityRepository } from './repositories/activity.js';
import { AssessmentsRepository } from './repositories/assessments.js';
import { ImportsRepository } from './repositories/imports.js';
import { InitiativesRepository } from './repositories/initiatives.js';
import { InteractionsRepository } from './repositories/interactions.js';
import { LOCAL_MEMBER, MemberRelationshipsRepository } from './repositories/member-relationships.js';
import { NetworkRepository } from './repositories/network.js';
import { OnboardingRepository } from './repositories/onboarding.js';
import { PeopleRepository } from './repositories/people.js';
import { PlansRepository } from './repositories/plans.js';
import { PracticeRepository } from './repositories/practice.js';
import { RelationshipRepository } from './repositories/relationship.js';
import { SettingsRepository } from './repositories/settings.js';
import { WorkspacesRepository } from './repositories/workspaces.js';
import type { Database } from './schema.js';
import { bumpStateSql, WHOLE_DATABASE } from './state-writes.js';
import { systemError } from './system-errors.js';

/** The public members of a repository class: what callers outside store/ may use. */
type Surface<T> = { [K in keyof T]: T[K] };

export type PeopleStore = Surface<PeopleRepository>;
export type InitiativesStore = Surface<InitiativesRepository>;
export type AssessmentsStore = Surface<AssessmentsRepository>;
export type InteractionsStore = Surface<InteractionsRepository>;
export type SettingsStore = Surface<SettingsRepository>;
export type WorkspacesStore = Surface<WorkspacesRepository>;
export type RelationshipStore = Surface<RelationshipRepository>;
export type PlansStore = Surface<PlansRepository>;
export type PracticeStore = Surface<PracticeRepository>;
export type NetworkStore = Surface<NetworkRepository>;
export type ImportsStore = Surface<ImportsRepository>;
export type AccountsStore = Surface<AccountsRepository>;
export type ActivityStore = Surface<ActivityRepository>;
export type OnboardingStore = Surface<OnboardingRepository>;
export type MemberRelationshipsStore = Surface<MemberRelationshipsRepository>;

export interface TransactionOptions {
  /**
   * The workspace the transaction writes. On PostgreSQL writers of one workspace take turns
   * (an advisory transaction lock), so checks that span rows hold as they do under SQLite's
   * single writer; writers of other workspaces go on. Without it the transaction locks out
   * every other writer of the database.
   */
  workspace?: number;
  /**
   * The transaction writes only data derived from the rest (a rollup): nothing a reader sees
   * changes, so the state version stays and cached answers stay valid. Every other write
   * transaction raises the version of its workspace (or of the whole database) as it starts.
   */
  derived?: boolean;
}

/**
 * The one door to the database: a repository per aggregate, and transactions. Nothing of the
 * query builder, the connection or the dialect's raw handle leaves store/.
 */
export interface Store {
  readonly dialect: DialectName;
  /** The file path, or the URL with its password hidden, for messages. */
  readonly location: string;
  /** What the user should know about the database itself (a file others can read). */
  readonly warnings: readonly string[];
  /**
   * The member this Store reads and writes as (a user id; 0 is the CLI's local member before
   * any account): tiers, cadences and "me" are that member's.
   */
  readonly member: number;
  /** The same database, as another member. */
  as(member: number): Store;
  /**
   * What answers kept per workspace state (app/core/state-cache) are filed under: the connection,
   * for every top-level store whoever the member (a server makes one per request); the store
   * itself inside a transaction, whose reads may never be committed.
   */
  readonly cacheKey: object;
  readonly people: PeopleStore;
  readonly initiatives: InitiativesStore;
  readonly assessments: AssessmentsStore;
  /** The ledger: interactions and who took part. */
  readonly interactions: InteractionsStore;
  readonly settings: SettingsStore;
  readonly workspaces: WorkspacesStore;
  readonly relationship: RelationshipStore;
  readonly plans: PlansStore;
  /** Thanks owed, where attention goes, engagement: the practices behind the relationships. */
  readonly practice: PracticeStore;
  readonly network: NetworkStore;
  /** Batched lookups and writes of import, restore and export. */
  readonly imports: ImportsStore;
  /** Users, memberships, sessions, API tokens and notes (the server's accounts). */
  readonly accounts: AccountsStore;
  /** Who changed what in a workspace, through the API. */
  readonly activity: ActivityStore;
  /** People-to-meet lists made for new members. */
  readonly onboarding: OnboardingStore;
  /** The member's own tier and cadence with people, and their "me". */
  readonly relationships: MemberRelationshipsStore;
  /**
   * Runs `fn` in one write transaction with a Store bound to it: all or nothing, and no other
   * writer in between (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock).
   * Inside a transaction it simply calls `fn`.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `fn` on one consistent snapshot with a Store bound to it; on SQLite the fast raw
   * statements are only available here and inside `transaction`.
   */
  read<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Refreshes the planner's statistics after a bulk load (benchmarks, restores). */
  analyze(): Promise<void>;
  /**
   * How many writes that raise the state version this process has started through this
   * database: a state version read earlier still holds for this process's own writes while it
   * has not moved.
   */
  localWrites(): number;
  /** The sizes of what the connection keeps in memory, for a server's memory log. */
  cacheSizes(): { statements: number; sessions: number };
  close(): Promise<void>;
}

// Two-key advisory locks: class RAPPORT, object 0 for the whole database, the workspace id for one.
const LOCK_CLASS = 0x52617070;

/** The Store over one handle: the connection's Kysely, or a transaction or read holding it. */
export class SqlStore implements Store {
  readonly people: PeopleRepository;
  readonly initiatives: InitiativesRepository;
  readonly assessments: AssessmentsRepository;
  readonly interactions: InteractionsRepository;
  readonly settings: SettingsRepository;
  readonly workspaces: WorkspacesRepository;
  readonly relationship: RelationshipRepository;
  readonly plans: PlansRepository;
  readonly practice: PracticeRepository;
  readonly network: NetworkRepository;
  readonly imports: ImportsRepository;
  readonly accounts: AccountsRepository;
  readonly activity: ActivityRepository;
  readonly onboarding: OnboardingRepository;
  readonly relationships: MemberRelationshipsRepository;

  /**
   * `raw` is the SQLite handle only when this Store holds Kysely's connection (a transaction
   * or read); at the top level it is null and every query goes through Kysely's lock.
   */
  private constructor(
    private readonly connection: Connection,
    private readonly handle: Kysely<Database>,
    private readonly scope: 'top' | 'read' | 'write',
    readonly member: number = LOCAL_MEMBER,
  ) {
    const db = handle;
    const raw: BetterSqlite3.Database | null = scope === 'top' ? null : connection.sqlite;
    this.relationships = new MemberRelationshipsRepository(db, member);
    this.people = new PeopleRepository(db, member);
    this.initiatives = new InitiativesRepository(db);
    this.assessments = new AssessmentsRepository(db);
    this.interactions = new InteractionsRepository(db, member);
    this.settings = new SettingsRepository(db);
    this.workspaces = new WorkspacesRepository(db, connection.versioned, this.relationships);
    this.relationship = new RelationshipRepository(db, connection.dialect, member);
    this.plans = new PlansRepository(db, member);
    this.practice = new PracticeRepository(db, connection.dialect, member);
    this.network = new NetworkRepository(db, raw, connection.dialect, this.relationships);
    this.imports = new ImportsRepository(db, raw, member);
    this.accounts = new AccountsRepository(
      db,
      connection.versioned,
      scope === 'top' ? () => connection.sessions : () => null,
    );
    this.activity = new ActivityRepository(db);
    this.onboarding = new OnboardingRepository(db);
  }

  static over(connection: Connection): SqlStore {
    return new SqlStore(connection, connection.db, 'top');
  }

  as(member: number): Store {
    if (member === this.member) return this;
    return new SqlStore(this.connection, this.handle, this.scope, member);
  }

  get cacheKey(): object {
    return this.scope === 'top' ? this.connection : this;
  }

  get dialect(): DialectName {
    return this.connection.dialect;
  }

  get location(): string {
    return this.connection.location;
  }

  get warnings(): readonly string[] {
    return this.connection.warnings;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.scope === 'write') return fn(this);
    if (this.scope === 'read') {
      throw new Error('A write transaction cannot start inside a read; open it at the top level.');
    }
    try {
      if (this.dialect === 'sqlite') {
        // BEGIN IMMEDIATE takes the write lock up front, so a second process waits (busy
        // timeout) instead of failing when its read lock cannot be upgraded.
        return await this.connection.db.connection().execute(async (conn) => {
          await sql`begin immediate`.execute(conn);
          try {
            await this.bumpState(conn, options);
            const result = await fn(new SqlStore(this.connection, conn, 'write', this.member));
            await sql`commit`.execute(conn);
            return result;
          } catch (e) {
            // After SQLITE_FULL or an I/O error SQLite has already rolled back; a second
            // rollback would fail and hide the reason.
            await sql`rollback`.execute(conn).catch(() => {});
            throw e;
          }
        });
      }
      return await this.connection.db.transaction().execute(async (trx) => {
        if (options.workspace === undefined) {
          await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, 0)`.execute(trx);
        } else {
          await sql`select pg_advisory_xact_lock_shared(${LOCK_CLASS}, 0), pg_advisory_xact_lock(${LOCK_CLASS}, ${options.workspace}::integer)`.execute(
            trx,
          );
        }
        await this.bumpState(trx, options);
        return fn(new SqlStore(this.connection, trx, 'write', this.member));
      });
    } catch (e) {
      throw systemError(e, this.location) ?? translateDatabaseError(e);
    }
  }

  /**
   * Raises the state version inside the transaction, so it commits (or rolls back) with the
   * writes: raw fast paths inside (bulk imports) are covered without knowing their statements.
   */
  private async bumpState(db: Kysely<Database>, options: TransactionOptions): Promise<void> {
    if (options.derived || !this.connection.versioned.on) return;
    this.connection.versioned.writes++;
    await sql.raw(bumpStateSql(options.workspace ?? WHOLE_DATABASE)).execute(db);
  }

  async read<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.scope !== 'top') return fn(this);
    try {
      return await this.readAtTop(fn);
    } catch (e) {
      throw systemError(e, this.location) ?? e;
    }
  }

  private async readAtTop<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      return this.connection.db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        try {
          return await fn(new SqlStore(this.connection, conn, 'read', this.member));
        } finally {
          await sql`commit`.execute(conn);
        }
      });
    }
    return this.connection.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => fn(new SqlStore(this.connection, trx, 'read', this.member)));
  }

  localWrites(): number {
    return this.connection.versioned.writes;
  }

  cacheSizes(): { statements: number; sessions: number } {
    return { statements: this.connection.statements(), sessions: this.connection.sessions?.size ?? 0 };
  }

  async analyze(): Promise<void> {
    if (this.dialect === 'postgres') await sql`vacuum analyze`.execute(this.connection.db);
    else await sql`analyze`.execute(this.connection.db);
  }

  async close(): Promise<void> {
    if (this.scope !== 'top') throw new Error('close() belongs to the Store that opened the database.');
    await this.connection.close();
  }
}
