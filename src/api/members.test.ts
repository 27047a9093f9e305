import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

/** An owner takes a teammate out of the workspace; a workspace always keeps an owner. */
describeEachDialect('members leave a workspace, and its last owner stays', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teammate: string;
  let ownerId = 0;
  let teammateId = 0;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(false);
    owner = o.cookie;
    teammate = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    const members = (await api.call('GET', '/api/v1/members', { cookie: owner })).body as {
      id: number;
      email: string;
    }[];
    ownerId = members.find((m) => m.email !== 'teo@example.com')!.id;
    teammateId = members.find((m) => m.email === 'teo@example.com')!.id;
  });
  afterAll(() => cleanup());

  it('the only owner can neither step down nor leave: 409, nothing changed', async () => {
    const me = (await api.call('GET', '/api/v1/members', { cookie: owner })).body as { email: string }[];
    const email = me.find((m) => m.email !== 'teo@example.com')!.email;
    const down = await api.call('POST', '/api/v1/members', { cookie: owner }, { email, role: 'editor' });
    expect(down.status).toBe(409);
    expect(down.body).toMatchObject({ error: { code: 'precondition', details: { needs: 'another-owner' } } });
    const leave = await api.call('DELETE', `/api/v1/members/${ownerId}`, { cookie: owner });
    expect(leave.status).toBe(409);
    const roles = (await api.call('GET', '/api/v1/members', { cookie: owner })).body as { role: string }[];
    expect(roles.map((m) => m.role).sort()).toEqual(['editor', 'owner']);
  });

  it('a teammate taken out loses the workspace at once; an unknown member is a 404', async () => {
    expect((await api.call('GET', '/api/v1/people', { cookie: teammate })).status).toBe(200);
    expect((await api.call('DELETE', `/api/v1/members/${teammateId}`, { cookie: teammate })).status).toBe(
      403,
    );
    const gone = await api.call('DELETE', `/api/v1/members/${teammateId}`, { cookie: owner });
    expect(gone.status, gone.text).toBe(200);
    expect(gone.body).toMatchObject({ email: 'teo@example.com', role: 'editor' });
    expect((await api.call('GET', '/api/v1/people', { cookie: teammate })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await api.call('DELETE', `/api/v1/members/${teammateId}`, { cookie: owner })).status).toBe(404);
  });
});
