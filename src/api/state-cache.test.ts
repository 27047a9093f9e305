// The server keeps answers per workspace state across requests (app/core/state-cache): each
// request reads as its own member, and the answers must still be found by the next request, be
// counted in the server's memory log, and never outlive a write.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stateCacheSize } from '../app/index.js';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

describeEachDialect('answers kept per workspace state, across requests', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let cookie: string;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    ({ cookie } = await api.owner(true));
  });
  afterAll(() => cleanup());

  const person = async (id: number) => {
    const r = await api.call('GET', `/api/v1/people/${id}`, { cookie });
    expect(r.status, r.text).toBe(200);
    return r.body as { title: string | null };
  };

  it('answers the second request from what the first computed, and a write makes it ask again', async () => {
    const before = stateCacheSize(api.store).answers;
    const first = await person(1);
    const kept = stateCacheSize(api.store).answers;
    expect(kept).toBeGreaterThan(before);
    expect(await person(1)).toEqual(first);
    expect(stateCacheSize(api.store).answers).toBe(kept);

    const edited = await api.call('PATCH', '/api/v1/people/1', { cookie }, { title: 'Chief of Staff' });
    expect(edited.status, edited.text).toBe(200);
    expect((await person(1)).title).toBe('Chief of Staff');
  });
});
