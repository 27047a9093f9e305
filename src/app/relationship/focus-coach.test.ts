import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { coalition } from '../influence/influence-paths.js';
import { assess } from '../map/assess.js';
import { addInitiative } from '../map/initiatives.js';
import { addPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { focus } from './focus.js';
import { logInteraction } from './log.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// An organisation whose weekly list a coach would write (issue 13 §3): the CEO drifting towards
// opposition, a new finance director never met alone, a champion I keep drawing on, a trusted
// partner who opposes the initiative, and stale maps that should be one line, not one per map.
describeEachDialect('focus: what a coach would put on this week', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const uma = await addPerson(r, { name: 'Uma Reyes', title: 'CEO', level: 1 });
    const alex = await addPerson(r, { name: 'Alex Kim', title: 'PM', level: 4, manager: uma.id });
    await setMe(r, { person: alex.id });
    await addPerson(r, { name: 'Farid Haddad', title: 'Finance Director', level: 2 });
    await addPerson(r, { name: 'Mia Berg', title: 'Head of Data', level: 3 });
    await addPerson(r, { name: 'Olga Zhang', title: 'VP Sales', level: 2, tier: 'partner' });
    await addPerson(r, { name: 'Lee Park', title: 'Designer', level: 4 });
    await addInitiative(r, { name: 'EU data residency' });
    await addInitiative(r, { name: 'Pricing' });
    const put = (person: string, initiative: string, influence: number, stance: number, date: string) =>
      assess(r, { person, initiative, influence, stance, date });
    await put('Uma Reyes', 'EU data residency', 98, -11, '2026-11-01');
    await put('Uma Reyes', 'EU data residency', 98, -18, '2026-11-20');
    await put('Farid Haddad', 'EU data residency', 85, 0, '2026-11-15');
    await put('Mia Berg', 'EU data residency', 70, 60, '2026-11-15');
    await assess(r, {
      person: 'Olga Zhang',
      initiative: 'Pricing',
      influence: 60,
      stance: -40,
      date: '2026-11-15',
      note: 'budget pressure',
    });
    await put('Lee Park', 'Pricing', 30, 10, '2026-08-01');
    await put('Lee Park', 'EU data residency', 45, 30, '2026-09-01');
    // Farid only in a large meeting; Mia asked twice and given nothing.
    await logInteraction(r, {
      people: ['Farid Haddad', 'Mia Berg', 'Lee Park'],
      kind: 'meeting',
      date: '2026-11-10',
    });
    await logInteraction(r, { people: ['Mia Berg'], kind: 'ask', date: '2026-10-01' });
    await logInteraction(r, { people: ['Mia Berg'], kind: 'ask', date: '2026-11-12' });
    await logInteraction(r, { people: ['Olga Zhang'], kind: 'coffee', date: '2026-11-18' });
  });
  afterEach(() => cleanup());

  it('raises the at-risk CEO, the never-met director, the overdrawn champion and the contradicting tier', async () => {
    const items = await focus(r);
    const byName = new Map(items.map((i) => [i.person?.name ?? '(maps)', i]));
    expect(byName.get('Uma Reyes')).toMatchObject({
      kind: 'at-risk',
      initiative: { name: 'EU data residency' },
    });
    expect(byName.get('Uma Reyes')!.why[0]!.text).toContain('stance -11 → -18, 2 from the detractor line');
    expect(byName.get('Farid Haddad')).toMatchObject({ kind: 'never-engaged' });
    expect(byName.get('Mia Berg')).toMatchObject({ kind: 'overdrawn-champion' });
    // Olga's convert line leads; the tier that contradicts the map is among its reasons.
    const olga = byName.get('Olga Zhang')!;
    expect(olga.why.map((w) => w.code)).toContain('partner-opposes');
    // Her strategy follows the concern her assessment names, not missing data (issue 13 §4).
    expect(olga).toMatchObject({ kind: 'convert', strategy: 'empathize' });
    expect(olga.action.text).toBe(
      'Talk to Olga Zhang about their concern, “budget pressure”: show how Pricing answers it.',
    );
    // Two stale assessments on two maps: one line, naming the one that matters most first.
    const stale = items.filter((i) => i.kind === 'stale-assessments');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.action.text).toBe('Re-assess Lee Park (EU data residency) and Lee Park (Pricing).');
    // Best first: the CEO about to turn outranks the director never met.
    expect(items.indexOf(byName.get('Uma Reyes')!)).toBeLessThan(items.indexOf(byName.get('Farid Haddad')!));
  });

  it('drops the never-met line at once when a one-to-one is logged (the kept answer follows the ledger)', async () => {
    expect((await focus(r)).find((i) => i.person?.name === 'Farid Haddad')?.kind).toBe('never-engaged');
    await logInteraction(r, { people: ['Farid Haddad'], kind: 'meeting', date: '2026-11-22' });
    expect(
      (await focus(r)).some((i) => i.kind === 'never-engaged' && i.person?.name === 'Farid Haddad'),
    ).toBe(false);
  });

  it('counts the at-risk CEO in coalition, though nobody is a convert yet', async () => {
    const c = await coalition(r, { initiative: 'EU data residency' });
    expect(c.lines).toEqual([]);
    expect(c.atRisk.map((l) => l.person.name)).toEqual(['Uma Reyes']);
  });
});
