import { type Kysely, sql } from 'kysely';
import type { Connection, DialectName } from './database.js';
import { AssessmentsRepository } from './repositories/assessments.js';
import { InitiativesRepository } from './repositories/initiatives.js';
import { InteractionsRepository } from './repositories/interactions.js';
import { NetworkRepository } from './repositories/network.js';
import { PeopleRepository } from './repositories/people.js';
import { PlansRepository } from './repositories/plans.js';
import { RelationshipRepository } from './repositories/relationship.js';
import { SettingsRepository } from './repositories/settings.js';
import { WorkspacesRepository } from './repositories/workspaces.js';
import type { Database } from './schema.js';

/**
 * The repositories over one database handle (the connection, or a transaction on it).
 * `transaction` hands the callback a Store bound to the transaction, so a use case writes
 * all or nothing without knowing the dialect.
 */
export class Store {
  readonly people: PeopleRepository;
  readonly initiatives: InitiativesRepository;
  readonly assessments: AssessmentsRepository;
  readonly interactions: InteractionsRepository;
  readonly settings: SettingsRepository;
  readonly workspaces: WorkspacesRepository;
  readonly relationship: RelationshipRepository;
  readonly plans: PlansRepository;
  readonly network: NetworkRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly connection: Connection,
    private readonly inTransaction = false,
  ) {
    this.people = new PeopleRepository(db);
    this.initiatives = new InitiativesRepository(db);
    this.assessments = new AssessmentsRepository(db);
    this.interactions = new InteractionsRepository(db);
    this.settings = new SettingsRepository(db);
    this.workspaces = new WorkspacesRepository(db);
    this.relationship = new RelationshipRepository(db, connection.dialect);
    this.plans = new PlansRepository(db);
    this.network = new NetworkRepository(db, connection);
  }

  get dialect(): DialectName {
    return this.connection.dialect;
  }

  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    if (this.dialect === 'sqlite') {
      // BEGIN IMMEDIATE takes the write lock up front, so a second process waits (busy timeout)
      // instead of failing when its read lock cannot be upgraded.
      return this.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(new Store(conn, this.connection, true));
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          await sql`rollback`.execute(conn);
          throw e;
        }
      });
    }
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.connection, true)));
  }
}
