import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isRapportError } from '../../domain/errors.js';
import { writeBackup } from '../../formats/backup.js';
import { sampleBackup } from '../../formats/test-support/sample-backup.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { exportWorkspace } from './export.js';
import { importFile } from './import.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'rapport-restore-'));

type Json = Record<string, unknown>;

/** `apply` answers false when an earlier mutation took away what it would change. */
type Mutation = { name: string; apply: (b: Json) => unknown; refused: boolean };

/** A valid backup as plain JSON, so mutations can break any part of it. */
const base = (): Json => JSON.parse(writeBackup(sampleBackup())) as Json;
const list = (b: Json, k: string) => b[k] as Json[];
const plans = (b: Json) => (b.extra as { plans: Json[] }).plans;

/** Every record of the backup with the path its message should name. */
const RECORDS: [string, (b: Json) => Json][] = [
  ['people[0]', (b) => list(b, 'people')[0]!],
  ['people[1]', (b) => list(b, 'people')[1]!],
  ['initiatives[0]', (b) => list(b, 'initiatives')[0]!],
  ['assessments[0]', (b) => list(b, 'assessments')[0]!],
  ['interactions[0]', (b) => list(b, 'interactions')[0]!],
  ['ties[0]', (b) => list(b, 'ties')[0]!],
  ['extra.plans[0]', (b) => plans(b)[0]!],
  ['extra.plans[0].steps[0]', (b) => plans(b)[0]!.steps as Json],
];
/** The record to mutate, or null when an earlier mutation removed it or its container. */
const record = (b: Json, i: number): Json | null => {
  let r: unknown;
  try {
    r = RECORDS[i]![1](b);
  } catch {
    return null;
  }
  const rec = Array.isArray(r) ? r[0] : r;
  return rec !== null && typeof rec === 'object' && !Array.isArray(rec) ? (rec as Json) : null;
};

/** A value of another type than `v` (never null, which some fields accept). */
const wrongType = (v: unknown, pick: number): unknown => {
  const options: unknown[] = [42, 'text', true, { a: 1 }, [1, 2], -0.5, ''];
  const others = options.filter((o) => typeof o !== typeof v || Array.isArray(o) !== Array.isArray(v));
  return others[pick % others.length];
};

/**
 * A change every restore must refuse. When an earlier mutation already broke what it reaches
 * into (steps no longer a list), it is a no-op and does not count.
 */
const refuse = (name: string, apply: (b: Json) => void): Mutation => ({
  name,
  apply: (b) => {
    try {
      apply(b);
      return true;
    } catch {
      return false;
    }
  },
  refused: true,
});

const junk = fc.constantFrom('paused', 'exploded', '', 'ACTIVE', 'meeting ', 'ünknown');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Drop a key: some are optional (a note), so either outcome is fine, but never a crash.
  fc.record({ r: fc.nat(RECORDS.length - 1), k: fc.nat(20) }).map(({ r, k }) => ({
    name: `drop key ${k} of ${RECORDS[r]![0]}`,
    apply: (b: Json) => {
      const rec = record(b, r);
      if (!rec) return false;
      const keys = Object.keys(rec);
      delete rec[keys[k % keys.length]!];
    },
    refused: false,
  })),
  // The wrong type for a field that has a value.
  fc.record({ r: fc.nat(RECORDS.length - 1), k: fc.nat(20), t: fc.nat(10) }).map(({ r, k, t }) => ({
    name: `wrong type in ${RECORDS[r]![0]}`,
    apply: (b: Json) => {
      const rec = record(b, r);
      if (!rec) return false;
      const keys = Object.keys(rec).filter((x) => rec[x] !== null);
      if (keys.length === 0) return false;
      const key = keys[k % keys.length]!;
      rec[key] = wrongType(rec[key], t);
    },
    // An empty list for the interests of a person is still a list; every other change is refused.
    refused: true,
  })),
  ...(
    [
      ['initiative status', (b: Json) => list(b, 'initiatives')[0]!, 'status'],
      ['interaction kind', (b: Json) => list(b, 'interactions')[0]!, 'kind'],
      ['tie type', (b: Json) => list(b, 'ties')[0]!, 'type'],
      ['person tier', (b: Json) => list(b, 'people')[1]!, 'tier'],
      ['plan strategy', (b: Json) => plans(b)[0]!, 'strategy'],
    ] as const
  ).map(([name, at, field]) =>
    junk.map((s) => ({
      name: `${name} ${s}`,
      apply: (b: Json) => {
        at(b)[field] = s;
      },
      refused: true,
    })),
  ),
  fc.constantFrom<Mutation>(
    refuse('duplicate person', (b) => list(b, 'people').push({ ...list(b, 'people')[1]! })),
    refuse('duplicate initiative name', (b) => {
      list(b, 'initiatives').push({ ...list(b, 'initiatives')[0]!, key: 'i2', name: ' search' });
    }),
    refuse('duplicate tie', (b) => list(b, 'ties').push({ ...list(b, 'ties')[0]! })),
    refuse('one email for two people', (b) => {
      list(b, 'people')[1]!.emails = ['ADA@example.com'];
    }),
    refuse('a person twice in one interaction', (b) => {
      list(b, 'interactions')[0]!.people = ['p2', 'p2'];
    }),
    refuse('manager loop', (b) => {
      list(b, 'people')[1]!.manager = 'p1';
    }),
    refuse('own manager', (b) => {
      list(b, 'people')[1]!.manager = 'p2';
    }),
    refuse('tie to oneself', (b) => {
      list(b, 'ties')[0]!.to = 'p1';
    }),
    refuse('interaction in 9999', (b) => {
      list(b, 'interactions')[0]!.occurredAt = '9999-01-01T00:00:00.000Z';
    }),
    refuse('step without text', (b) => {
      (plans(b)[0]!.steps as Json[]).push({ due: '2026-12-01', doneAt: null });
    }),
    refuse('step with blank text', (b) => {
      (plans(b)[0]!.steps as Json[])[0]!.text = '   ';
    }),
    refuse('step due 2026-02-30', (b) => {
      (plans(b)[0]!.steps as Json[])[0]!.due = '2026-02-30';
    }),
    refuse('plan of nobody', (b) => {
      plans(b)[0]!.person = 'p9';
    }),
    refuse('assessment of nobody', (b) => {
      list(b, 'assessments')[0]!.person = 'p9';
    }),
    refuse('me is nobody', (b) => {
      (b.workspace as Json).me = 'p9';
    }),
  ),
  fc
    .constantFrom<Json>(
      { 'influence.pivots': 'many' },
      { influence: { pivots: 'many' } },
      { influence: 'many' },
      { 'balance.halfLifeDays': 0 },
      { 'ask.small': -50 },
      { junk: 1 },
      { 'importance.weights': { frequency: 0, interconnectedness: 0, sway: 0 } },
    )
    .map((settings) => ({
      name: `settings ${JSON.stringify(settings)}`,
      apply: (b: Json) => {
        b.settings = settings;
      },
      refused: true,
    })),
);

