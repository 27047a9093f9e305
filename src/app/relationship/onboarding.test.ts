import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, listPeople, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { onboarding } from './onboarding.js';

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
  },
);
