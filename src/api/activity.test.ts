import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

const SECRET = 'the-secret-in-a-private-note';

// Who changed what in a team workspace (issue 14): each write through the API, with its author
// and target, newest first; never a note or a value typed, and never another workspace's.
describeEachDialect('the activity log of a team workspace', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teo: string;
  let outsider: string;
  let person: { id: number; name: string };

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(true);
    owner = o.cookie;
    teo = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    outsider = (await api.user('olga@example.com')).cookie;
    person = (
      (await api.call('GET', '/api/v1/people?limit=1', { cookie: owner })).body as {
        items: (typeof person)[];
      }
    ).items[0]!;
    const did = [
      await api.call('PATCH', `/api/v1/people/${person.id}`, { cookie: teo }, { title: 'Head of Ops' }),
      await api.call(
        'POST',
        '/api/v1/interactions',
        { cookie: teo },
        { people: [person.id], kind: 'coffee' },
      ),
      await api.call('POST', `/api/v1/people/${person.id}/notes`, { cookie: teo }, { body: SECRET }),
      await api.call('GET', '/api/v1/focus', { cookie: teo }),
      // Refused: nothing done, nothing logged.
      await api.call('PATCH', `/api/v1/people/${person.id}`, { cookie: teo }, { tier: 'best-friend' }),
    ];
    expect(did.map((d) => d.status)).toEqual([200, 201, 201, 200, 400]);
  });
  afterAll(() => cleanup());

  it('names who changed what, newest first, without the notes or reads', async () => {
    const log = await api.call('GET', '/api/v1/activity', { cookie: owner });
    expect(log.status).toBe(200);
    const { items } = log.body as { items: { user: { name: string }; action: string; target: string }[] };
    expect(items.map((i) => [i.user.name, i.action, i.target])).toEqual([
      ['Teo Mate', 'logged an interaction', expect.stringMatching(/^#\d+$/)],
      ['Teo Mate', 'changed a person', `#${person.id} ${person.name}`],
    ]);
    expect(log.text).not.toContain(SECRET);
    expect(log.text).not.toContain('Head of Ops');
  });

  it('pages with before=next, and keeps each workspace to itself', async () => {
    const first = (await api.call('GET', '/api/v1/activity?limit=1', { cookie: owner })).body as {
      items: { action: string }[];
      next: number;
    };
    expect(first.items.map((i) => i.action)).toEqual(['logged an interaction']);
    const second = (await api.call('GET', `/api/v1/activity?limit=1&before=${first.next}`, { cookie: owner }))
      .body as { items: { action: string }[]; next: number | null };
    expect(second).toEqual({ items: [expect.objectContaining({ action: 'changed a person' })], next: null });
    const theirs = (await api.call('GET', '/api/v1/activity', { cookie: outsider })).body as {
      items: unknown[];
    };
    expect(theirs.items).toEqual([]);
    expect((await api.call('GET', '/api/v1/activity?limit=0', { cookie: owner })).status).toBe(400);
  });
});
