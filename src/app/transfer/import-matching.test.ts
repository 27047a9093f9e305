import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { listPeople } from '../people/people.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { exportWorkspace } from './export.js';
import { importFile } from './import.js';

// Who a row of an org chart is: an employee id names one person for good, so a row whose id
// is new is someone new, whatever their name (issue 11).

const NOW = new Date('2026-11-23T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'rapport-import-matching-'));
let fileNo = 0;
const file = (text: string) => {
  const path = join(dir, `f${++fileNo}.csv`);
  writeFileSync(path, text);
  return path;
};

/** An org chart where two different people called Alex Kim sit 3,000 rows apart (other batches). */
function twoAlexes(): string {
  const rows = ['Employee ID,Name,Job Title,Manager ID'];
  for (let i = 1; i <= 4000; i++) {
    const name = i === 10 || i === 3010 ? 'Alex Kim' : `Person ${i}`;
    const title = i === 10 ? 'Engineer' : i === 3010 ? 'Designer' : 'Analyst';
    rows.push(`${i},${name},${title},${i === 1 ? '' : Math.ceil((i - 1) / 8)}`);
  }
  return `${rows.join('\n')}\n`;
}

describeEachDialect('import: who a row is', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
  });
  afterEach(() => cleanup());

  const alexes = async (rr: Rapport) =>
    (await listPeople(rr))
      .filter((p) => p.name === 'Alex Kim')
      .map((p) => `${p.title} < ${p.manager?.name}`)
      .sort();

  it('two people with the same name and different employee ids in one file stay two people, into an empty workspace and one with people', async () => {
    const org = file(twoAlexes());
    const first = await importFile(r, { path: org });
    expect(first.people).toEqual({ created: 4000, updated: 0, unchanged: 0 });
    expect(await alexes(r)).toEqual(['Designer < Person 377', 'Engineer < Person 2']);
    // Re-imported: each row finds its own person by id; nothing changes.
    const again = await importFile(r, { path: org });
    expect(again).toMatchObject({ people: { created: 0, updated: 0, unchanged: 4000 }, changed: false });
    expect(await alexes(r)).toEqual(['Designer < Person 377', 'Engineer < Person 2']);
    // The same file into a workspace that already has someone (the lookups of a populated one).
    const other: Rapport = { ...r, ws: await r.store.workspaces.ensure('other', NOW.toISOString()) };
    await importFile(other, { path: file('Name,Email\nZed Outsider,zed@example.com\n') });
    expect((await importFile(other, { path: org })).people).toEqual(first.people);
    expect(await alexes(other)).toEqual(['Designer < Person 377', 'Engineer < Person 2']);
  });

  it('next month a new employee id with a known name is a new person; a person with no employee id is still found by name', async () => {
    await importFile(r, { path: file('Employee ID,Name,Job Title\n1,Alex Kim,Engineer\n') });
    await importFile(r, { path: file('Name,Email\nSam Roe,sam@example.com\n') });
    const next = await importFile(r, {
      path: file('Employee ID,Name,Job Title\n1,Alex Kim,Engineer\n2,Alex Kim,Designer\n3,Sam Roe,Analyst\n'),
    });
    expect(next.people).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await alexes(r)).toEqual(['Designer < undefined', 'Engineer < undefined']);
    const sam = (await listPeople(r)).filter((p) => p.name === 'Sam Roe');
    expect(sam.map((p) => p.title)).toEqual(['Analyst']);
    // Sam now carries employee id 3: the backup says so, and the file again changes nothing.
    expect(await exportWorkspace(r, { format: 'csv', what: 'people' })).toMatch(/Sam Roe.*,3,/);
    const again = await importFile(r, {
      path: file('Employee ID,Name,Job Title\n1,Alex Kim,Engineer\n2,Alex Kim,Designer\n3,Sam Roe,Analyst\n'),
    });
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });
});
