import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { deposits } from './deposits.js';
import { focus } from './focus.js';
import { logInteraction } from './log.js';
import { addPlanStep } from './plans.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// "An ask is coming" is a plan step that plans an ask, as prep reads it: a coffee on the plan is
// not a reason to make a deposit first.
describeEachDialect('an ask coming means a step that plans an ask', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const me = await addPerson(r, { name: 'Alex Kim' });
    await setMe(r, { person: me.id });
    await addPerson(r, { name: 'Pat Lee', tier: 'partner' });
    await logInteraction(r, { people: ['Pat Lee'], kind: 'ask', date: '2026-11-20' });
  });
  afterEach(() => cleanup());

  const askComing = async () =>
    (await deposits(r)).flatMap((d) => d.why).some((w) => w.code === 'ask-coming') ||
    (await focus(r)).some((i) => i.kind === 'deposit');

  it('a coffee on the plan is not an ask coming', async () => {
    await addPlanStep(r, {
      person: 'Pat Lee',
      strategy: 'connect',
      step: 'Coffee with Pat',
      due: '2026-11-28',
    });
    expect(await askComing()).toBe(false);
  });

  it('a step that asks is', async () => {
    await addPlanStep(r, {
      person: 'Pat Lee',
      strategy: 'proactive',
      step: 'Ask Pat for two engineers',
      due: '2026-11-28',
    });
    expect(await askComing()).toBe(true);
  });
});
