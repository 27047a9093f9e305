import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { logInteraction } from '../relationship/log.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { mergePeople } from './merge.js';
import { addPerson, showPerson } from './people.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachDialect('people merge', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
  });
  afterEach(() => cleanup());

  it('keeps every field of both records: the filled one wins, lists are unioned, notes kept whole', async () => {
    const boss = await addPerson(r, { name: 'Uma Reyes', level: 1 });
    const survivor = await addPerson(r, {
      name: 'Dana Lee',
      title: 'VP Sales',
      emails: ['dana@acme.example'],
      interests: ['cycling'],
      notes: 'met at the offsite',
      tier: 'partner',
    });
    const duplicate = await addPerson(r, {
      name: 'D. Lee',
      team: 'EMEA',
      department: 'Sales',
      level: 2,
      manager: boss.id,
      emails: ['dlee@gmail.example'],
      phone: '+1 555 0100',
      company: 'Acme',
      category: 'client',
      tier: 'friend',
      cadenceDays: 21,
      interests: ['jazz', 'cycling'],
      communication: 'data first, opinions after',
      notes: 'prefers mornings',
    });
    await mergePeople(r, { survivor: survivor.id, duplicate: duplicate.id });
    const merged = await showPerson(r, { person: survivor.id });
    expect(merged).toMatchObject({
      name: 'Dana Lee',
      title: 'VP Sales',
      team: 'EMEA',
      department: 'Sales',
      level: 2,
      manager: { id: boss.id, name: boss.name },
      phone: '+1 555 0100',
      company: 'Acme',
      category: 'client',
      tier: 'partner',
      cadenceDays: 21,
      communication: 'data first, opinions after',
    });
    expect([...merged.emails].sort()).toEqual(['dana@acme.example', 'dlee@gmail.example']);
    expect([...merged.interests].sort()).toEqual(['cycling', 'jazz']);
    expect(merged.notes).toContain('met at the offsite');
    expect(merged.notes).toContain('prefers mornings');
  });

  it('a meeting with a person and their duplicate is a one-to-one once they are merged', async () => {
    const ada = await addPerson(r, { name: 'Ada Byron' });
    const dup = await addPerson(r, { name: 'A. Byron' });
    const grace = await addPerson(r, { name: 'Grace Hopper' });
    await logInteraction(r, { people: [String(ada.id), String(dup.id)], kind: 'coffee', date: '2026-11-20' });
    await logInteraction(r, {
      people: [String(dup.id), String(grace.id)],
      kind: 'meeting',
      date: '2026-11-21',
    });
    expect((await showPerson(r, { person: ada.id })).interactions.lastOneToOneAt).toBeNull();
    await mergePeople(r, { survivor: ada.id, duplicate: dup.id });
    const merged = await showPerson(r, { person: ada.id });
    expect(merged.interactions).toMatchObject({ count: 2, lastOneToOneAt: '2026-11-20T00:00:00.000Z' });
    // The meeting with Grace still had two people in it.
    expect((await showPerson(r, { person: grace.id })).interactions.lastOneToOneAt).toBeNull();
  });
});
