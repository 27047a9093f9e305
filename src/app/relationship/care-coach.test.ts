import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, setMe, showPerson } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { setSetting } from '../workspace/settings.js';
import { ask } from './ask.js';
import { peopleByImportance } from './importance.js';
import { logInteraction } from './log.js';
import { nurture } from './nurture.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const daysAgo = (d: number): string => new Date(NOW.getTime() - d * 86_400_000).toISOString().slice(0, 10);

// Real contact, not attendance (issue 13 §5), as a coach would count it: a sponsor I last met
// alone 40 days ago is not cared for by sitting in the same all-hands; a client's VP I used to
// see every fortnight is not less important because I have neglected them for three months.
describeEachDialect('care counts real contact, importance survives neglect', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const me = await addPerson(r, { name: 'Alex Kim', level: 4 });
    await setMe(r, { person: me.id });
    await addPerson(r, { name: 'Sofia Brandt', title: 'Sponsor', level: 2, tier: 'partner' });
    await addPerson(r, { name: 'Ravi Shah', title: 'Engineer', level: 4, tier: 'partner' });
    await addPerson(r, { name: 'Vera Oduya', title: 'VP Operations', category: 'client', tier: 'friend' });
    await addPerson(r, { name: 'Finn Lund', title: 'Designer', tier: 'friend' });
    for (const n of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) await addPerson(r, { name: `${n} Team` });
    const log = (people: string[], days: number, kind = 'meeting' as const) =>
      logInteraction(r, { people, kind, date: daysAgo(days) });
    await log(['Sofia Brandt'], 40, 'meeting');
    await log(['Ravi Shah'], 40, 'meeting');
    // A six-person planning session (me included) and an eight-person all-hands.
    await log(['Ravi Shah', 'Ann Team', 'Bo Team', 'Cy Team', 'Di Team'], 10);
    await log(['Sofia Brandt', 'Ravi Shah', 'Ann Team', 'Bo Team', 'Cy Team', 'Di Team', 'Ed Team'], 2);
    // Vera: every fortnight for most of the year, silent for the last 88 days.
    for (let d = 88; d < 360; d += 14) await log(['Vera Oduya'], d);
    // Finn: five catch-ups this quarter, the last 49 days ago (19 past a 30-day cadence).
    for (const d of [49, 56, 63, 70, 77]) await log(['Finn Lund'], d);
  });
  afterEach(() => cleanup());

  it('does not let a large meeting reset a cadence, and counts a small one for half', async () => {
    const list = await nurture(r);
    const sofia = list.find((e) => e.person.name === 'Sofia Brandt');
    expect(sofia).toMatchObject({ countedFrom: 'one-to-one', daysSince: 40, overdueDays: 26 });
    expect(sofia!.lastInteractionAt!.slice(0, 10)).toBe(daysAgo(2));
    expect(sofia!.reason.text).toBe('last one-to-one 40 days ago, 26 days past the 14-day cadence');
    // Ravi's planning session of six bought 7 of his 14 days: 3 past.
    expect(list.find((e) => e.person.name === 'Ravi Shah')).toMatchObject({
      countedFrom: 'group',
      overdueDays: 3,
    });
    // A smaller large-meeting size makes the planning session attendance too.
    await setSetting(r, { key: 'contact.largeMeeting', value: 5 });
    expect((await nurture(r)).find((e) => e.person.name === 'Ravi Shah')).toMatchObject({
      countedFrom: 'one-to-one',
      overdueDays: 26,
    });
    const shown = await showPerson(r, { person: 'Sofia Brandt' });
    expect(shown.interactions.lastOneToOneAt!.slice(0, 10)).toBe(daysAgo(40));
  });

  it('asks for contact before a medium ask when the only recent one was an all-hands', async () => {
    const check = await ask(r, { person: 'Sofia Brandt', size: 'medium' });
    expect(check.verdict).toBe('not-now');
    expect(check.reason).toMatchObject({ code: 'out-of-touch', params: { overdueDays: 26 } });
  });

  it('keeps a neglected client VP above a friend a little overdue (importance does not fall with neglect)', async () => {
    const list = await nurture(r);
    const names = list.map((e) => e.person.name);
    expect(names.indexOf('Vera Oduya')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('Vera Oduya')).toBeLessThan(names.indexOf('Finn Lund'));
    const ranked = await peopleByImportance(r);
    const vera = ranked.find((p) => p.name === 'Vera Oduya')!;
    const finn = ranked.find((p) => p.name === 'Finn Lund')!;
    // 20 in the year, none in the last 90 days: the year's rate (4.9 a quarter) counts.
    expect(vera.importance.inputs.interactions).toBe(1);
    expect(vera.importance.components.frequency).toBeGreaterThan(finn.importance.components.frequency - 5);
    // Neither is rated for interconnectedness: unknown, so frequency and sway carry the score.
    expect(vera.importance.score).toBeCloseTo(
      (0.4 * vera.importance.components.frequency + 0.3 * vera.importance.components.sway) / 0.7,
      1,
    );
  });
});
