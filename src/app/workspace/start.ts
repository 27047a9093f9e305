import type { Rapport } from '../core/context.js';
import { getMe } from '../people/people.js';
import { type DemoSummary, loadDemo } from './demo.js';

export interface StartSummary {
  createdDemo: DemoSummary | null;
  people: number;
  initiatives: number;
  interactions: number;
  me: string | null;
}

/** First run: a new database gets the demo organisation so there is something to explore. */
export async function start(r: Rapport): Promise<StartSummary> {
  const createdDemo = (await r.store.people.count(r.ws)) === 0 ? await loadDemo(r) : null;
  const [people, initiatives, interactions, me] = await Promise.all([
    r.store.people.count(r.ws),
    r.store.initiatives.list(r.ws),
    r.store.interactions.count(r.ws),
    getMe(r),
  ]);
  return { createdDemo, people, initiatives: initiatives.length, interactions, me: me?.name ?? null };
}
