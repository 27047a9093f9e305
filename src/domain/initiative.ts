import { optionalText, requireText } from './validate.js';

export const INITIATIVE_STATUSES = ['active', 'archived'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export interface Initiative {
  id: number;
  name: string;
  description: string | null;
  status: InitiativeStatus;
  createdAt: string;
  archivedAt: string | null;
}

/** An initiative is active until archived: its map counts in focus, review, asks and reminders. */
export const isActive = (i: Pick<Initiative, 'status'>): boolean => i.status === 'active';

export interface InitiativeInput {
  name?: string;
  description?: string | null;
}

export function newInitiativeFields(input: InitiativeInput): { name: string; description: string | null } {
  return {
    name: requireText('name', input.name),
    description: optionalText('description', input.description ?? null, 5000),
  };
}
