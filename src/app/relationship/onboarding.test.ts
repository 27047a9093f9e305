import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { declareTie } from '../influence/ties.js';
import { addPerson, listPeople, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { listSuggestions, onboarding } from './onboarding.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// A small organisation: the CEO with a chief of staff and an executive assistant (level 6, below
// me by level alone), my manager the VP with an assistant I know, and me.
describeEachDialect(
  'onboarding: assistants and chiefs of staff are next to their executive (issue 9 §3)',
  ({ fresh }) => {
    let r: Rapport;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ r, cleanup } = await freshRapport(fresh, NOW));
      const uma = await addPerson(r, {
        name: 'Uma Reyes',
        title: 'Chief Executive Officer',
        level: 1,
        tier: 'friend',
      });
      await addPerson(r, { name: 'Nina Cho', title: 'Chief of Staff', level: 3, manager: uma.id });
      await addPerson(r, {
        name: 'Eve Park',
        title: 'Executive Assistant to the CEO',
        level: 6,
        manager: uma.id,
      });
      const keiko = await addPerson(r, {
        name: 'Keiko Zhang',
        title: 'VP Product',
        level: 2,
        manager: uma.id,
        tier: 'partner',
      });
      await addPerson(r, { name: 'Sam Ito', title: 'EA', level: 5, manager: keiko.id, tier: 'acquaintance' });
      const alex = await addPerson(r, { name: 'Alex Kim', title: 'PM', level: 4, manager: keiko.id });
      await addPerson(r, {
        name: 'Ravi Jain',
        title: 'Engineer',
        level: 5,
        manager: alex.id,
        tier: 'friend',
      });
      await setMe(r, { person: alex.id });
    });
    afterEach(() => cleanup());

    it('an assistant of my manager is listed up, next to them, not down', async () => {
      const view = await onboarding(r);
      expect(view.partners.up.map((p) => p.person.name)).toEqual(['Keiko Zhang', 'Sam Ito', 'Uma Reyes']);
      expect(view.partners.up.find((p) => p.person.name === 'Sam Ito')!.nextTo).toEqual({
        id: expect.any(Number),
        name: 'Keiko Zhang',
      });
      expect(view.partners.down.map((p) => p.person.name)).toEqual(['Ravi Jain']);
    });

    it('suggests the assistants and chiefs of staff next to my chain, saying whose', async () => {
      const view = await onboarding(r);
      const nextTo = view.suggestions.filter((s) => s.reason.code === 'onboarding-next-to-leader');
      expect(nextTo.map((s) => s.person.name).sort()).toEqual(['Eve Park', 'Nina Cho']);
      for (const s of nextTo) {
        expect(s.reason.params.direction).toBe('up');
        expect(s.reason.text).toMatch(/next to Uma Reyes/);
      }
      const up = await listPeople(r, { direction: 'up' });
      expect(up.map((p) => p.name)).toContain('Eve Park');
    });
    it('suggests the hidden influencer I have never met, after my chain, with why', async () => {
      // A junior analyst the leaders all go to for advice: influence far above their level.
      const lin = await addPerson(r, { name: 'Lin Wu', title: 'Analyst', level: 6, manager: 'Ravi Jain' });
      for (const who of ['Uma Reyes', 'Keiko Zhang', 'Nina Cho', 'Eve Park', 'Sam Ito'])
        await declareTie(r, { from: who, to: lin.id, kind: 'advice', weight: 5 });
      const view = await onboarding(r);
      const hidden = view.suggestions.filter((s) => s.reason.code === 'onboarding-hidden-influencer');
      expect(hidden.map((s) => s.person.name)).toEqual(['Lin Wu']);
      expect(hidden[0]!.reason.text).toMatch(
        /^Lin Wu is a hidden influencer \(ranked \d+ by influence, level 6\) you have never met$/,
      );
      const names = view.suggestions.map((s) => s.person.name);
      expect(names.indexOf('Lin Wu')).toBeGreaterThan(names.indexOf('Nina Cho'));
      // A people-to-meet list made for a newcomer in my place misses her too, and says so.
      const me = view.me!.id;
      const missed = await listSuggestions(r, me, new Set([me]));
      const why = missed.find((m) => m.person.name === 'Lin Wu')?.reason;
      expect(why?.code).toBe('onboarding-hidden-influencer');
      expect(why?.text).toMatch(/whom Alex Kim should know early$/);
    });
  },
);
