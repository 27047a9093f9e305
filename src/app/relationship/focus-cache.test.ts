import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { assess } from '../map/assess.js';
import { addInitiative, archiveInitiative } from '../map/initiatives.js';
import { addPerson, editPerson, removePerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { importFile } from '../transfer/import.js';
import { setSetting } from '../workspace/settings.js';
import { focus, focusUncached } from './focus.js';
import { editInteraction, removeInteraction, restoreInteraction } from './ledger-edit.js';
import { logInteraction } from './log.js';
import { addPlanStep, completePlanStep } from './plans.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'rapport-focus-cache-'));

// The focus list is kept per workspace state (core/state-cache.ts): a server answers repeated
// asks from memory. Whatever writes — this process or another one on the same database, through
// any use case — the next ask must see it.
describeEachDialect('focus: the cached answer follows every write', ({ fresh }) => {
  let a: Rapport;
  let b: Rapport;
  let other: Store;
  let cleanup: () => Promise<void>;
  let miasAsk: number;
  beforeEach(async () => {
    let location = '';
    ({ r: a, cleanup } = await freshRapport(async () => {
      const f = await fresh();
      location = f.location;
      return f;
    }, NOW));
    // A second handle on the same database: another server process, or the CLI.
    other = await openStore(location);
    b = { ...a, store: other };
    const uma = await addPerson(a, { name: 'Uma Reyes', title: 'CEO', level: 1 });
    const alex = await addPerson(a, { name: 'Alex Kim', title: 'PM', level: 4, manager: uma.id });
    await setMe(a, { person: alex.id });
    await addPerson(a, { name: 'Farid Haddad', title: 'Finance Director', level: 2 });
    await addPerson(a, { name: 'Mia Berg', title: 'Head of Data', level: 3 });
    await addPerson(a, {
      name: 'Olga Zhang',
      title: 'VP Sales',
      level: 2,
      tier: 'partner',
      emails: ['olga@example.com'],
    });
    await addPerson(a, { name: 'Lee Park', title: 'Designer', level: 4 });
    await addInitiative(a, { name: 'EU data residency' });
    await addInitiative(a, { name: 'Pricing' });
    await assess(a, {
      person: 'Uma Reyes',
      initiative: 'EU data residency',
      influence: 98,
      stance: -11,
      date: '2026-11-01',
    });
    await assess(a, {
      person: 'Uma Reyes',
      initiative: 'EU data residency',
      influence: 98,
      stance: -18,
      date: '2026-11-20',
    });
    await assess(a, {
      person: 'Farid Haddad',
      initiative: 'EU data residency',
      influence: 85,
      stance: 0,
      date: '2026-11-15',
    });
    await assess(a, {
      person: 'Mia Berg',
      initiative: 'EU data residency',
      influence: 70,
      stance: 60,
      date: '2026-11-15',
    });
    await assess(a, {
      person: 'Olga Zhang',
      initiative: 'Pricing',
      influence: 60,
      stance: -40,
      date: '2026-11-15',
    });
    await assess(a, {
      person: 'Lee Park',
      initiative: 'Pricing',
      influence: 30,
      stance: 10,
      date: '2026-08-01',
    });
    await logInteraction(a, {
      people: ['Farid Haddad', 'Mia Berg', 'Lee Park'],
      kind: 'meeting',
      date: '2026-11-10',
    });
    await logInteraction(a, { people: ['Mia Berg'], kind: 'ask', date: '2026-10-01' });
    miasAsk = (await logInteraction(a, { people: ['Mia Berg'], kind: 'ask', date: '2026-11-12' })).id;
  });
  afterEach(async () => {
    await other.close();
    await cleanup();
  });

  it('serves repeated asks from the cache, and after each kind of write, from either handle, the new answer', async () => {
    const first = await focus(a);
    expect(await focus(a)).toBe(first); // the same answer object: computed once
    expect(Object.isFrozen(first[0])).toBe(true);

    let before = JSON.stringify(first);
    let coffee = 0;
    let step = 0;
    const writes: [string, () => Promise<unknown>][] = [
      ['person edit', () => editPerson(a, { person: 'Farid Haddad', name: 'Farid H. Haddad' })],
      [
        'log, second handle',
        async () => {
          coffee = (
            await logInteraction(b, { people: ['Farid H. Haddad'], kind: 'coffee', date: '2026-11-22' })
          ).id;
        },
      ],
      ['ledger edit', () => editInteraction(a, { id: miasAsk, kind: 'help-given' })],
      ['ledger remove, second handle', () => removeInteraction(b, { id: coffee })],
      ['ledger restore', () => restoreInteraction(a, { id: coffee })],
      [
        'assess, second handle',
        () =>
          assess(b, {
            person: 'Lee Park',
            initiative: 'Pricing',
            influence: 90,
            stance: -60,
            date: '2026-11-23',
          }),
      ],
      [
        'plan step',
        async () => {
          const plans = await addPlanStep(a, {
            person: 'Olga Zhang',
            strategy: 'empathize',
            step: 'Ask Olga about her quarter',
            due: '2026-11-23',
          });
          step = plans[0]!.steps[0]!.id;
        },
      ],
      ['plan step done, second handle', () => completePlanStep(b, { person: 'Olga Zhang', stepId: step })],
      ['setting', () => setSetting(a, { key: 'focus.maxItems', value: 2 })],
      ['setting, second handle', () => setSetting(b, { key: 'focus.maxItems', value: 7 })],
      [
        'import, second handle',
        () => {
          // A one-to-one with Olga from a calendar export.
          const path = join(dir, `calendar-${Math.random().toString(36).slice(2)}.ics`);
          writeFileSync(
            path,
            [
              'BEGIN:VCALENDAR',
              'VERSION:2.0',
              'BEGIN:VEVENT',
              'UID:olga-1@example.com',
              'DTSTART:20261120T100000Z',
              'DTEND:20261120T103000Z',
              'SUMMARY:Olga / Alex',
              'ATTENDEE:mailto:olga@example.com',
              'END:VEVENT',
              'END:VCALENDAR',
              '',
            ].join('\r\n'),
          );
          return importFile(b, { path }).then((x) => expect(x.interactions.created).toBe(1));
        },
      ],
      ['initiative archived', () => archiveInitiative(a, { initiative: 'Pricing' })],
      ['person removed, second handle', () => removePerson(b, { person: 'Uma Reyes', confirm: true })],
    ];
    for (const [what, write] of writes) {
      await write();
      const cached = JSON.stringify(await focus(a));
      expect(cached, `after ${what}: the cached answer is the fresh one`).toBe(
        JSON.stringify(await focusUncached(a)),
      );
      expect(cached, `${what} changed the list`).not.toBe(before);
      before = cached;
    }
  });
});
