import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

const PLAN_SECRET = 'PLAN-4b1d-only-olivia-plans-this';

// Whose data: two members of one workspace share its people but not their relationships with
// them: each has their own tier, cadence, nurture list and plans for the same person.
describeEachDialect('each member keeps their own relationship with a shared person', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teammate: string;
  let ada = 0;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(false);
    owner = o.cookie;
    teammate = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    const made = await api.call(
      'POST',
      '/api/v1/people',
      { cookie: owner },
      { name: 'Ada Lane', tier: 'partner' },
    );
    expect(made.status).toBe(201);
    ada = (made.body as { id: number }).id;
    const step = await api.call(
      'POST',
      `/api/v1/people/${ada}/plans`,
      { cookie: owner },
      { strategy: 'connect', step: PLAN_SECRET, due: '2026-11-20' },
    );
    expect(step.status).toBe(201);
  });
  afterAll(() => cleanup());

  const person = async (cookie: string) =>
    (await api.call('GET', `/api/v1/people/${ada}`, { cookie })).body as {
      tier: string;
      cadenceDays: number | null;
    };

  it('a person the owner made a partner is no tier for the teammate until they say so, and back', async () => {
    expect((await person(owner)).tier).toBe('partner');
    expect((await person(teammate)).tier).toBe('none');
    const edit = await api.call(
      'PATCH',
      `/api/v1/people/${ada}`,
      { cookie: teammate },
      { tier: 'acquaintance', cadenceDays: 60 },
    );
    expect(edit.status).toBe(200);
    expect([(await person(teammate)).tier, (await person(teammate)).cadenceDays]).toEqual([
      'acquaintance',
      60,
    ]);
    expect([(await person(owner)).tier, (await person(owner)).cadenceDays]).toEqual(['partner', null]);
    const bulk = await api.call(
      'POST',
      '/api/v1/people/bulk',
      { cookie: teammate },
      { ids: [ada], tier: 'friend' },
    );
    expect(bulk.status).toBe(200);
    expect((await person(teammate)).tier).toBe('friend');
    expect((await person(owner)).tier).toBe('partner');
    const partners = async (cookie: string) =>
      ((await api.call('GET', '/api/v1/people?tier=partner', { cookie })).body as { items: { id: number }[] })
        .items;
    expect((await partners(owner)).map((p) => p.id)).toEqual([ada]);
    expect(await partners(teammate)).toEqual([]);
  });

  it("the owner's plans are theirs; the teammate sees none of them", async () => {
    const plans = async (cookie: string, url: string) => (await api.call('GET', url, { cookie })).text;
    expect(await plans(owner, '/api/v1/plans')).toContain(PLAN_SECRET);
    expect(await plans(owner, `/api/v1/people/${ada}/plans`)).toContain(PLAN_SECRET);
    expect(await plans(teammate, '/api/v1/plans')).toBe('[]');
    expect(await plans(teammate, `/api/v1/people/${ada}/plans`)).toBe('[]');
    const ownerSteps = (await api.call('GET', '/api/v1/plans', { cookie: owner })).body as { id: number }[];
    const done = await api.call('POST', `/api/v1/plans/${ownerSteps[0]!.id}/done`, { cookie: teammate });
    expect(done.status).toBe(404);
    expect(done.text).not.toContain(PLAN_SECRET);
    // The teammate's own plan for the same person is a separate plan, not a step of the owner's.
    await api.call(
      'POST',
      `/api/v1/people/${ada}/plans`,
      { cookie: teammate },
      { strategy: 'connect', step: 'Teo: lunch', due: '2026-11-25' },
    );
    expect(await plans(teammate, '/api/v1/plans')).not.toContain(PLAN_SECRET);
    expect(await plans(owner, '/api/v1/plans')).not.toContain('Teo: lunch');
    const focus = async (cookie: string) => (await api.call('GET', '/api/v1/focus', { cookie })).text;
    expect(await focus(teammate)).not.toContain(PLAN_SECRET);
  });
});
