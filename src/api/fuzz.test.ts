import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { ROUTES } from './routes/index.js';
import { TestApi } from './test-support/client.js';

// Whatever a client sends, the answer is a 2xx or a 4xx with the error shape: never a 5xx.

const FIELDS = [
  'name',
  'email',
  'password',
  'person',
  'people',
  'initiative',
  'influence',
  'stance',
  'kind',
  'tier',
  'category',
  'body',
  'shared',
  'ids',
  'strategy',
  'step',
  'due',
  'date',
  'capital',
  'note',
  'workspace',
  'role',
  'title',
  'manager',
  'cadenceDays',
  'halfLifeDays',
  'cadences',
  'thresholds',
  'at',
  'size',
  'to',
  'limit',
  'cursor',
];

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '',
    ' ',
    'me',
    '#1',
    '1',
    '-1',
    '1e999',
    'NaN',
    '2026-02-30',
    'today',
    '__proto__',
    '../../etc/passwd',
  ),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.integer(), { maxKeys: 3 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.anything({ maxDepth: 2 }),
);
const query = fc.dictionary(
  fc.constantFrom(...FIELDS, 'dryRun', 'open', 'all', 'format', 'what', 'top', 'from'),
  fc.string({ maxLength: 12 }),
  {
    maxKeys: 3,
  },
);
const id = fc.oneof(
  fc.nat(50),
  fc.constantFrom('0', '-5', 'abc', '1.5', '99999999999999999999', '%00', '..'),
);

describeEachDialect('fuzzed requests over every route', ({ fresh, dialect }) => {
  let api: TestApi;
  let cookie: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    cookie = (await api.owner(true)).cookie;
  });
  afterAll(() => cleanup());

  // Sessions are kept: the routes that end one are not fuzzed here (the accounts tests cover them).
  const routes = ROUTES.filter((r) => r.url !== '/session' && r.url !== '/sessions' && r.url !== '/setup');

  it(`never answers 5xx (${routes.length} routes)`, async () => {
    const runs = dialect === 'sqlite' ? 2500 : 800;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), id, body, query, async (r, ref, payload, q) => {
        const search = new URLSearchParams(q).toString();
        const url = `/api/v1${r.url.replace(':id', encodeURIComponent(String(ref)))}${search ? `?${search}` : ''}`;
        const method = r.method as 'GET';
        const res = await api.app.inject({
          method,
          url,
          headers: { cookie: `rapport_session=${cookie}` },
          ...(method === 'GET' || payload === undefined ? {} : { payload: payload as object }),
        });
        if (res.statusCode >= 500)
          throw new Error(`${r.method} ${url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
        if (res.statusCode >= 400) expect(JSON.parse(res.body)).toHaveProperty('error.code');
      }),
      { numRuns: runs },
    );
  }, 240_000);
});
