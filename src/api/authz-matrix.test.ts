import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, addPlanStep, rapportFor } from '../app/index.js';
import { describeEachDialect } from '../store/test-support/dialects.js';
import type { Access } from './route.js';
import { ROUTES } from './routes/index.js';
import { NOW, TestApi } from './test-support/client.js';

/**
 * Who may call what, written out by hand: the matrix below is generated from the route table,
 * and a route missing here (or with another access) fails, so a new route gets decided on.
 */
const EXPECTED: Record<string, Access> = {
  'GET /setup': 'public',
  'POST /setup': 'public',
  'POST /session': 'public',
  'GET /session': 'signed-in',
  'DELETE /session': 'signed-in',
  'DELETE /sessions': 'signed-in',
  'GET /workspaces': 'signed-in',
  'PUT /session/workspace': 'signed-in',
  'GET /members': 'read',
  'POST /members': 'admin',
  'DELETE /members/:id': 'admin',
  'GET /activity': 'read',
  'GET /onboarding-lists': 'read',
  'POST /onboarding-lists': 'write',
  'GET /onboarding-lists/:id': 'read',
  'POST /onboarding-lists/:id/items': 'write',
  'GET /tokens': 'signed-in',
  'POST /tokens': 'signed-in',
  'DELETE /tokens/:id': 'signed-in',
  'GET /me': 'read',
  'PUT /me': 'read',
  'GET /people': 'read',
  'POST /people': 'write',
  'POST /people/bulk': 'write',
  'GET /people/names': 'read',
  'GET /people/:id': 'read',
  'PATCH /people/:id': 'write',
  'DELETE /people/:id': 'write',
  'GET /people/:id/notes': 'read',
  'POST /people/:id/notes': 'write',
  'GET /focus': 'read',
  'GET /nurture': 'read',
  'GET /thanks': 'read',
  'GET /attention': 'read',
  'GET /deposits': 'read',
  'GET /coverage': 'read',
  'GET /onboarding': 'read',
  'GET /balances': 'read',
  'GET /people/:id/ledger': 'read',
  'GET /people/:id/balance': 'read',
  'GET /people/:id/ask': 'read',
  'GET /people/:id/prep': 'read',
  'GET /people/:id/plans': 'read',
  'POST /people/:id/plans': 'write',
  'GET /plans': 'read',
  'POST /plans/:id/done': 'write',
  'POST /interactions': 'write',
  'PATCH /interactions/:id': 'write',
  'DELETE /interactions/:id': 'write',
  'POST /interactions/:id/restore': 'write',
  'GET /initiatives': 'read',
  'POST /initiatives': 'write',
  'GET /initiatives/:id': 'read',
  'GET /initiatives/:id/map': 'read',
  'GET /initiatives/:id/map-file': 'read',
  'GET /initiatives/:id/assessments': 'read',
  'POST /assessments': 'write',
  'DELETE /assessments/:id': 'write',
  'GET /review': 'read',
  'GET /influence': 'read',
  'GET /network': 'read',
  'GET /paths': 'read',
  'GET /initiatives/:id/coalition': 'read',
  'GET /settings': 'read',
  'PATCH /settings': 'write',
  'POST /imports': 'write',
  'GET /export': 'read',
  'GET /reminders.ics': 'read',
  'POST /calendar-feed': 'read',
  'GET /calendar/:token': 'public',
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

it('every route of the table has an entry in the authorization matrix, with the same access', () => {
  const table = Object.fromEntries(ROUTES.map((r) => [key(r), r.access]));
  expect(table).toEqual(EXPECTED);
});

describeEachDialect('authorization matrix over every route', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  const cookies: Record<'owner' | 'editor' | 'viewer' | 'outsider', string> = {} as never;
  const ids = { person: 0, initiative: 0, step: 0, token: 0, interaction: 0, assessment: 0, list: 0 };
  // Plans are their author's: the editor completes a step of their own plan, not the owner's.
  const userIds = { owner: 1, editor: 0, viewer: 0 };
  let editorStep = 0;
  // Ledger entries too: an editor changes its own, never the owner's private one (a 404 to them).
  let editorInteraction = 0;
  let myself = 0;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const owner = await api.owner(true);
    cookies.owner = owner.cookie;
    const principal = { userId: 1, ws: owner.ws, role: 'owner' as const };
    for (const role of ['editor', 'viewer'] as const) {
      const u = await api.user(`${role}@example.com`);
      await addMember(api.store, principal, { email: `${role}@example.com`, role }, NOW);
      cookies[role] = u.cookie;
      userIds[role] = u.id;
      expect(
        (await api.call('PUT', '/api/v1/session/workspace', { cookie: u.cookie }, { workspace: owner.ws }))
          .status,
      ).toBe(200);
    }
    const outsider = await api.user('outsider@example.com');
    await api.demo(outsider.ws);
    cookies.outsider = outsider.cookie;
    const people = (await api.call('GET', '/api/v1/people', { cookie: owner.cookie })).body as {
      items: { id: number }[];
    };
    ids.person = people.items[0]!.id;
    const initiatives = (await api.call('GET', '/api/v1/initiatives', { cookie: owner.cookie })).body as {
      id: number;
    }[];
    ids.initiative = initiatives[0]!.id;
    const stepOf = async (member: number) =>
      (
        await addPlanStep(
          rapportFor(api.store, owner.ws, () => NOW, member),
          {
            person: ids.person,
            strategy: 'connect',
            step: 'coffee',
            due: '2026-12-01',
          },
        )
      )[0]!.steps[0]!.id;
    ids.step = await stepOf(userIds.owner);
    editorStep = await stepOf(userIds.editor);
    // "Me" is each member's: the teammates say who they are (the sample's "me", as the owner's).
    myself = ((await api.call('GET', '/api/v1/me', { cookie: owner.cookie })).body as { id: number }).id;
    for (const role of ['editor', 'viewer'] as const) {
      const me = await api.call('PUT', '/api/v1/me', { cookie: cookies[role] }, { person: myself });
      expect(me.status).toBe(200);
    }
    ids.token = (
      (await api.call('POST', '/api/v1/tokens', { cookie: owner.cookie }, { name: 't' })).body as {
        id: number;
      }
    ).id;
    const logged = await api.call(
      'POST',
      '/api/v1/interactions',
      { cookie: owner.cookie },
      { people: [ids.person] },
    );
    ids.interaction = (logged.body as { id: number }).id;
    editorInteraction = (
      (await api.call('POST', '/api/v1/interactions', { cookie: cookies.editor }, { people: [ids.person] }))
        .body as {
        id: number;
      }
    ).id;
    const history = await api.call('GET', `/api/v1/initiatives/${ids.initiative}/assessments`, {
      cookie: owner.cookie,
    });
    ids.assessment = (history.body as { id: number }[])[0]!.id;
    const list = await api.call(
      'POST',
      '/api/v1/onboarding-lists',
      { cookie: owner.cookie },
      { member: 'editor@example.com', items: [{ person: ids.person }] },
    );
    ids.list = (list.body as { id: number }).id;
  });
  afterAll(() => cleanup());

  const urlOf = (url: string, who: 'editor' | 'other' = 'other') => {
    const id = url.startsWith('/people')
      ? ids.person
      : url.startsWith('/initiatives')
        ? ids.initiative
        : url.startsWith('/plans')
          ? who === 'editor'
            ? editorStep
            : ids.step
          : url.startsWith('/interactions')
            ? who === 'editor'
              ? editorInteraction
              : ids.interaction
            : url.startsWith('/assessments')
              ? ids.assessment
              : url.startsWith('/onboarding-lists')
                ? ids.list
                : url.startsWith('/members')
                  ? userIds.viewer
                  : ids.token;
    const query =
      url === '/paths' ? `?to=${ids.person}` : url === '/initiatives/:id/map-file' ? '?format=png' : '';
    return `/api/v1${url.replace(':id', String(id))}${query}`;
  };
  let made = 0;
  const bodyOf = (r: (typeof ROUTES)[number]) => {
    if (r.url === '/me') return { person: myself };
    if (r.url === '/assessments')
      return { person: ids.person, initiative: ids.initiative, influence: 50, stance: 10 };
    if (r.url === '/onboarding-lists/:id/items')
      return { items: [{ person: ids.person, why: 'runs the budget' }] };
    // Names must be new each time (one initiative per name).
    const sample = r.sample as { name?: string } | undefined;
    return sample?.name ? { ...sample, name: `${sample.name} ${++made}` } : sample;
  };
  // Routes that end a session or remove data run last, on a session of their own; a restore
  // follows the removal it undoes (the table declares it after).
  const restores = (r: (typeof ROUTES)[number]) => r.url.endsWith('/restore');
  const last = (r: (typeof ROUTES)[number]) =>
    r.method === 'DELETE' || r.url === '/session/workspace' || restores(r);
  const endsSessions = (r: (typeof ROUTES)[number]) =>
    r.url === '/sessions' ? 2 : r.url === '/session' ? 1 : 0;
  const ordered = [
    ...ROUTES.filter((r) => !last(r)),
    // Removing the person goes after what undoes a removal of their entries.
    ...ROUTES.filter(last).sort(
      (a, b) =>
        endsSessions(a) - endsSessions(b) ||
        Number(a.url === '/people/:id') - Number(b.url === '/people/:id'),
    ),
  ];

  it('signed out: 401 on everything but the public routes', async () => {
    for (const r of ordered) {
      if (r.access === 'public') continue;
      const res = await api.call(r.method, urlOf(r.url), {}, bodyOf(r));
      expect(res.status, key(r)).toBe(401);
    }
  });

  it("another workspace's user: 404 for this workspace's records (their existence is not told)", async () => {
    for (const r of ordered) {
      if (!r.url.includes(':id') || r.method === 'DELETE') continue;
      const res = await api.call(r.method, urlOf(r.url), { cookie: cookies.outsider }, bodyOf(r));
      expect(res.status, key(r)).toBe(404);
    }
  });

  it('viewer: 403 on every write; reads answer', async () => {
    for (const r of ordered) {
      if (
        r.access === 'public' ||
        r.url === '/session/workspace' ||
        key(r) === 'DELETE /session' ||
        key(r) === 'DELETE /sessions'
      )
        continue;
      const res = await api.call(r.method, urlOf(r.url), { cookie: cookies.viewer }, bodyOf(r));
      if (r.access === 'write' || r.access === 'admin') expect(res.status, key(r)).toBe(403);
      else if (r.url !== '/tokens/:id') expect(res.status, `${key(r)}: ${res.text}`).toBeLessThan(400);
    }
  });

  it('editor: writes succeed, owner-only actions are 403', async () => {
    for (const r of ordered) {
      if (
        r.access === 'public' ||
        r.method === 'DELETE' ||
        restores(r) ||
        r.url === '/session/workspace' ||
        r.url === '/imports'
      )
        continue;
      const res = await api.call(r.method, urlOf(r.url, 'editor'), { cookie: cookies.editor }, bodyOf(r));
      if (r.access === 'admin') expect(res.status, key(r)).toBe(403);
      else expect(res.status, `${key(r)}: ${res.text}`).toBeLessThan(400);
    }
  });

  it('owner: every route succeeds, the destructive ones last', async () => {
    for (const r of ordered) {
      if (r.access === 'public' || r.url === '/imports') continue;
      const cookie =
        r.url === '/session' || r.url === '/sessions'
          ? await api.signIn('olivia@example.com')
          : cookies.owner;
      const body = r.url === '/session/workspace' ? { workspace: 1 } : bodyOf(r);
      const res = await api.call(r.method, urlOf(r.url), { cookie }, body);
      if (key(r) === 'POST /members')
        expect(res.status, key(r)).toBe(404); // nobody@example.com has no account
      else expect(res.status, `${key(r)}: ${res.text}`).toBeLessThan(400);
      // The answer is what the OpenAPI document says it is: no field missing, none extra.
      if (r.result && res.status < 400) expect(r.result.parse(res.body), key(r)).toEqual(res.body);
    }
  });
});
