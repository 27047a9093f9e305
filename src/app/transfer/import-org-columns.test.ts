import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { categoryRules } from '../../domain/import-category.js';
import {
  type InvalidRecord,
  openImport,
  type PeopleCsvChunk,
  type PersonRecord,
} from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { listPeople } from '../people/people.js';
import { exportWorkspace } from './export.js';
import { importPeople } from './import-people.js';
import { emptyReport, finish, type ImportReport } from './import-report.js';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'rapport-org-columns-'));
let fileNo = 0;
const file = (lines: string[]) => {
  const path = join(dir, `org${++fileNo}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

/**
 * An org chart of `n` plain rows (five batches and more) with, spread over the batches, every
 * kind of row the columns leave to the usual reader or that names someone twice.
 */
function orgChart(n: number, extra: Record<number, string> = {}): string[] {
  const rows = ['Employee ID,Name,Job Title,Manager ID,Department,Level,Company,Email'];
  for (let i = 1; i <= n; i++) {
    // Managers after their reports every 700th row; a company on the client list every 300th.
    const manager = i === 1 ? '' : i % 700 === 0 ? String(i + 3) : String(Math.ceil((i - 1) / 8));
    const company = i % 300 === 0 ? 'Globex' : i % 450 === 0 ? 'Initech' : '';
    rows.push(
      extra[i] ??
        `${i},Person ${i},${i % 8 === 0 ? 'Manager' : 'Engineer'},${manager},Dept ${i % 97},L${1 + (i % 5)},${company},${i % 3 === 0 ? `person${i}@example.com` : ''}`,
    );
  }
  return rows;
}

/** Rows that are not plain, or name someone again, at lines spread over several batches. */
const UNUSUAL: Record<number, string> = {
  3: '3,Person 3,Chief\u0007 Engineer,1,Dept 3,L2,,', // a control character to clean
  40: '40,Person 40,Engineer,5,Dept 40,L2,,person40@example.com', // an email
  41: '41,Person 41,Engineer,ada@example.com,Dept 41,L2,,', // a manager by email
  520: '7,Person 7 again,Staff Engineer,1,Dept 7,Grade 3,,', // employee id 7 again
  777: ',Person 12,Architect,,,,,', // no id: the same name as row 12
  778: ',Nobody Else,Architect,,,,,', // no id, a new name
  779: ',Nobody Else,Architect,2,,,,', // and again in the same batch
  1100: '1100; X1100,Person 1100,Engineer,2,,L1,,', // two ids in one cell
  1400: ',,,,,,,', // an all-empty row
  1600: '1600,Person 1600,Engineer,999999,,,,', // a manager nobody is
  1700: '1700,Person 1700,Engineer,1,,L1,,,,', // empty cells past the header
  2222: '2222,Person 2222,Engineer,1,,Grade 2,,',
  62: '62,Person 62,Engineer,7,Dept 62,L2,,Person62@Example.COM', // an email to lower-case
  64: '64,Person 64,Engineer,7,Dept 64,L2,,"p64@example.com; p64b@example.com"', // two emails
  1800: '1800,Person 1800,Engineer,1,,L1,,person62@example.com', // row 62's email, another id
  2500: ',Person 2500,Engineer,1,,L1,,p2500@example.com', // no id, an email
  2501: ',Person 2501,Engineer,1,,L1,,PERSON6@example.com', // no id, row 6's email
};

interface Outcome {
  report: ImportReport;
  progress: number[];
  backup: string;
  people: string[];
}

/** importFile's steps for an org chart, with the columns on or off. */
async function importOrg(r: Rapport, path: string, columns: boolean, skipInvalid = false): Promise<Outcome> {
  const name = 'org.csv';
  const opened = await openImport(createReadStream(path), { file: name, now: NOW });
  if (opened.format === 'backup' || !opened.batches) throw new Error('expected an org chart');
  const report = emptyReport(name, opened.format, false);
  const progress: number[] = [];
  const categories = categoryRules({
    chosen: null,
    ownCompany: null,
    clients: ['Globex'],
    providers: ['Initech'],
  });
  await r.store.transaction(async (store) => {
    await importPeople(
      store,
      r.ws,
      {
        batches: opened.batches as AsyncIterable<(PersonRecord | InvalidRecord)[]>,
        chunks: opened.chunks as AsyncIterable<PeopleCsvChunk>,
      },
      report,
      {
        file: name,
        skipInvalid,
        now: NOW.toISOString(),
        onProgress: (n) => progress.push(n),
        categories,
        because: (rule) => `rule ${rule}`,
        fileBytes: statSync(path).size,
        columns,
      },
    );
    finish(report);
  });
  const people = (await listPeople(r)).map((p) => `${p.id}|${p.name}|${p.manager?.id ?? ''}`);
  return { report, progress, backup: await exportWorkspace(r, { format: 'json' }), people };
}

describeEachDialect('org chart import as columns', ({ fresh }) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  /** A new database with an empty workspace. */
  const workspace = async (): Promise<Rapport> => {
    const f = await fresh();
    cleanups.push(f.cleanup);
    const ws = await f.store.workspaces.ensure('default', NOW.toISOString());
    return { store: f.store as Store, ws, now: () => NOW, close: async () => {} };
  };

  it('a first import through the columns gives the same people, report and progress as through records', async () => {
    const path = file(orgChart(30_000, UNUSUAL));
    const first = await workspace();
    const byRecords = await importOrg(first, path, false);
    const r = await workspace();
    const byColumns = await importOrg(r, path, true);
    expect(byColumns.report).toEqual(byRecords.report);
    expect(byColumns.progress).toEqual(byRecords.progress);
    expect(byColumns.people).toEqual(byRecords.people);
    expect(byColumns.backup).toEqual(byRecords.backup);
    // What the file says shows: merged duplicates, categories from the company lists.
    expect(byColumns.report.people).toEqual({ created: 29_994, updated: 4, unchanged: 0 });
    expect(byColumns.report.counts.records).toBe(29_999);
    expect(byColumns.report.categories.map((c) => [c.category, c.count])).toEqual([
      ['stakeholder', 29_862],
      ['client', 99],
      ['provider', 33],
    ]);
    // The same file again, now into a workspace with people (the usual path), comes out the same.
    const again = await importOrg(r, path, true);
    expect(again).toEqual(await importOrg(first, path, false));
    expect(again.report.people.created).toBe(0);
  });

  it('a bad row stops both ways with the same error and writes nothing; skipped, both report it alike', async () => {
    const path = file(
      orgChart(12_000, {
        ...UNUSUAL,
        9000: '9000,Person 9000,Engineer,1,,L99,,',
        9500: '9500,Person 9500,Engineer,1,,L2,,not-an-email',
      }),
    );
    const failures = await Promise.all(
      [false, true].map(async (columns) => {
        const r = await workspace();
        const error = await importOrg(r, path, columns).then(
          () => null,
          (e: Error) => e.message,
        );
        return { error, people: await listPeople(r) };
      }),
    );
    expect(failures[0]!.error).toMatch(/line 9001/);
    expect(failures[1]).toEqual(failures[0]);
    expect(failures[1]!.people).toEqual([]);
    const skipped = await importOrg(await workspace(), path, true, true);
    expect(skipped.report.counts.skipped).toBe(2);
    expect(skipped).toEqual(await importOrg(await workspace(), path, false, true));
  });
});
