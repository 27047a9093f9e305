import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_FAILURES } from '../app/index.js';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { PASSWORD, TestApi } from './test-support/client.js';

describeEachDialect('API accounts and sessions', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
  });
  afterEach(() => cleanup());

  it('a fresh instance creates its owner once, signs them in with a safe cookie, and refuses a second owner', async () => {
    expect((await api.call('GET', '/api/v1/setup')).body).toEqual({ hasOwner: false });
    const weak = await api.call(
      'POST',
      '/api/v1/setup',
      {},
      { name: 'O', email: 'o@example.com', password: 'short' },
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'validation', details: { field: 'password' } } });
    const common = await api.call(
      'POST',
      '/api/v1/setup',
      {},
      { name: 'O', email: 'o@example.com', password: 'password123' },
    );
    expect(common.status).toBe(400);

    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'Olivia Owner', email: 'Olivia@Example.com', password: PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/rapport_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect((await api.call('GET', '/api/v1/setup')).body).toEqual({ hasOwner: true });
    const again = await api.call(
      'POST',
      '/api/v1/setup',
      {},
      { name: 'Eve', email: 'eve@example.com', password: PASSWORD },
    );
    expect(again.status).toBe(409);
    const cookie = res.cookies.find((c) => c.name === 'rapport_session')!.value;
    const me = await api.call('GET', '/api/v1/session', { cookie });
    expect(me.body).toMatchObject({
      user: { email: 'olivia@example.com', name: 'Olivia Owner' },
      workspace: { role: 'owner' },
    });
  });

  it('a new session id at every sign-in; signing out ends it; signing out everywhere ends them all', async () => {
    await api.owner();
    const first = await api.signIn('olivia@example.com');
    const second = await api.signIn('olivia@example.com');
    expect(second).not.toBe(first);
    expect((await api.call('GET', '/api/v1/session', { cookie: first })).status).toBe(200);
    expect((await api.call('DELETE', '/api/v1/session', { cookie: first })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/session', { cookie: first })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/session', { cookie: second })).status).toBe(200);
    const third = await api.signIn('olivia@example.com');
    const ended = await api.call('DELETE', '/api/v1/sessions', { cookie: third });
    expect(ended.body).toMatchObject({ ended: expect.any(Number) });
    for (const c of [second, third])
      expect((await api.call('GET', '/api/v1/session', { cookie: c })).status).toBe(401);
  });

  it('brute force is throttled per account, even with the right password afterwards', async () => {
    await api.owner();
    for (let i = 0; i < MAX_FAILURES.account; i++) {
      const bad = await api.call(
        'POST',
        '/api/v1/session',
        {},
        { email: 'olivia@example.com', password: `wrong guess ${i}` },
      );
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({
        error: { code: 'unauthenticated', message: 'The email or the password is wrong.' },
      });
    }
    const blocked = await api.call(
      'POST',
      '/api/v1/session',
      {},
      { email: 'olivia@example.com', password: PASSWORD },
    );
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // An unknown account answers exactly like a wrong password: no way to probe for emails.
    const unknown = await api.call(
      'POST',
      '/api/v1/session',
      {},
      { email: 'nobody@example.com', password: PASSWORD },
    );
    expect(unknown.body).toEqual({
      error: { code: 'unauthenticated', message: 'The email or the password is wrong.', details: null },
    });
  });

  it('API tokens act for one workspace, are shown once, stored hashed and revocable', async () => {
    const { cookie } = await api.owner();
    const created = await api.call('POST', '/api/v1/tokens', { cookie }, { name: 'nightly sync' });
    expect(created.status).toBe(201);
    const token = (created.body as { token: string; id: number }).token;
    expect(token).toMatch(/^rpt_/);
    const listed = await api.call('GET', '/api/v1/tokens', { cookie });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await api.call('GET', '/api/v1/people', { token })).status).toBe(200);
    expect((await api.call('POST', '/api/v1/people', { token }, { name: 'Script Added' })).status).toBe(201);
    const id = (created.body as { id: number }).id;
    expect((await api.call('DELETE', `/api/v1/tokens/${id}`, { cookie })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/people', { token })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/people', { token: 'rpt_forged' })).status).toBe(401);
  });

  it('refuses a cookie write sent from another site (CSRF), allows it from this one', async () => {
    const { cookie } = await api.owner();
    const cross = await api.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: {
        cookie: `rapport_session=${cookie}`,
        origin: 'https://evil.example',
        host: 'localhost:4780',
      },
      payload: { name: 'Mallory' },
    });
    expect(cross.statusCode).toBe(403);
    const same = await api.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: {
        cookie: `rapport_session=${cookie}`,
        origin: 'http://localhost:4780',
        host: 'localhost:4780',
      },
      payload: { name: 'Ana García' },
    });
    expect(same.statusCode).toBe(201);
    const people = await api.call('GET', '/api/v1/people', { cookie });
    expect(JSON.stringify(people.body)).not.toContain('Mallory');
  });

  it('answers bad input with a 4xx naming the problem, never a 500 or a stack', async () => {
    const { cookie } = await api.owner();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/api/v1/people', { name: '' }, 400, /name/],
      ['POST', '/api/v1/people', { name: 'X', tier: 'best-friend' }, 400, /tier must be one of/],
      ['GET', '/api/v1/people/abc', undefined, 400, /id must be a whole number/],
      ['GET', '/api/v1/people/99999', undefined, 404, /No person matches/],
      ['PATCH', '/api/v1/people/99999', { title: 'x' }, 404, /No person/],
      ['GET', '/api/v1/nowhere', undefined, 404, /No route/],
      [
        'POST',
        '/api/v1/assessments',
        { person: 1, initiative: 1, influence: 500, stance: 0 },
        400,
        /influence must be/,
      ],
    ];
    for (const [method, url, body, status, message] of cases) {
      const r = await api.call(method, url, { cookie }, body);
      expect(r.status, `${method} ${url}`).toBe(status);
      expect((r.body as { error: { message: string } }).error.message, `${method} ${url}`).toMatch(message);
      expect(r.text).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    const badJson = await api.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: `rapport_session=${cookie}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(badJson.statusCode).toBe(400);
    const huge = await api.call('POST', '/api/v1/people', { cookie }, { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });
});

describeEachDialect('API edits carry a version', ({ fresh }) => {
  it('a stale version gets 409 with the current record; nothing of it is written', async () => {
    const f = await fresh();
    const api = await TestApi.over(f.store, () => new Date());
    try {
      const { cookie } = await api.owner();
      const added = (await api.call('POST', '/api/v1/people', { cookie }, { name: 'Dana Lee' })).body as {
        id: number;
        updatedAt: string;
      };
      await new Promise((r) => setTimeout(r, 5));
      const first = await api.call(
        'PATCH',
        `/api/v1/people/${added.id}`,
        { cookie },
        { title: 'VP Sales', version: added.updatedAt },
      );
      expect(first.status).toBe(200);
      // A second editor still holds the first version.
      const stale = await api.call(
        'PATCH',
        `/api/v1/people/${added.id}`,
        { cookie },
        { team: 'EMEA', version: added.updatedAt },
      );
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        error: {
          code: 'conflict',
          details: { field: 'version', current: { title: 'VP Sales', team: null } },
        },
      });
      const now = (await api.call('GET', `/api/v1/people/${added.id}`, { cookie })).body as {
        team: string | null;
      };
      expect(now.team).toBeNull();
    } finally {
      await api.close();
      await f.cleanup();
    }
  });
});
