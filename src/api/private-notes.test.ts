import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { ROUTES } from './routes/index.js';
import { TestApi } from './test-support/client.js';

const SECRET = 'PRIVATE-7f3a9c-only-olivia-may-read-this';

describeEachDialect('private notes, plans and ledger entries never reach a teammate', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teammate: string;
  let person = 0;
  let initiative = 0;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(true);
    owner = o.cookie;
    teammate = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    const people = (await api.call('GET', '/api/v1/people', { cookie: owner })).body as {
      items: { id: number }[];
    };
    person = people.items[0]!.id;
    initiative = (
      (await api.call('GET', '/api/v1/initiatives', { cookie: owner })).body as { id: number }[]
    )[0]!.id;
    expect(
      (await api.call('POST', `/api/v1/people/${person}/notes`, { cookie: owner }, { body: SECRET })).status,
    ).toBe(201);
    await api.call(
      'POST',
      `/api/v1/people/${person}/notes`,
      { cookie: owner },
      { body: 'shared: likes data first', shared: true },
    );
    // A plan is its author's alone too: the same secret planted in one of the owner's steps.
    expect(
      (
        await api.call(
          'POST',
          `/api/v1/people/${person}/plans`,
          { cookie: owner },
          { strategy: 'connect', step: `ask about ${SECRET}`, due: '2026-12-10' },
        )
      ).status,
    ).toBe(201);
    // The notes on the person's profile are the owner's own (migration 0770).
    expect(
      (
        await api.call(
          'PATCH',
          `/api/v1/people/${person}`,
          { cookie: owner },
          { notes: `profile: ${SECRET}` },
        )
      ).status,
    ).toBe(200);
    // The ledger is its author's too: the secret in the note of a private interaction.
    expect(
      (
        await api.call(
          'POST',
          '/api/v1/interactions',
          { cookie: owner },
          { people: [person], kind: 'help-given', note: `covered for ${SECRET}` },
        )
      ).status,
    ).toBe(201);
  });
  afterAll(() => cleanup());

  it('the author reads their private note; the teammate sees the shared one only', async () => {
    const mine = await api.call('GET', `/api/v1/people/${person}/notes`, { cookie: owner });
    expect(mine.text).toContain(SECRET);
    const theirs = await api.call('GET', `/api/v1/people/${person}/notes`, { cookie: teammate });
    expect(theirs.status).toBe(200);
    expect(theirs.text).toContain('likes data first');
    expect(theirs.body).toEqual([
      expect.objectContaining({ shared: true, mine: false, author: 'Olivia Owner' }),
    ]);
  });

  it("the person's notes field is each member's: the teammate's edit leaves the owner's as it was", async () => {
    const read = async (cookie: string) =>
      ((await api.call('GET', `/api/v1/people/${person}`, { cookie })).body as { notes: string | null })
        .notes;
    expect(await read(owner)).toBe(`profile: ${SECRET}`);
    expect(await read(teammate)).toBe(null);
    const edit = await api.call(
      'PATCH',
      `/api/v1/people/${person}`,
      { cookie: teammate },
      { notes: 'my own view' },
    );
    expect(edit.status, edit.text).toBe(200);
    expect(await read(teammate)).toBe('my own view');
    expect(await read(owner)).toBe(`profile: ${SECRET}`);
  });

  it("no read endpoint, export or error answer of the teammate's contains the secret", async () => {
    const urls: string[] = [];
    for (const r of ROUTES) {
      if (r.method !== 'GET') continue;
      const id = r.url.startsWith('/initiatives') ? initiative : person;
      urls.push(`/api/v1${r.url.replace(':id', String(id))}${r.url === '/paths' ? `?to=${person}` : ''}`);
    }
    for (const format of ['json', 'csv', 'vcard']) urls.push(`/api/v1/export?format=${format}`);
    urls.push(
      '/api/v1/export?format=csv&what=interactions',
      '/api/v1/people?q=PRIVATE',
      `/api/v1/people/${person}/notes?x=${SECRET.slice(0, 7)}`,
    );
    let answered = 0;
    for (const url of urls) {
      const res = await api.call('GET', url, { cookie: teammate });
      expect(res.text, url).not.toContain(SECRET);
      if (res.status < 400) answered++;
    }
    expect(answered).toBeGreaterThan(20);
  });
});
