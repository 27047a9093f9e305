import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, setMe } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { influencePaths } from './influence-paths.js';
import { declareTie } from './ties.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// A small organisation with known answers (issue 13 §6): Uma the CEO with Nina her chief of staff
// and Olga her VP Sales; Keiko the VP Product with Elena and Nils (peers) and me, Alex.
describeEachDialect('paths a person would walk, as a coach would draw them', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  const names = (p: { people: { name: string }[] } | undefined) => p?.people.map((x) => x.name);
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
    const uma = await addPerson(r, { name: 'Uma Reyes', title: 'Chief Executive Officer', level: 1 });
    await addPerson(r, { name: 'Nina Cho', title: 'Chief of Staff', manager: uma.id });
    await addPerson(r, { name: 'Olga Zhang', title: 'VP Sales', manager: uma.id });
    const keiko = await addPerson(r, { name: 'Keiko Zhang', title: 'VP Product', manager: uma.id });
    for (const name of ['Alex Kim', 'Elena Weber', 'Nils Dubois'])
      await addPerson(r, { name, title: 'Product Manager', manager: keiko.id });
    await setMe(r, { person: 'Alex Kim' });
    // Reporting lines weigh 3; the lateral ties are weaker, yet the way a person would go.
    await declareTie(r, { from: 'Alex Kim', to: 'Nina Cho', kind: 'advice', weight: 3 });
    await declareTie(r, { from: 'Elena Weber', to: 'Nils Dubois', kind: 'advice', weight: 1 });
    await declareTie(r, { from: 'Keiko Zhang', to: 'Nina Cho', kind: 'advice', weight: 1 });
  });
  afterEach(() => cleanup());

  it('reaches the CEO through her chief of staff, not up the chain', async () => {
    const [p] = await influencePaths(r, { from: 'Alex Kim', to: 'Uma Reyes', k: 1 });
    expect(names(p)).toEqual(['Alex Kim', 'Nina Cho', 'Uma Reyes']);
    expect(p!.hops.map((h) => h.step)).toEqual(['lateral', 'to-leader']);
    expect(p!.hops.some((h) => h.escalation)).toBe(false);
  });

  it('reaches a chief of staff directly, not through the CEO', async () => {
    const [p] = await influencePaths(r, { from: 'Keiko Zhang', to: 'Nina Cho', k: 1 });
    expect(names(p)).toEqual(['Keiko Zhang', 'Nina Cho']);
  });

  it('goes sideways to a peer rather than up to the manager and back down', async () => {
    const [p] = await influencePaths(r, { from: 'Elena Weber', to: 'Nils Dubois', k: 2 });
    expect(names(p)).toEqual(['Elena Weber', 'Nils Dubois']);
  });

  it('labels a hop over someone’s head as escalation', async () => {
    // Elena reaches Olga up her own chain; the hop to Uma, Olga's manager, is over Olga's head.
    const [p] = await influencePaths(r, { from: 'Elena Weber', to: 'Olga Zhang', k: 1 });
    expect(names(p)).toEqual(['Elena Weber', 'Keiko Zhang', 'Uma Reyes', 'Olga Zhang']);
    expect(p!.hops.map((h) => [h.step, h.escalation])).toEqual([
      ['up', false],
      ['up', true],
      ['down', false],
    ]);
  });
});
