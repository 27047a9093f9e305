import { type ActivityInput, type ActivityResult, ActivityInput as Input } from '../../contract/accounts.js';
import { parseInput } from '../../contract/common.js';
import type { Store } from '../../store/index.js';
import type { Principal } from './accounts.js';

/**
 * What a write was done to, for the log: the id it was addressed by or created, and the name
 * when the answer carries one. Never a body: the log must not repeat a note or a value typed.
 */
export function activityTarget(params: unknown, result: unknown): string | null {
  const id =
    (params as { id?: unknown } | null)?.id ?? (result as { id?: unknown } | null | undefined)?.id ?? null;
  if (typeof id !== 'number' && typeof id !== 'string') return null;
  const name = (result as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? `#${id} ${name}` : `#${id}`;
}

/** Appends one entry to the caller's workspace log. */
export async function recordActivity(
  store: Store,
  p: Principal,
  action: string,
  target: string | null,
  now: Date,
): Promise<void> {
  await store.activity.record(p.ws, { userId: p.userId, at: now.toISOString(), action, target });
}

/** The workspace's log, newest first, a page at a time. */
export async function listActivity(
  store: Store,
  p: Principal,
  raw: ActivityInput = {},
): Promise<ActivityResult> {
  const { limit, before } = parseInput(Input, raw);
  const rows = await store.activity.list(p.ws, limit + 1, before);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.userId === null ? null : { id: r.userId, name: r.userName ?? '' },
      action: r.action,
      target: r.target,
    })),
    next: rows.length > limit ? page.at(-1)!.id : null,
  };
}