describeEachDialect('restore', ({ fresh, dialect }) => {
  let f: Awaited<ReturnType<typeof fresh>>;
  let r: Rapport;
  let empty: string;
  let n = 0;
  /** A new empty workspace, and its export: what a refused restore must leave as it is. */
  const workspace = async () => {
    const ws = await f.store.workspaces.ensure(`restore-${++n}`, NOW.toISOString());
    r = { store: f.store, ws, now: () => NOW, close: async () => {} };
    empty = await exportWorkspace(r);
  };
  beforeAll(async () => {
    f = await fresh();
    await workspace();
  });
  afterAll(() => f.cleanup());

  it('the sample backup restores whole', async () => {
    const path = join(dir, 'backup.json');
    writeFileSync(path, writeBackup(sampleBackup()));
    await importFile(r, { path });
    const again = JSON.parse(await exportWorkspace(r)) as Json;
    expect(again.extra).toEqual(JSON.parse(writeBackup(sampleBackup())).extra);
    expect(again.settings).toEqual({ 'balance.halfLifeDays': 90, 'influence.pivots': 64 });
    await workspace();
  });

  it('property: a broken backup is refused naming the record, with nothing written; never an unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const b = base();
        const applied = mutations.filter((m) => m.apply(b) !== false);
        const path = join(dir, 'backup.json');
        writeFileSync(path, JSON.stringify(b));
        try {
          await importFile(r, { path });
        } catch (e) {
          if (!isRapportError(e) || e.code !== 'bad_file') throw e;
          expect(e.message).toMatch(/^backup\.json, field "[^"]+": /);
          expect(e.message).not.toMatch(/unexpected|constraint|violates|SQLITE/i);
          expect(await exportWorkspace(r)).toBe(empty);
          return;
        }
        // Accepted: every change must have been harmless (a dropped optional key).
        expect(applied.filter((m) => m.refused).map((m) => m.name)).toEqual([]);
        await workspace();
      }),
      { numRuns: dialect === 'sqlite' ? 300 : 100 },
    );
  });

  it('messages name the record and the rule', async () => {
    const cases: [(b: Json) => void, string][] = [
      [
        (b) => {
          (plans(b)[0]!.steps as Json[])[0]!.text = '';
        },
        'backup.json, field "extra.plans[0].steps[0].text": a step needs text.',
      ],
      [
        (b) => {
          list(b, 'initiatives')[0]!.status = 'paused';
        },
        'backup.json, field "initiatives[0].status": expected one of active, archived, got "paused".',
      ],
      [
        (b) => {
          list(b, 'initiatives').push({ ...list(b, 'initiatives')[0]!, key: 'i2' });
        },
        'backup.json, field "initiatives[1].name": "Search" is also the name of initiatives[0]; initiative names are unique.',
      ],
      [
        (b) => {
          b.settings = { 'influence.pivots': 'many' };
        },
        'backup.json, field "settings.influence.pivots": Setting influence.pivots (pivots of sampled brokerage) must be a whole number from 1 to 100000; got "many".',
      ],
      [
        (b) => {
          list(b, 'people')[1]!.manager = 'p1';
        },
        'backup.json, field "people[0].manager": the managers make a reporting loop ("p1" → "p2" → "p1"); someone in it needs another manager or none.',
      ],
      [
        (b) => {
          list(b, 'interactions')[0]!.occurredAt = '9999-01-01T00:00:00.000Z';
        },
        'backup.json, field "interactions[0].occurredAt": 9999-01-01T00:00:00.000Z is in the future (today is 2026-11-23); a backup records what has happened.',
      ],
    ];
    for (const [mutate, message] of cases) {
      const b = base();
      mutate(b);
      const path = join(dir, 'backup.json');
      writeFileSync(path, JSON.stringify(b));
      await expect(importFile(r, { path })).rejects.toThrow(message);
      expect(await exportWorkspace(r)).toBe(empty);
    }
  });
});
