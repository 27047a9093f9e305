import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Every table carries `workspace_id`; every repository call takes it.
 * Times are UTC ISO-8601 text on both dialects so they compare and sort the same way.
 */
export interface WorkspacesTable {
  id: Generated<number>;
  name: string;
  /** "Me" of the local member (the CLI before any account); members keep their own. */
  me_person_id: number | null;
  created_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** lower(name), for exact case-insensitive lookup through an index. */
  name_key: string;
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  manager_id: number | null;
  phone: string | null;
  company: string | null;
  category: string;
  /** JSON array of strings. */
  interests: string;
  communication: string | null;
  /** Office or work location, as an HR file names it. */
  location: string | null;
  /** The day they joined, YYYY-MM-DD. */
  hire_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonEmailsTable {
  workspace_id: number;
  person_id: number;
  email: string;
  position: number;
}

/** Ids other systems give a person: kind 'employee' (HRIS) or 'linkedin' (profile URL). */
export interface PersonExternalIdsTable {
  workspace_id: number;
  person_id: number;
  kind: string;
  value: string;
}

export interface InitiativesTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  name_key: string;
  description: string | null;
  status: string;
  created_at: string;
  archived_at: string | null;
}

/** The current assessment of each (initiative, person) and the stance before it (triggers, 0781). */
export interface CurrentAssessmentsTable {
  workspace_id: number;
  initiative_id: number;
  person_id: number;
  influence: number;
  stance: number;
  assessed_at: string;
  prev_stance: number | null;
}

export interface AssessmentsTable {
  id: Generated<number>;
  workspace_id: number;
  initiative_id: number;
  person_id: number;
  influence: number;
  stance: number;
  interconnectedness: number | null;
  note: string | null;
  assessed_at: string;
}

export interface InteractionsTable {
  id: Generated<number>;
  workspace_id: number;
  occurred_at: string;
  kind: string;
  capital: number;
  note: string | null;
  initiative_id: number | null;
  source: string | null;
  created_at: string;
  /** The member who logged it (0: the CLI's local member); see migration 0760. */
  author_id: number;
  /** 1 when its author shared it with the workspace; private (0) by default. */
  shared: ColumnType<number, number | undefined, number>;
}

/**
 * Who took part in an interaction. `occurred_at` and `capital` are copied from the interaction
 * so "a person's ledger by date" and balance sums are answered from one index.
 */
export interface InteractionPeopleTable {
  workspace_id: number;
  interaction_id: number;
  person_id: number;
  occurred_at: string;
  capital: number;
  /** People in the interaction when it was logged, me not counted: 1 is a one-to-one. */
  party: ColumnType<number, number | undefined, number>;
  /** The interaction's author: whose ledger the row is (migration 0760). */
  member_id: number;
  /** The interaction's kind, copied like its date (migration 0790). */
  kind: string;
}

export interface SettingsTable {
  workspace_id: number;
  key: string;
  /** JSON-encoded value. */
  value: string;
}

export interface PlansTable {
  id: Generated<number>;
  workspace_id: number;
  /** The member whose plan it is (0: the CLI's local member); see migration 0721. */
  author_id: ColumnType<number, number | undefined, number>;
  person_id: number;
  strategy: string;
  created_at: string;
}

export interface PlanStepsTable {
  id: Generated<number>;
  workspace_id: number;
  plan_id: number;
  text: string;
  /** A calendar day, YYYY-MM-DD. */
  due: string;
  done_at: string | null;
}

export interface CapitalDirtyTable {
  workspace_id: number;
  member_id: number;
  person_id: number;
}

/** Per-person ledger rollup; see migrations/0101_capital_rollup.ts. */
export interface PersonCapitalTable {
  workspace_id: number;
  /** Whose ledger this rolls up (migration 0760). */
  member_id: number;
  person_id: number;
  half_life_days: number;
  anchor_day: string;
  weighted: number;
  deposits: number;
  withdrawals: number;
  last_at: string;
  max_day: string;
  /** Deposits and withdrawals weighted as `weighted` is, apart: their difference is `weighted`. */
  weighted_deposits: number;
  weighted_withdrawals: number;
  /** The last interaction with this person alone. */
  last_one_to_one_at: string | null;
  /** The last meeting of three people or more (me included) up to `large_meeting`. */
  last_group_at: string | null;
  large_meeting: number;
}

/** A declared tie: from goes to `to` for advice / is influenced by `to` (see migrations/0200_network.ts). */
export interface TiesTable {
  id: Generated<number>;
  workspace_id: number;
  from_person_id: number;
  to_person_id: number;
  kind: string;
  weight: number;
  created_at: string;
}

export interface NetworkVersionsTable {
  workspace_id: number;
  version: number;
}

/** A workspace's state version (row 0: the whole database); see migration 0700. */
export interface StateVersionsTable {
  workspace_id: number;
  version: number;
}

export interface NetworkCacheTable {
  workspace_id: number;
  key: string;
  version: string;
  payload: string;
  computed_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  is_owner: number;
  personal_workspace_id: number | null;
  created_at: string;
}

export interface MembersTable {
  workspace_id: number;
  user_id: number;
  role: string;
  created_at: string;
  /** Who this member is in the org chart (migration 0720). */
  me_person_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A member's tier, cadence and notes on a person; member 0 is the CLI's local member (migration 0720). */
export interface RelationshipsTable {
  workspace_id: number;
  member_id: number;
  person_id: number;
  tier: string;
  cadence_days: number | null;
  /** The member's own notes on the person (migration 0770). */
  notes: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  workspace_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  workspace_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  at: string;
}

export interface NotesTable {
  id: Generated<number>;
  workspace_id: number;
  person_id: number;
  author_id: number | null;
  body: string;
  shared: number;
  created_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number | null;
  at: string;
  action: string;
  target: string | null;
}

export interface RemovedInteractionsTable {
  workspace_id: number;
  id: number;
  entry: string;
  removed_at: string;
}

export interface OnboardingListsTable {
  id: Generated<number>;
  workspace_id: number;
  member_id: number;
  person_id: number | null;
  name: string;
  created_by: number | null;
  created_at: string;
}

export interface OnboardingItemsTable {
  id: Generated<number>;
  list_id: number;
  person_id: number;
  why: string | null;
  position: number;
}

export interface Database {
  workspaces: WorkspacesTable;
  people: PeopleTable;
  person_emails: PersonEmailsTable;
  person_external_ids: PersonExternalIdsTable;
  initiatives: InitiativesTable;
  assessments: AssessmentsTable;
  current_assessments: CurrentAssessmentsTable;
  interactions: InteractionsTable;
  interaction_people: InteractionPeopleTable;
  settings: SettingsTable;
  plans: PlansTable;
  plan_steps: PlanStepsTable;
  capital_dirty: CapitalDirtyTable;
  person_capital: PersonCapitalTable;
  ties: TiesTable;
  network_versions: NetworkVersionsTable;
  network_cache: NetworkCacheTable;
  state_versions: StateVersionsTable;
  users: UsersTable;
  members: MembersTable;
  relationships: RelationshipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  notes: NotesTable;
  activity: ActivityTable;
  removed_interactions: RemovedInteractionsTable;
  onboarding_lists: OnboardingListsTable;
  onboarding_items: OnboardingItemsTable;
}

export type Timestamp = ColumnType<string, string, string>;
