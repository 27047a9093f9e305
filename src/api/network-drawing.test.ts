// What the web app's network page and reason links read (issue 15): the drawing with each
// person's department and stance on a chosen initiative, and people's names by id.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { NOW, TestApi } from './test-support/client.js';

interface Drawing {
  initiative: { id: number; name: string } | null;
  nodes: { id: number; name: string; department: string | null; stance: number | null; community: number }[];
  ties: { source: number; target: number; weight: number }[];
}

describeEachDialect('GET /network and GET /people/names (issue 15)', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let cookie: string;
  let ws: number;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    ({ cookie, ws } = await api.owner(true));
  });
  afterAll(() => cleanup());

  const get = async (url: string) => {
    const r = await api.call('GET', `/api/v1${url}`, { cookie });
    expect(r.status, r.text).toBe(200);
    return r.body;
  };

  it('draws everyone with their department, and their latest stance on the initiative asked for', async () => {
    const [a, b, c] = (await api.store.network.people(ws)).map((p) => p.id);
    await api.store.network.upsertTie(ws, a!, b!, 'advice', 4, NOW.toISOString());
    await api.store.network.upsertTie(ws, c!, a!, 'trust', 2, NOW.toISOString());
    await api.store.network.bumpVersion(ws);
    const plain = (await get('/network')) as Drawing;
    expect(plain.initiative).toBeNull();
    expect(plain.nodes.length).toBeGreaterThan(0);
    expect(plain.nodes.every((n) => n.stance === null)).toBe(true);
    expect(plain.nodes.filter((n) => n.department !== null).length).toBeGreaterThan(plain.nodes.length / 2);
    // Reporting lines are drawn: the sample organisation has a manager for nearly everyone.
    expect(plain.ties.length).toBeGreaterThan(plain.nodes.length / 2);
    // Every declared tie is drawn with its weight.
    const declared = await api.store.network.listTies(ws);
    expect(declared).toHaveLength(2);
    const drawn = new Set(plain.ties.map((t) => `${t.source}>${t.target}:${t.weight}`));
    for (const t of declared) expect(drawn).toContain(`${t.fromId}>${t.toId}:${t.weight}`);

    const initiatives = (await get('/initiatives')) as { id: number; name: string }[];
    const initiative = initiatives[0]!;
    const person = plain.nodes[0]!.id;
    for (const stance of [40, -35]) {
      const r = await api.call(
        'POST',
        '/api/v1/assessments',
        { cookie },
        { person, initiative: initiative.id, influence: 60, stance },
      );
      expect(r.status, r.text).toBe(201);
    }
    const coloured = (await get(`/network?initiative=${initiative.id}`)) as Drawing;
    expect(coloured.initiative).toEqual({ id: initiative.id, name: initiative.name });
    expect(coloured.nodes.find((n) => n.id === person)!.stance).toBe(-35);
    expect(coloured.nodes.map((n) => n.id)).toEqual(plain.nodes.map((n) => n.id));
  });

  it('names people by id, leaving out ids that are nobody', async () => {
    const plain = (await get('/network')) as Drawing;
    const [a, b] = plain.nodes;
    const named = (await get(`/people/names?ids=${a!.id},${b!.id},999999`)) as { id: number; name: string }[];
    expect(named.sort((x, y) => x.id - y.id)).toEqual(
      [a!, b!].map((n) => ({ id: n.id, name: n.name })).sort((x, y) => x.id - y.id),
    );
    expect(await get('/people/names')).toEqual([]);
  });

  it('answers 4xx naming the bad value', async () => {
    for (const [url, word] of [
      ['/people/names?ids=4,abc', 'ids'],
      [`/people/names?ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(',')}`, 'ids'],
      ['/network?initiative=nope', 'initiative'],
      ['/network?initiative=987654', 'initiative'],
    ] as const) {
      const r = await api.call('GET', `/api/v1${url}`, { cookie });
      expect(r.status, `${url}: ${r.text}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${url}: ${r.text}`).toBeLessThan(500);
      expect(r.text).toContain(word);
    }
  });
});
