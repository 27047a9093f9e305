import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../domain/ask.js';
import type { Rapport } from '../core/index.js';
import { coalition } from '../influence/index.js';
import { listInitiatives } from '../map/index.js';
import { listPeople } from '../people/index.js';
import { demoRapport } from '../test-support/fresh-rapport.js';
import { ask } from './ask.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

// The demo organisation asked everything: the verdicts a coach would expect to see somewhere
// (issue 13 §2), and `ask` and `coalition` naming the same go-between for the same person.
describe('ask over the demo organisation', () => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ r, cleanup } = await demoRapport(NOW));
  }, 60_000);
  afterAll(() => cleanup());

  it('gives every verdict somewhere, and a large ask of a well-credited champion can go', async () => {
    const me = await r.store.workspaces.me(r.ws);
    const seen = { small: new Set<string>(), medium: new Set<string>(), large: new Set<string>() };
    for (const p of await listPeople(r)) {
      if (p.id === me) continue;
      for (const size of ['small', 'medium', 'large'] as const)
        seen[size].add((await ask(r, { person: p.id, size })).verdict);
    }
    expect([...seen.large].sort()).toEqual([...VERDICTS].sort());
    expect(seen.small.has('go')).toBe(true);
    expect(seen.medium.has('go')).toBe(true);
  }, 60_000);

  it('coalition names, for each person to convert or at risk, the go-between ask names', async () => {
    let compared = 0;
    for (const i of await listInitiatives(r)) {
      const c = await coalition(r, { initiative: i.id });
      for (const line of [...c.lines, ...c.atRisk]) {
        const check = await ask(r, { person: line.person.id, size: 'medium', initiative: i.id });
        expect(line.goBetween?.person.id ?? null, `${line.person.name} on ${i.name}`).toBe(
          check.allies[0]?.person.id ?? null,
        );
        if (line.goBetween) compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  }, 60_000);
});
