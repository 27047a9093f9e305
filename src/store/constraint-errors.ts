import { ConflictError, RapportError, ValidationError } from '../domain/errors.js';

// A constraint the database enforces (unique, foreign key, not null, check) is broken either by
// a race the application checks did not see or by input they missed. Either way the user gets
// a typed error naming the record, never a driver message presented as a bug.

const RECORD: Record<string, string> = {
  workspaces: 'workspace',
  people: 'person',
  person_emails: 'email address',
  initiatives: 'initiative',
  assessments: 'assessment',
  interactions: 'interaction',
  interaction_people: 'interaction participant',
  settings: 'setting',
  plans: 'plan',
  plan_steps: 'plan step',
  ties: 'tie',
};

const COLUMN: Record<string, string> = {
  name_key: 'name',
  from_person_id: 'from',
  to_person_id: 'to',
  person_id: 'person',
  manager_id: 'manager',
  initiative_id: 'initiative',
  interaction_id: 'interaction',
  plan_id: 'plan',
};

type Kind = 'unique' | 'foreign_key' | 'not_null' | 'check';

const PG_KINDS: Record<string, Kind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'not_null',
  '23514': 'check',
};

const SQLITE_KINDS: Record<string, Kind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};

interface DriverError {
  code?: string;
  message?: string;
  table?: string;
  column?: string;
  detail?: string;
}

interface Violation {
  kind: Kind;
  table: string | null;
  /** The columns and values that clash, workspace left out; values only where PostgreSQL tells them. */
  fields: { column: string; value: string | null }[];
}

function violationOf(error: unknown): Violation | null {
  const e = error as DriverError | null;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string') return null;
  const pgKind = PG_KINDS[e.code];
  if (pgKind) {
    // detail: Key (workspace_id, email)=(1, ada@example.com) already exists.
    const m = /^Key \((.+?)\)=\((.*)\)/.exec(e.detail ?? '');
    const columns = m ? m[1]!.split(', ') : e.column ? [e.column] : [];
    const values = m ? m[2]!.split(', ') : [];
    return {
      kind: pgKind,
      table: e.table ?? null,
      fields: columns
        .map((column, i) => ({ column, value: values[i] ?? null }))
        .filter((f) => f.column !== 'workspace_id'),
    };
  }
  const sqliteKind = SQLITE_KINDS[e.code];
  if (sqliteKind) {
    // message: UNIQUE constraint failed: person_emails.workspace_id, person_emails.email
    const list = /constraint failed: (.+)$/.exec(e.message ?? '')?.[1] ?? '';
    const qualified = list
      .split(', ')
      .map((c) => c.trim().split('.'))
      .filter((p) => p.length === 2);
    return {
      kind: sqliteKind,
      table: qualified[0]?.[0] ?? null,
      fields: qualified
        .map(([, column]) => ({ column: column!, value: null }))
        .filter((f) => f.column !== 'workspace_id'),
    };
  }
  return null;
}

const describe = (fields: Violation['fields']): string =>
  fields.map((f) => `${COLUMN[f.column] ?? f.column}${f.value === null ? '' : ` "${f.value}"`}`).join(', ');

/**
 * The typed error for a constraint violation, or the error itself when it is something else.
 * The driver error stays as `cause` (migrations recognise a concurrent migrator by its code).
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof RapportError) return error;
  const v = violationOf(error);
  if (!v) return error;
  const record = (v.table && RECORD[v.table]) ?? v.table ?? 'record';
  const what = describe(v.fields);
  const details = { table: v.table, constraint: v.kind, fields: v.fields };
  let translated: RapportError;
  switch (v.kind) {
    case 'unique':
      translated = new ConflictError(
        `A ${record}${what ? ` with this ${what}` : ''} already exists (it may have been saved by another request at the same moment); nothing was changed.`,
        details,
      );
      break;
    case 'foreign_key':
      translated = new ConflictError(
        `The ${record} refers to ${what ? `a ${what}` : 'a record'} that does not exist (it may have just been removed); nothing was changed.`,
        details,
      );
      break;
    default:
      translated = new ValidationError(
        v.fields[0]?.column ?? record,
        `The ${record} is missing ${what ? `its ${what}` : 'a required value'} or has one out of range; nothing was changed.`,
        details,
      );
  }
  (translated as { cause?: unknown }).cause = error;
  return translated;
}
