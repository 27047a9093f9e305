import type { Role } from '../../contract/accounts.js';

// Who may do what in a workspace, as pure rules: every route names the action it needs and the
// server checks it before calling a use case. Private notes and ledger entries are filtered by
// author in the queries themselves; these rules are about roles.

export type Action = 'read' | 'write' | 'admin';

const ALLOWED: Record<Role, readonly Action[]> = {
  owner: ['read', 'write', 'admin'],
  editor: ['read', 'write'],
  viewer: ['read'],
};

export const can = (role: Role | null, action: Action): boolean =>
  role !== null && ALLOWED[role].includes(action);

/** The ids among `ids` a role may act on: all or none, since roles are per workspace. */
export const allowedIds = (role: Role | null, action: Action, ids: readonly number[]): number[] =>
  can(role, action) ? [...ids] : [];
