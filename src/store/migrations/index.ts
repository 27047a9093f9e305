import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as relationship from './0100_relationship.js';

/**
 * Every migration, by name. Names sort in the order they must run; each later capability adds
 * its own file and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0100_relationship': relationship,
};
