import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as relationship from './0100_relationship.js';
import * as capitalRollup from './0101_capital_rollup.js';
import * as network from './0200_network.js';
import * as accounts from './0300_accounts.js';
import * as externalIds from './0450_person_external_ids.js';
import * as hrFields from './0460_person_hr_fields.js';
import * as practiceIndex from './0500_practice_index.js';
import * as capitalContactParts from './0600_capital_contact_parts.js';
import * as activity from './0610_activity.js';
import * as removedInteractions from './0620_removed_interactions.js';
import * as onboardingLists from './0630_onboarding_lists.js';
import * as stateVersions from './0700_state_versions.js';
import * as externalIdsWithoutRowid from './0710_external_ids_without_rowid.js';
import * as memberRelationships from './0720_member_relationships.js';
import * as planAuthors from './0721_plan_authors.js';
import * as changeFeed from './0750_change_feed.js';
import * as memberLedger from './0760_member_ledger.js';
import * as memberNotes from './0770_member_notes.js';
import * as capitalParamsIndex from './0780_capital_params_index.js';
import * as currentAssessments from './0781_current_assessments.js';
import * as ledgerKind from './0790_ledger_kind.js';
import * as keysCheckedPerStatement from './0791_keys_checked_per_statement.js';

/**
 * Every migration, by name. Names sort in the order they must run; each later capability adds
 * its own file and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0100_relationship': relationship,
  '0101_capital_rollup': capitalRollup,
  '0200_network': network,
  '0300_accounts': accounts,
  '0450_person_external_ids': externalIds,
  '0460_person_hr_fields': hrFields,
  '0500_practice_index': practiceIndex,
  '0600_capital_contact_parts': capitalContactParts,
  '0610_activity': activity,
  '0620_removed_interactions': removedInteractions,
  '0630_onboarding_lists': onboardingLists,
  '0700_state_versions': stateVersions,
  '0710_external_ids_without_rowid': externalIdsWithoutRowid,
  '0720_member_relationships': memberRelationships,
  '0721_plan_authors': planAuthors,
  '0750_change_feed': changeFeed,
  '0760_member_ledger': memberLedger,
  '0770_member_notes': memberNotes,
  '0780_capital_params_index': capitalParamsIndex,
  '0781_current_assessments': currentAssessments,
  '0790_ledger_kind': ledgerKind,
  '0791_keys_checked_per_statement': keysCheckedPerStatement,
};
