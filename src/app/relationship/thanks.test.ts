import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { logInteraction } from './log.js';
import { thanks } from './thanks.js';

const NOW = new Date('2026-11-23T18:00:00.000Z');

describeEachDialect('thanks owed', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const me = await addPerson(r, { name: 'Alex Kim', level: 3 });
    await setMe(r, { person: me.id });
    for (const name of ['Mara Diaz', 'Pat Lee', 'Sam Ortiz']) await addPerson(r, { name });
  });
  afterEach(() => cleanup());

  it('a thank-you the same day settles a favour, even logged earlier that day; one the day before does not', async () => {
    // Mara: thanked in the morning for help logged in the afternoon of the same day.
    await logInteraction(r, { people: ['Mara Diaz'], kind: 'gratitude', date: '2026-11-10T08:00:00.000Z' });
    await logInteraction(r, {
      people: ['Mara Diaz'],
      kind: 'help-received',
      date: '2026-11-10T16:00:00.000Z',
    });
    // Pat: thanked the day before the favour, which does not count for it.
    await logInteraction(r, { people: ['Pat Lee'], kind: 'gratitude', date: '2026-11-09T16:00:00.000Z' });
    await logInteraction(r, { people: ['Pat Lee'], kind: 'help-received', date: '2026-11-10T09:00:00.000Z' });
    // Sam: an introduction, never thanked.
    await logInteraction(r, {
      people: ['Sam Ortiz'],
      kind: 'introduction-received',
      date: '2026-11-12T09:00:00.000Z',
    });
    const v = await thanks(r);
    expect(v.owed.map((o) => o.person.name)).toEqual(['Pat Lee', 'Sam Ortiz']);
    expect(v.more).toBe(false);
  });
});
