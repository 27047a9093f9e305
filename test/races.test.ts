import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDatabase } from '../src/store/test-support/dialects.js';
import { type CliResult, rapport, rapportJson, tempDir } from './cli.js';

// Issue 8: several CLI processes writing one workspace at once. On PostgreSQL these lost edits,
// created reporting loops and ended in "unexpected error … duplicate key"; each outcome must be
// as on SQLite's single writer: every edit kept, no loop, a typed refusal or success.

const noCrash = (results: CliResult[]) => {
  for (const r of results) {
    expect(r.stderr).not.toMatch(/unexpected|this is a bug|duplicate key|constraint|SQLITE_/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
};

for (const d of DIALECTS) {
  describe.skipIf(!d.available)(`concurrent CLI writers [${d.name}]`, () => {
    let db: TestDatabase;
    const run = (...args: string[]) => rapport(['--db', db.location, ...args]);
    const json = <T>(...args: string[]) => rapportJson<T>(['--db', db.location, ...args]);
    const together = (n: number, args: (i: number) => string[]) =>
      Promise.all(Array.from({ length: n }, (_, i) => run(...args(i))));

    beforeAll(async () => {
      db = await d.create();
      expect((await run('init')).code).toBe(0);
    });
    afterAll(() => db.drop());

    it('six edits of different fields of one person at once: every one survives, five times over', async () => {
      const fields: [string, string][] = [
        ['--title', 'VP Sales'],
        ['--team', 'Revenue'],
        ['--department', 'Sales'],
        ['--phone', '+1 555 0100'],
        ['--communication', 'data first'],
        ['--company', 'Acme'],
      ];
      for (let round = 0; round < 5; round++) {
        const name = `Dana ${round}`;
        expect((await run('person', 'add', name)).code).toBe(0);
        const results = await together(fields.length, (i) => ['person', 'edit', name, ...fields[i]!]);
        noCrash(results);
        for (const r of results) expect(r.code).toBe(0);
        const p = await json<Record<string, unknown>>('person', 'show', name);
        expect([p.title, p.team, p.department, p.phone, p.communication, p.company]).toEqual(
          fields.map(([, v]) => v),
        );
      }
    });

    it('A under B and B under A at once: one wins, the other is refused, never a loop', async () => {
      for (let trial = 0; trial < 4; trial++) {
        const [a, b] = [`Ann ${trial}`, `Ben ${trial}`];
        await run('person', 'add', a);
        await run('person', 'add', b);
        const [x, y] = await Promise.all([
          run('person', 'edit', a, '--manager', b),
          run('person', 'edit', b, '--manager', a),
        ]);
        noCrash([x!, y!]);
        expect([x!.code, y!.code].sort()).toEqual([0, 1]);
        expect(`${x!.stderr}${y!.stderr}`).toMatch(/loop|report/i);
        const pa = await json<{ manager: { id: number } | null; id: number }>('person', 'show', a);
        const pb = await json<{ manager: { id: number } | null; id: number }>('person', 'show', b);
        expect(pa.manager?.id === pb.id && pb.manager?.id === pa.id).toBe(false);
      }
    });

    it('six adds of one email: one person has it, the others are refused by name', async () => {
      const results = await together(6, (i) => ['person', 'add', `Sam ${i}`, '--email', 'sam@acme.example']);
      noCrash(results);
      expect(results.filter((r) => r.code === 0)).toHaveLength(1);
      for (const r of results.filter((x) => x.code !== 0)) expect(r.stderr).toMatch(/sam@acme\.example/);
    });

    it('six identical ties at once all succeed and leave one tie', async () => {
      await run('person', 'add', 'Tia');
      await run('person', 'add', 'Uli');
      const results = await together(6, () => ['tie', 'Tia', 'Uli', '--kind', 'advice']);
      noCrash(results);
      for (const r of results) expect(r.code).toBe(0);
      const ties = await json<{ from: unknown; to: unknown }[]>('ties');
      expect(ties).toHaveLength(1);
    });

    it('four imports of one org chart at once leave each person once, never an unexpected error', async () => {
      const file = join(tempDir(), 'org.csv');
      const rows = ['Employee ID,Name,Title,Manager ID,Department,Level'];
      for (let i = 1; i <= 200; i++) {
        const manager = i === 1 ? '' : `E${Math.max(1, Math.floor(i / 5))}`;
        rows.push(`E${i},Person ${i},Engineer,${manager},Eng,`);
      }
      writeFileSync(file, `${rows.join('\n')}\n`);
      const results = await together(4, () => ['import', file]);
      noCrash(results);
      for (const r of results) expect(r.code).toBe(0);
      const people = await json<{ name: string }[]>('people');
      const imported = people.filter((p) => p.name.startsWith('Person '));
      expect(imported).toHaveLength(200);
    });
  });
}
