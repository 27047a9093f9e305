import { afterEach, beforeEach, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/dates.js';
import type { TieSource } from '../../domain/influence.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson } from '../people/people.js';
import { logInteraction } from '../relationship/log.js';
import { influence } from './influence.js';
import { reportKey } from './report-cache.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ALL = {
  top: 5,
  sources: ['declared', 'reporting', 'meetings', 'mine'] as TieSource[],
  weighted: false,
};

describeEachDialect('influence report cache', ({ fresh }) => {
  let r: Rapport;
  let now: Date;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const f = await fresh();
    now = NOW;
    const ws = await f.store.workspaces.ensure('default', NOW.toISOString());
    r = { store: f.store, ws, now: () => now, close: async () => {} };
    cleanup = f.cleanup;
    await addPerson(r, { name: 'Ceo', level: 1 });
    await addPerson(r, { name: 'Vp', level: 2, manager: 'Ceo' });
    await addPerson(r, { name: 'Ann', level: 4, manager: 'Vp' });
    await addPerson(r, { name: 'Bob', level: 4, manager: 'Vp' });
    await addPerson(r, { name: 'Cy', level: 4, manager: 'Bob' });
    for (const day of ['2026-11-18', '2026-11-19', '2026-11-20'])
      await logInteraction(r, { people: ['Ann', 'Cy', 'Ceo'], kind: 'meeting', date: day });
  });
  afterEach(() => cleanup());

  const scores = (report: Awaited<ReturnType<typeof influence>>) =>
    Object.fromEntries(report.top.map((e) => [e.person.name, e.influence]));

  it('recomputes when the day changes and meeting ties have faded; within a day it is served', async () => {
    const first = await influence(r, ALL);
    expect(first.cached).toBe(false);
    now = new Date(NOW.getTime() + 3 * 3600_000);
    expect((await influence(r, ALL)).cached).toBe(true);

    now = new Date(NOW.getTime() + DAY_MS);
    expect((await influence(r, ALL)).cached).toBe(false);

    // A year on, with no new data: the meetings have faded against the reporting lines.
    now = new Date(NOW.getTime() + 365 * DAY_MS);
    const later = await influence(r, ALL);
    expect(later.cached).toBe(false);
    expect(scores(later)).not.toEqual(scores(first));
    expect(scores(later).Ann!).toBeLessThan(scores(first).Ann!);
  });

  it('a report from ties that do not fade is served on later days', async () => {
    const q = { top: 5, sources: ['declared', 'reporting'] as TieSource[] };
    expect((await influence(r, q)).cached).toBe(false);
    now = new Date(NOW.getTime() + 30 * DAY_MS);
    expect((await influence(r, q)).cached).toBe(true);
  });

  it('a cached report of another shape, or not JSON at all, is recomputed and replaced', async () => {
    const first = await influence(r, ALL);
    const key = reportKey(ALL);
    const { top: _, ...withoutTop } = first;
    const damaged = [
      JSON.stringify({ ...first, top: 'nope' }),
      JSON.stringify(withoutTop),
      JSON.stringify({
        ...first,
        top: first.top.map((e) => ({ ...e, reasons: e.reasons.map((x) => x.text) })),
      }),
      '{"cut short',
    ];
    for (const payload of damaged) {
      await r.store.network.cache(r.ws, key, first.version, payload, NOW.toISOString());
      const again = await influence(r, ALL);
      expect(again.cached).toBe(false);
      expect(again).toEqual(first);
      expect((await influence(r, ALL)).cached).toBe(true);
    }
  });
});
