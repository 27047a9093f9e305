import ICAL from 'ical.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

// A calendar app subscribes to a URL and sends nothing else (issue 14): the URL's secret opens
// the owner's reminders and nothing more, and revoking it closes the feed.
describeEachDialect('the reminders feed a calendar app subscribes to', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let cookie: string;
  beforeEach(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    ({ cookie } = await api.owner(true));
  });
  afterEach(() => cleanup());

  it('serves the reminders at a secret URL without a session, and nowhere else', async () => {
    const made = await api.call('POST', '/api/v1/calendar-feed', { cookie });
    expect(made.status).toBe(201);
    const { id, path } = made.body as { id: number; path: string };
    expect(path).toMatch(/^\/api\/v1\/calendar\/rpc_[\w-]{40,}\.ics$/);

    const feed = await api.call('GET', path);
    expect(feed.status).toBe(200);
    expect(String(feed.headers['content-type'])).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(10);
    expect(events.some((e) => String(e.getFirstPropertyValue('summary')).startsWith('Touch base with'))).toBe(
      true,
    );

    // The secret is not an API key, a near miss finds nothing, and revoking it closes the feed.
    const secret = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    expect((await api.call('GET', '/api/v1/people', { token: secret })).status).toBe(401);
    expect((await api.call('GET', `${path.slice(0, -6)}x.ics`)).status).toBe(404);
    expect((await api.call('GET', '/api/v1/calendar/rpt_guess.ics')).status).toBe(404);
    const tokens = (await api.call('GET', '/api/v1/tokens', { cookie })).body as {
      id: number;
      name: string;
    }[];
    expect(tokens).toContainEqual(expect.objectContaining({ id, name: 'Calendar feed' }));
    expect((await api.call('DELETE', `/api/v1/tokens/${id}`, { cookie })).status).toBeLessThan(300);
    const gone = await api.call('GET', path);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses to make a feed for someone signed out', async () => {
    expect((await api.call('POST', '/api/v1/calendar-feed')).status).toBe(401);
  });
});
