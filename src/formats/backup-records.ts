import type { TieKind } from '../domain/influence.js';
import type { InitiativeStatus } from '../domain/initiative.js';
import type { InteractionKind } from '../domain/interaction.js';
import type { Category, Tier } from '../domain/person.js';
import type { Strategy } from '../domain/plan.js';

// The records a backup holds, as the writer writes them and the parser returns them.

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/**
 * A workspace as a file. Records refer to each other by keys local to the file ("p1", "i1"),
 * never by database ids, so a backup restores into any database and exporting the restored
 * workspace gives the same bytes.
 */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  workspace: { name: string; me: string | null };
  people: BackupPerson[];
  initiatives: BackupInitiative[];
  assessments: BackupAssessment[];
  interactions: BackupInteraction[];
  ties: BackupTie[];
  /** Tables added after version 1 of the format travel here; plans are the one there is. */
  extra: { plans: BackupPlan[] };
  /** Flat setting keys, each checked against the settings registry. */
  settings: Record<string, unknown>;
}

export interface BackupPlan {
  person: string;
  strategy: Strategy;
  createdAt: string;
  steps: BackupPlanStep[];
}

export interface BackupPlanStep {
  text: string;
  /** YYYY-MM-DD. */
  due: string;
  doneAt: string | null;
}

export interface BackupPerson {
  key: string;
  name: string;
  emails: string[];
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  manager: string | null;
  phone: string | null;
  company: string | null;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  /**
   * Added later in version 1, and written only when set, so a backup without them restores
   * and re-exports to the same bytes.
   */
  location?: string | null;
  /** YYYY-MM-DD. */
  hireDate?: string | null;
  /** Ids other systems give them (an HRIS employee id, a LinkedIn URL); one value names one person. */
  externalIds?: BackupExternalId[];
  createdAt: string;
  updatedAt: string;
}

export const EXTERNAL_ID_KINDS = ['employee', 'linkedin'] as const;

export interface BackupExternalId {
  kind: (typeof EXTERNAL_ID_KINDS)[number];
  value: string;
}

export interface BackupInitiative {
  key: string;
  name: string;
  description: string | null;
  status: InitiativeStatus;
  createdAt: string;
  archivedAt: string | null;
}

export interface BackupAssessment {
  initiative: string;
  person: string;
  influence: number;
  stance: number;
  interconnectedness: number | null;
  note: string | null;
  assessedAt: string;
}

export interface BackupInteraction {
  occurredAt: string;
  kind: InteractionKind;
  capital: number;
  note: string | null;
  initiative: string | null;
  people: string[];
  source: string | null;
  createdAt: string;
}

export interface BackupTie {
  from: string;
  to: string;
  type: TieKind;
  weight: number;
}
