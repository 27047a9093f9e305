import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addInitiative } from '../map/initiatives.js';
import { addPerson, removePerson } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { personBalance } from './balances.js';
import { ledger } from './ledger.js';
import { removeInteraction, restoreInteraction } from './ledger-edit.js';
import { logInteraction } from './log.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// Undo after a delete (issue 15's timeline): the entry comes back whole and the balance with it.
describeEachDialect('restoring a removed ledger entry', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    await addPerson(r, { name: 'Dana Lee' });
    await addPerson(r, { name: 'Sam Ortiz' });
    await addInitiative(r, { name: 'Apollo' });
  });
  afterEach(() => cleanup());

  it('brings the entry back with its fields, people and effect on the balance, once', async () => {
    const logged = await logInteraction(r, {
      people: ['Dana Lee', 'Sam Ortiz'],
      kind: 'help-given',
      note: 'reviewed their deck',
      date: '2026-11-20',
      initiative: 'Apollo',
    });
    const before = await personBalance(r, { person: 'Dana Lee' });
    await removeInteraction(r, { id: logged.id });
    expect((await personBalance(r, { person: 'Dana Lee' })).balance).toBe(0);
    const back = await restoreInteraction(r, { id: logged.id });
    expect(back).toMatchObject({
      occurredAt: logged.occurredAt,
      kind: 'help-given',
      capital: logged.capital,
      note: 'reviewed their deck',
      initiative: { name: 'Apollo' },
    });
    expect(back.people.map((p) => p.name).sort()).toEqual(['Dana Lee', 'Sam Ortiz']);
    expect((await personBalance(r, { person: 'Dana Lee' })).balance).toBe(before.balance);
    expect((await ledger(r, { person: 'Sam Ortiz' })).entries.map((e) => e.id)).toEqual([back.id]);
    await expect(restoreInteraction(r, { id: logged.id })).rejects.toThrow(
      /No removed ledger entry matches "#\d+"/,
    );
  });

  it('leaves out people removed since, and refuses when nobody is left', async () => {
    const both = await logInteraction(r, { people: ['Dana Lee', 'Sam Ortiz'], kind: 'meeting' });
    const alone = await logInteraction(r, { people: ['Sam Ortiz'], kind: 'coffee' });
    await removeInteraction(r, { id: both.id });
    await removeInteraction(r, { id: alone.id });
    await removePerson(r, { person: 'Sam Ortiz', confirm: true });
    expect((await restoreInteraction(r, { id: both.id })).people.map((p) => p.name)).toEqual(['Dana Lee']);
    await expect(restoreInteraction(r, { id: alone.id })).rejects.toThrow(/everyone in it has been removed/);
  });

  it('refuses an id that was never removed', async () => {
    await expect(restoreInteraction(r, { id: 999 })).rejects.toThrow(/No removed ledger entry/);
  });
});
