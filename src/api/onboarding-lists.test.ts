import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

interface ListView {
  id: number;
  name: string;
  member: { name: string };
  person: { id: number } | null;
  items: { person: { id: number; name: string }; why: string | null; met: boolean; metAt: string | null }[];
  progress: { met: number; total: number };
  suggestions: { person: { id: number; name: string }; reason: { code: string; text: string } }[];
}
interface Person {
  id: number;
  name: string;
  manager: { id: number } | null;
}

// A manager makes a people-to-meet list for a new member; the member sees it with progress, and
// Rapport names whom it misses from the member's place in the org chart (issue 14).
describeEachDialect('onboarding lists', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teo: string;
  let people: Person[];
  let newcomer: Person;
  let list: ListView;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(true);
    owner = o.cookie;
    teo = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    people = ((await api.call('GET', '/api/v1/people', { cookie: owner })).body as { items: Person[] }).items;
    // Teo joins as someone with a manager and a manager's manager in the org chart.
    const byId = new Map(people.map((p) => [p.id, p]));
    newcomer = people.find((p) => p.manager !== null && byId.get(p.manager.id)?.manager != null)!;
    const manager = byId.get(newcomer.manager!.id)!;
    const others = people.filter((p) => p.id !== newcomer.id && p.id !== manager.id).slice(0, 2);
    const made = await api.call(
      'POST',
      '/api/v1/onboarding-lists',
      { cookie: owner },
      {
        member: 'Teo@Example.com',
        person: newcomer.id,
        items: [
          { person: manager.id, why: 'your manager: agree your first 90 days' },
          { person: others[0]!.id, why: 'runs the budget' },
          { person: manager.id },
        ],
      },
    );
    expect(made.status, made.text).toBe(201);
    list = made.body as ListView;
  });
  afterAll(() => cleanup());

  it('shows the new member their list, with progress counted from when it was made', async () => {
    expect(list.member.name).toBe('Teo Mate');
    expect(list.items.map((i) => i.why)).toEqual([
      'your manager: agree your first 90 days',
      'runs the budget',
    ]);
    expect(list.progress).toEqual({ met: 0, total: 2 });
    const first = list.items[0]!.person;
    // A meeting before the list began does not count; one after it does.
    await api.call(
      'POST',
      '/api/v1/interactions',
      { cookie: teo },
      { people: [first.id], kind: 'coffee', date: '2026-11-01' },
    );
    await api.call('POST', '/api/v1/interactions', { cookie: teo }, { people: [first.id], kind: 'coffee' });
    const view = (await api.call('GET', '/api/v1/onboarding', { cookie: teo })).body as { lists: ListView[] };
    expect(view.lists).toHaveLength(1);
    expect(view.lists[0]!.progress).toEqual({ met: 1, total: 2 });
    expect(view.lists[0]!.items[0]).toMatchObject({ met: true, metAt: expect.stringMatching(/^2026-11-23/) });
    // The owner, for whom no list was made, sees none on their own view.
    expect(
      ((await api.call('GET', '/api/v1/onboarding', { cookie: owner })).body as { lists: unknown[] }).lists,
    ).toEqual([]);
  });

  it("suggests whom the list misses from the member's place: their chain first, never someone listed", async () => {
    const codes = list.suggestions.map((s) => s.reason.code);
    expect(codes[0]).toBe('onboarding-chain');
    const listed = new Set(list.items.map((i) => i.person.id));
    expect(list.suggestions.some((s) => listed.has(s.person.id) || s.person.id === newcomer.id)).toBe(false);
    expect(list.suggestions[0]!.reason.text).toContain(`${newcomer.name}'s management chain`);
  });

  it('adds people after those listed, skipping who is there, and refuses what it cannot do', async () => {
    const more = people.find((p) => !list.items.some((i) => i.person.id === p.id) && p.id !== newcomer.id)!;
    const added = await api.call(
      'POST',
      `/api/v1/onboarding-lists/${list.id}/items`,
      { cookie: owner },
      { items: [{ person: more.id }, { person: list.items[0]!.person.id }] },
    );
    expect(added.status, added.text).toBe(200);
    expect((added.body as ListView).items.map((i) => i.person.id)).toEqual([
      ...list.items.map((i) => i.person.id),
      more.id,
    ]);
    const stranger = await api.call(
      'POST',
      '/api/v1/onboarding-lists',
      { cookie: owner },
      { member: 'nobody@example.com' },
    );
    expect(stranger.status).toBe(404);
    expect(
      (await api.call('POST', '/api/v1/onboarding-lists', { cookie: owner }, { items: [] })).status,
    ).toBe(400);
    const unknown = await api.call(
      'POST',
      '/api/v1/onboarding-lists',
      { cookie: owner },
      { member: 'teo@example.com', items: [{ person: 'Nobody Atall' }] },
    );
    expect(unknown.status).toBe(404);
    expect(
      ((await api.call('GET', '/api/v1/onboarding-lists', { cookie: owner })).body as unknown[]).length,
    ).toBe(1);
  });
});
