import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  pgAvailable,
  type TestDatabase,
} from '../../store/test-support/dialects.js';
import { openRapport, type Rapport } from '../core/index.js';
import { mapFile } from '../map/index.js';
import { listPeople } from '../people/index.js';
import { loadDemo } from '../workspace/index.js';
import { attention } from './attention.js';
import { deposits } from './deposits.js';
import { focus } from './focus.js';
import { thanks } from './thanks.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Everything the practices answer on one database, as JSON. */
async function answers(r: Rapport) {
  const map = await mapFile(r, { initiative: 'Self-serve onboarding', format: 'excalidraw' });
  return {
    thanks: await thanks(r),
    attention: await attention(r),
    deposits: await deposits(r),
    focus: await focus(r),
    // Twice: the second focus reads the attention view it cached.
    focusAgain: await focus(r),
    map: map.content,
    stages: (await listPeople(r)).map((p) => [p.id, p.stage]),
  };
}

// The practices' queries are written per dialect where they must be (join order on SQLite):
// both databases must give the same answers on the same organisation.
describe.skipIf(!pgAvailable)('the practices answer the same on SQLite and PostgreSQL', () => {
  const dbs: TestDatabase[] = [];
  const results: unknown[] = [];
  beforeAll(async () => {
    for (const create of [createSqliteDatabase, createPostgresDatabase]) {
      const db = await create();
      dbs.push(db);
      const r = await openRapport({ db: db.location, now: () => NOW });
      try {
        await loadDemo(r);
        results.push(await answers(r));
      } finally {
        await r.close();
      }
    }
  }, 120_000);
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('thanks, attention, deposits, focus and the map file agree, and say something', () => {
    const [sqlite, postgres] = results as Awaited<ReturnType<typeof answers>>[];
    expect(sqlite!.thanks.owed.length).toBeGreaterThan(0);
    expect(sqlite!.deposits.length).toBeGreaterThan(0);
    expect(sqlite!.focus.some((i) => i.kind === 'thanks')).toBe(true);
    expect(sqlite!.focusAgain).toEqual(sqlite!.focus);
    expect(new Set(sqlite!.stages.map(([, s]) => s))).toEqual(
      new Set([null, 'new', 'engaged', 'established']),
    );
    expect(postgres).toEqual(sqlite);
  });
});
