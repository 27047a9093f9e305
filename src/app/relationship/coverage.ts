import type { Coverage } from '../../contract/relationship.js';
import { coverage as computeCoverage } from '../../domain/coverage.js';
import { PreconditionError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';

/** Left, right, up and down: where the portfolio sits relative to me. */
export async function coverage(r: Rapport): Promise<Coverage> {
  const [me, people] = await Promise.all([r.store.workspaces.me(r.ws), r.store.relationship.orgChart(r.ws)]);
  if (me === null) {
    throw new PreconditionError('me', 'Coverage is relative to you: say who you are first.');
  }
  const meName = (await r.store.people.get(r.ws, me))?.name ?? `#${me}`;
  const c = computeCoverage(people, me, meName);
  return { ...c, me: { id: me, name: meName, level: c.me.level } };
}
