import type { DemoSummary, StartSummary, WorkspaceSummary } from '../../contract/workspace.js';
import { PreconditionError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';
import { getMe } from '../people/people.js';
import { loadDemo } from './demo.js';

/** What a workspace holds, in a line: for the first start, `init` and an empty `focus`. */
export type { StartSummary, WorkspaceSummary };

export async function workspaceSummary(r: Rapport): Promise<WorkspaceSummary> {
  const [people, initiatives, interactions, me] = await Promise.all([
    r.store.people.count(r.ws),
    r.store.initiatives.list(r.ws),
    r.store.interactions.count(r.ws),
    getMe(r),
  ]);
  return {
    people,
    initiatives: initiatives.length,
    interactions,
    me: me ? { id: me.id, name: me.name } : null,
  };
}

/**
 * First run: a new database gets the demo organisation so there is something to explore.
 * When several first starts race, the one whose transaction comes first seeds it; the others
 * find it seeded and just report.
 */
export async function start(r: Rapport): Promise<StartSummary> {
  let createdDemo: DemoSummary | null = null;
  if ((await r.store.people.count(r.ws)) === 0) {
    try {
      createdDemo = await loadDemo(r);
    } catch (e) {
      if (!(e instanceof PreconditionError && e.details?.needs === 'empty-workspace')) throw e;
    }
  }
  return { createdDemo, ...(await workspaceSummary(r)) };
}
