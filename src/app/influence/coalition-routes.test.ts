import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { assess } from '../map/assess.js';
import { addInitiative } from '../map/initiatives.js';
import { addPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { coalition } from './influence-paths.js';
import { declareTie, removeTie } from './ties.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// Olga opposes the initiative; Elena champions it. The strong way from Elena to Olga runs through
// Dana, who opposes it too; the weak way runs through Mia, who is neutral (issue 9 §5).
describeEachDialect('coalition routes around detractors', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    for (const name of ['Alex Kim', 'Olga Zhang', 'Elena Weber', 'Dana Cole', 'Mia Berg', 'Raj Gupta'])
      await addPerson(r, { name });
    await setMe(r, { person: 'Alex Kim' });
    await addInitiative(r, { name: 'EU data residency' });
    for (const [person, influence, stance] of [
      ['Olga Zhang', 80, -60],
      ['Dana Cole', 30, -50],
      ['Elena Weber', 80, 60],
      ['Raj Gupta', 30, 40],
    ] as const)
      await assess(r, { person, initiative: 'EU data residency', influence, stance });
    await declareTie(r, { from: 'Elena Weber', to: 'Dana Cole', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Dana Cole', to: 'Olga Zhang', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Elena Weber', to: 'Mia Berg', kind: 'advice', weight: 1 });
    await declareTie(r, { from: 'Mia Berg', to: 'Olga Zhang', kind: 'advice', weight: 1 });
  });
  afterEach(() => cleanup());

  it('never routes through a detractor on that initiative, however strong the ties', async () => {
    const c = await coalition(r, { initiative: 'EU data residency' });
    const [line] = c.lines;
    expect(line!.person.name).toBe('Olga Zhang');
    expect(line!.path!.people.map((p) => p.name)).toEqual(['Elena Weber', 'Mia Berg', 'Olga Zhang']);
    expect(line!.meetFirst).toBeNull();
  });

  it('with no acceptable path, says so and names the best-placed ally to meet first', async () => {
    await removeTie(r, { from: 'Mia Berg', to: 'Olga Zhang' });
    const [line] = (await coalition(r, { initiative: 'EU data residency' })).lines;
    expect(line!.path).toBeNull();
    expect(line!.meetFirst).toMatchObject({
      person: { name: 'Elena Weber' },
      reason: { code: 'meet-ally-first' },
    });
    expect(line!.meetFirst!.reason.text).toMatch(/Elena Weber/);
    expect(line!.meetFirst!.reason.text).toMatch(/detractor/);
  });
});
