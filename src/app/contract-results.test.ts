import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  AskCheck,
  BalancesResult,
  Coverage,
  FocusResult,
  InfluenceReport,
  LedgerView,
  MapView,
  NurtureResult,
  PeopleResult,
  PersonBalance,
  PersonDetail,
  PrepView,
} from '../contract/index.js';
import type { Rapport } from './core/index.js';
import { influence } from './influence/index.js';
import { initiativeMap, listInitiatives } from './map/index.js';
import { listPeople, showPerson } from './people/index.js';
import {
  allBalances,
  ask,
  coverage,
  focus,
  ledger,
  nurture,
  personBalance,
  prep,
} from './relationship/index.js';
import { demoRapport } from './test-support/fresh-rapport.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');

/** The result, parsed by its schema, is the result: no field missing, none extra, none mistyped. */
const matches = (schema: z.ZodType, result: unknown) => expect(schema.parse(result)).toEqual(result);

// The API will validate and document its answers with these schemas and the web app is typed
// from them: the use cases' real results on the demo organisation must fit them exactly.
describe('the main read results fit their contract schemas', () => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ r, cleanup } = await demoRapport(NOW));
  }, 60_000);
  afterAll(() => cleanup());

  it('people, person, ledger, balances', async () => {
    const people = await listPeople(r);
    matches(PeopleResult, people);
    const someone = people.find((p) => p.manager !== null)!;
    matches(PersonDetail, await showPerson(r, { person: someone.id }));
    matches(LedgerView, await ledger(r, { person: someone.id }));
    matches(PersonBalance, await personBalance(r, { person: someone.id }));
    matches(BalancesResult, await allBalances(r));
  });

  it('focus, nurture, coverage, ask, map', async () => {
    const items = await focus(r);
    expect(items.length).toBeGreaterThan(0);
    matches(FocusResult, items);
    matches(NurtureResult, await nurture(r));
    matches(Coverage, await coverage(r));
    const target = items.find((i) => i.person !== null)!;
    matches(AskCheck, await ask(r, { person: target.person!.id, size: 'large' }));
    matches(PrepView, await prep(r, { person: target.person!.id, ask: 'large' }));
    const [initiative] = await listInitiatives(r);
    matches(MapView, await initiativeMap(r, { initiative: initiative!.id }));
  });

  it('influence, computed and from the cache', async () => {
    matches(InfluenceReport, await influence(r, { top: 5 }));
    const again = await influence(r, { top: 5 });
    expect(again.cached).toBe(true);
    matches(InfluenceReport, again);
  }, 60_000);
});
