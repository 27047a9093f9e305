import { type Connection, openConnection } from './database.js';
import { applied, migrateToLatest } from './migrate.js';
import { SqlStore, type Store } from './store.js';

// The only door to store/: app/ imports from here and nowhere else below store/.

export type { Assessment } from '../domain/assessment.js';
export { type BulkPerson, insertInteractions, insertPeople } from './bulk.js';
export type { DialectName } from './database.js';
export { isPostgresUrl } from './database.js';
export type { Role, StoredNote, StoredSession, StoredToken, StoredUser } from './repositories/accounts.js';
export type { ActivityEntry } from './repositories/activity.js';
export type { ImportInteractionRow, ImportPersonRow } from './repositories/import-rows.js';
export type { ImportedPerson, PersonKeyVisitor } from './repositories/imported-people.js';
export type { LedgerEntry, NewInteraction } from './repositories/interactions.js';
export type {
  NetworkPerson,
  Participation,
  PersonKeys,
  StoredTie,
  TieArrays,
} from './repositories/network.js';
export type { NewPeopleColumns } from './repositories/new-people.js';
export type { StoredOnboardingList } from './repositories/onboarding.js';
export { nameKey } from './repositories/people.js';
export type { ContactShare, Engagement, PracticePerson, UnthankedHelp } from './repositories/practice.js';
export type {
  CapitalRollup,
  CapitalRollupFields,
  CapitalSums,
  ContactStats,
  FlaggedAssessment,
  OrgRow,
  RelationshipPerson,
  RollupParams,
  StaleMap,
} from './repositories/relationship.js';
export type {
  AccountsStore,
  ActivityStore,
  AssessmentsStore,
  ImportsStore,
  InitiativesStore,
  InteractionsStore,
  NetworkStore,
  OnboardingStore,
  PeopleStore,
  PlansStore,
  PracticeStore,
  RelationshipStore,
  SettingsStore,
  Store,
  TransactionOptions,
  WorkspacesStore,
} from './store.js';

export interface OpenStoreOptions {
  /**
   * Bring the schema up to date before returning (cheap when nothing is pending: one query).
   * Entry points decide: the CLI migrates when it opens, a server once at start, tests once
   * per throwaway database. Without it a database that is behind is used as it is.
   */
  migrate?: boolean;
  /**
   * Keep sessions in memory between requests while PostgreSQL's change feed tells this process
   * of every change (a server; store/change-feed.ts). Costs a connection of its own, so the CLI
   * does without. Nothing on SQLite.
   */
  listen?: boolean;
}

/** Opens the database at a file path or postgres:// URL. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const conn: Connection = await openConnection(location);
  if (options.migrate) {
    try {
      await migrateToLatest(conn);
    } catch (e) {
      await conn.close();
      throw e;
    }
  }
  // A database behind its schema (opened without migrating) keeps working, unversioned.
  const done = await applied(conn);
  conn.versioned.on = done?.has('0700_state_versions') ?? false;
  if (options.listen && done?.has('0750_change_feed')) await conn.listen();
  return SqlStore.over(conn);
}

/** Brings the schema of the database at `location` up to date, then closes it. */
export async function migrate(location: string): Promise<void> {
  const store = await openStore(location, { migrate: true });
  await store.close();
}
