import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { declareTie } from '../influence/ties.js';
import { assess } from '../map/assess.js';
import { addInitiative } from '../map/initiatives.js';
import { addPerson, editPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { ask } from './ask.js';
import { logInteraction } from './log.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// A small organisation whose right answers a coach would give (issue 13 §1 and §2).
describeEachDialect('ask: go-betweens and first asks a coach would sign', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const uma = await addPerson(r, { name: 'Uma Reyes', title: 'CEO', level: 1 });
    const keiko = await addPerson(r, { name: 'Keiko Zhang', title: 'VP Product', manager: uma.id });
    const alex = await addPerson(r, { name: 'Alex Kim', title: 'PM', manager: keiko.id });
    await setMe(r, { person: alex.id });
    await addPerson(r, { name: 'Farid Haddad', title: 'Finance Director', team: 'Finance' });
    await addPerson(r, { name: 'Dana Cole', title: 'Controller', team: 'Finance' });
    await addPerson(r, { name: 'Mia Berg', title: 'Analyst', team: 'Finance' });
    await addInitiative(r, { name: 'EU data residency' });
  });
  afterEach(() => cleanup());

  it("a never-logged person's first small ask is go, not 'overdrawn'", async () => {
    const check = await ask(r, { person: 'Farid Haddad', size: 'small' });
    expect(check.verdict).toBe('go');
    expect(check.reason.code).toBe('first-small-ask');
    const large = await ask(r, { person: 'Farid Haddad', size: 'large' });
    expect(large.verdict).not.toBe('go');
  });

  it('a detractor is never the go-between, however much credit I have with them', async () => {
    for (const [name, stance] of [
      ['Farid Haddad', 10],
      ['Dana Cole', -60],
      ['Mia Berg', 40],
    ] as const)
      await assess(r, { person: name, initiative: 'EU data residency', influence: 70, stance });
    await logInteraction(r, { people: ['Dana Cole'], kind: 'help-given', date: '2026-11-01' });
    await logInteraction(r, { people: ['Dana Cole'], kind: 'help-given', date: '2026-11-02' });
    await logInteraction(r, { people: ['Mia Berg'], kind: 'help-given', date: '2026-11-03' });
    await logInteraction(r, { people: ['Farid Haddad'], kind: 'ask', date: '2026-11-04' });
    const check = await ask(r, { person: 'Farid Haddad', size: 'medium', initiative: 'EU data residency' });
    expect(check.allies.map((a) => a.person.name)).toEqual(['Mia Berg']);
    expect(check.verdict).toBe('go-via');
    expect(check.reason.text).toMatch(/via Mia Berg/);
  });

  it('asking above my manager goes through my manager first, never around them', async () => {
    const check = await ask(r, { person: 'Uma Reyes', size: 'medium' });
    expect(check.verdict).toBe('go-via');
    expect(check.reason.code).toBe('up-the-chain');
    expect(check.reason.text).toMatch(/raise it with Keiko Zhang first/);
    expect(check.allies[0]).toMatchObject({ person: { name: 'Keiko Zhang' }, ties: ['your manager'] });
    // My own manager is asked directly.
    const direct = await ask(r, { person: 'Keiko Zhang', size: 'small' });
    expect(direct.reason.code).not.toBe('up-the-chain');
  });

  it('a third ask within a month is leaning on them, whatever the balance: not now', async () => {
    for (const d of ['2026-11-01', '2026-11-02', '2026-11-03'])
      await logInteraction(r, { people: ['Mia Berg'], kind: 'help-given', date: d });
    await logInteraction(r, { people: ['Mia Berg'], kind: 'ask', date: '2026-11-17' });
    expect((await ask(r, { person: 'Mia Berg', size: 'small' })).verdict).toBe('go');
    await logInteraction(r, { people: ['Mia Berg'], kind: 'ask', date: '2026-11-20' });
    const third = await ask(r, { person: 'Mia Berg', size: 'small' });
    expect(third.verdict).toBe('not-now');
    expect(third.reason.code).toBe('leaning-on');
    expect(third.reason.text).toMatch(
      /asked Mia Berg 2 times in the last 30 days: you are leaning on Mia Berg/,
    );
  });

  it('two days after two favours, a medium ask cashes them in at once: not now; a small one may go', async () => {
    await logInteraction(r, { people: ['Dana Cole'], kind: 'help-given', date: '2026-11-21' });
    await logInteraction(r, { people: ['Dana Cole'], kind: 'help-given', date: '2026-11-21' });
    const medium = await ask(r, { person: 'Dana Cole', size: 'medium' });
    expect(medium.verdict).toBe('not-now');
    expect(medium.reason.code).toBe('deposit-too-fresh');
    expect(medium.reason.text).toMatch(/2 days ago: asking now cashes it in at once/);
    expect((await ask(r, { person: 'Dana Cole', size: 'small' })).verdict).toBe('go');
  });

  it('a relationship past its cadence needs contact before a medium ask', async () => {
    await addPerson(r, { name: 'Nils Dubois', title: 'Sales Director', tier: 'friend' });
    await logInteraction(r, { people: ['Nils Dubois'], kind: 'help-given', date: '2026-09-01' });
    const check = await ask(r, { person: 'Nils Dubois', size: 'medium' });
    expect(check.verdict).toBe('not-now');
    expect(check.reason.code).toBe('out-of-touch');
    expect(check.reason.text).toMatch(/past your cadence with Nils Dubois: get in touch before a medium ask/);
  });

  it('ranks go-betweens by their tie to the target, my credit and their sway, not credit alone', async () => {
    await addPerson(r, { name: 'Omar Said', title: 'Head of Treasury', team: 'Treasury' });
    for (const [name, stance, influence] of [
      ['Farid Haddad', 5, 60],
      ['Mia Berg', 40, 30],
      ['Omar Said', 40, 80],
    ] as const)
      await assess(r, { person: name, initiative: 'EU data residency', influence, stance });
    // Mia has the most credit with me and shares Farid's team; Farid goes to Omar for advice.
    for (const d of ['2026-11-01', '2026-11-02', '2026-11-03'])
      await logInteraction(r, { people: ['Mia Berg'], kind: 'help-given', date: d });
    await logInteraction(r, { people: ['Omar Said'], kind: 'help-given', date: '2026-11-04' });
    await declareTie(r, { from: 'Farid Haddad', to: 'Omar Said', kind: 'advice', weight: 5 });
    await logInteraction(r, { people: ['Farid Haddad'], kind: 'ask', date: '2026-11-05' });
    await logInteraction(r, { people: ['Farid Haddad'], kind: 'ask', date: '2026-10-01' });
    const check = await ask(r, { person: 'Farid Haddad', size: 'large', initiative: 'EU data residency' });
    expect(check.verdict).toBe('go-via');
    expect(check.allies.map((a) => a.person.name)).toEqual(['Omar Said', 'Mia Berg']);
    expect(check.allies[0]).toMatchObject({ ties: ['advises them'], influence: 80, strength: 1 });
    expect(check.reason.text).toMatch(/Go via Omar Said \(advises them; balance \+\d\.\d\d, influence 80\)/);
  });

  it("goes over someone's head only when escalation is asked for, and names it so", async () => {
    await addPerson(r, { name: 'Lena Park', title: 'CFO', team: 'Exec' });
    await addPerson(r, { name: 'Pia Roth', title: 'Accountant', team: 'Ledger', manager: 'Lena Park' });
    await editPerson(r, { person: 'Dana Cole', manager: 'Lena Park' });
    await logInteraction(r, { people: ['Lena Park'], kind: 'help-given', date: '2026-11-01' });
    await logInteraction(r, { people: ['Dana Cole'], kind: 'ask', date: '2026-10-20' });
    const plain = await ask(r, { person: 'Dana Cole', size: 'large' });
    expect(plain.allies.map((a) => a.person.name)).not.toContain('Lena Park');
    expect(plain.verdict).not.toBe('go-via');
    const escalated = await ask(r, { person: 'Dana Cole', size: 'large', escalate: true });
    expect(escalated.verdict).toBe('go-via');
    expect(escalated.reason.code).toBe('escalation');
    expect(escalated.allies[0]).toMatchObject({
      person: { name: 'Lena Park' },
      ties: ['their manager'],
      escalation: true,
    });
    expect(escalated.reason.text).toMatch(/Going over Dana Cole's head: take it to Lena Park/);
  });

  it('an influential detractor is not worth a non-critical ask; a critical one is routed', async () => {
    await assess(r, { person: 'Dana Cole', initiative: 'EU data residency', influence: 85, stance: -50 });
    await assess(r, { person: 'Mia Berg', initiative: 'EU data residency', influence: 40, stance: 60 });
    for (const d of ['2026-11-01', '2026-11-02'])
      await logInteraction(r, { people: ['Mia Berg', 'Dana Cole'], kind: 'meeting', date: d });
    await logInteraction(r, { people: ['Mia Berg'], kind: 'help-given', date: '2026-11-03' });
    const check = await ask(r, { person: 'Dana Cole', size: 'medium', initiative: 'EU data residency' });
    expect(check.verdict).toBe('not-worth-it');
    expect(check.reason.code).toBe('powerful-detractor');
    const critical = await ask(r, {
      person: 'Dana Cole',
      size: 'medium',
      initiative: 'EU data residency',
      critical: true,
    });
    expect(critical.verdict).toBe('go-via');
    expect(critical.allies[0]!.person.name).toBe('Mia Berg');
  });
});
