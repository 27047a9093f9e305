import { afterAll, beforeAll, expect, it } from 'vitest';
import { peopleByImportance, rapportFor } from '../app/index.js';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { NOW, TestApi } from './test-support/client.js';

interface Page {
  items: {
    id: number;
    tier: string;
    category: string;
    department: string | null;
    importance?: { score: number };
  }[];
}

describeEachDialect('GET /people filters (issue 9 §3)', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let cookie: string;
  let ws: number;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    ({ cookie, ws } = await api.owner(true));
  });
  afterAll(() => cleanup());

  const list = async (query: string) => {
    const r = await api.call('GET', `/api/v1/people${query}`, { cookie });
    expect(r.status, r.text).toBe(200);
    return (r.body as Page).items;
  };

  it('filters by tier, category, department and direction, as the CLI does', async () => {
    const all = await list('');
    const partners = await list('?tier=partner');
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.map((p) => p.id)).toEqual(all.filter((p) => p.tier === 'partner').map((p) => p.id));
    const providers = await list('?category=provider');
    expect(providers.every((p) => p.category === 'provider')).toBe(true);
    const dept = all.find((p) => p.department)!.department!;
    expect(
      (await list(`?department=${encodeURIComponent(dept.toLowerCase())}`)).every(
        (p) => p.department === dept,
      ),
    ).toBe(true);
    const left = await list('?direction=left');
    expect(left.length).toBeGreaterThan(0);
    expect(await list('?direction=across')).toEqual(left);
  });

  it('sorts by importance as `people --sort importance` does, filters and pages included', async () => {
    // As the owner (user 1) sees them: tiers are each member's.
    const ranked = await peopleByImportance(rapportFor(api.store, ws, () => NOW, 1));
    const byImportance = await list('?sort=importance');
    expect(byImportance.map((p) => p.id)).toEqual(ranked.map((p) => p.id));
    expect(byImportance.map((p) => p.importance!.score)).toEqual(ranked.map((p) => p.importance.score));
    expect((await list('')).every((p) => p.importance === undefined)).toBe(true);
    const partners = await list('?sort=importance&tier=partner');
    expect(partners.map((p) => p.id)).toEqual(ranked.filter((p) => p.tier === 'partner').map((p) => p.id));
    const second = await list('?sort=importance&cursor=2&limit=3');
    expect(second.map((p) => p.id)).toEqual(ranked.slice(2, 5).map((p) => p.id));
  });

  it('answers 400 naming the bad value', async () => {
    for (const [q, field] of [
      ['?sort=charm', 'sort'],
      ['?direction=sideways', 'direction'],
      ['?tier=bestie', 'tier'],
      ['?category=alien', 'category'],
    ] as const) {
      const r = await api.call('GET', `/api/v1/people${q}`, { cookie });
      expect(r.status, q).toBe(400);
      expect(r.text).toContain(field);
    }
  });
});
