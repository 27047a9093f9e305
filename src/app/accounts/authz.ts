import type { Role } from '../../contract/accounts.js';
import { RapportError } from '../../domain/errors.js';

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

const ROLE_NAME: Record<Role, string> = { owner: 'an owner', editor: 'an editor', viewer: 'a viewer' };

/**
 * Refuses (403) what the role may not do, naming the role: for use cases that every adapter
 * reaches (the API's route table checks first; the CLI has no route table).
 */
export function mustBeAllowed(role: Role, action: Action, what: string): void {
  if (!can(role, action))
    throw new RapportError('forbidden', `Only an owner can ${what}; you are ${ROLE_NAME[role]} here.`, {
      role,
    });
}
