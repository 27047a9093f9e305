import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isRapportError } from '../../domain/errors.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { mergePeople } from '../people/merge.js';
import { editPerson, listPeople } from '../people/people.js';
import { logInteraction } from '../relationship/log.js';
import { exportWorkspace } from './export.js';
import { importFile } from './import.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const fixture = (name: string) => fileURLToPath(new URL(`../../formats/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
let fileNo = 0;
const file = (text: string, ext = 'csv') => {
  const path = join(dir, `f${++fileNo}.${ext}`);
  writeFileSync(path, text);
  return path;
};

describeEachDialect('import', ({ fresh, dialect }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  let location = '';
  beforeEach(async () => {
    const f = await fresh();
    location = f.location;
    const ws = await f.store.workspaces.ensure('default', NOW.toISOString());
    r = { store: f.store, ws, now: () => NOW, close: async () => {} };
    cleanup = f.cleanup;
  });
  afterEach(() => cleanup());

  const names = async () =>
    (await listPeople(r)).map((p) => `${p.name}${p.manager ? ` < ${p.manager.name}` : ''}`);

  it('employee ids and LinkedIn URLs from imports name people in a later ties file, after a merge too', async () => {
    await importFile(r, {
      path: file(
        'Employee ID,Name,Email\nE1,Ada Lovelace,ada@example.com\nE1023,Grace Hopper,\nE77,Alan Turing,\n',
      ),
    });
    await importFile(r, {
      path: file(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,King,https://www.linkedin.com/in/ada,,,,\n,,,,,,\n',
      ),
    });
    await mergePeople(r, { survivor: 'Ada Lovelace', duplicate: 'Ada King' });
    const ties = file('From,To,Type\nE1023,E77,advice\nhttps://www.linkedin.com/in/ada,E1023,trust\n');
    const first = await importFile(r, { path: ties });
    expect(first.ties).toEqual({ created: 2, unchanged: 0 });
    expect((await importFile(r, { path: ties })).ties).toEqual({ created: 0, unchanged: 2 });
    const rolledBack = file('From,To\nE1,E77\nE1,E404\n');
    await expect(importFile(r, { path: rolledBack })).rejects.toThrow(/E404/);
    expect((await importFile(r, { path: file('From,To\nE1,E77\n') })).ties).toEqual({
      created: 1,
      unchanged: 0,
    });
    // The LinkedIn URL moved with the merge: it names Ada Lovelace (E1) now.
    expect((await importFile(r, { path: file('From,To,Type\nE1,E1023,trust\n') })).ties.unchanged).toBe(1);
  });

  it('a later org chart matches by employee id first; backups and the people CSV carry the ids', async () => {
    await importFile(r, {
      path: file(
        'Employee ID,Name,Email\nE1,Ada Lovelace,ada@example.com\nE2,Grace Hopper,grace@example.com\n',
      ),
    });
    const again = await importFile(r, {
      path: file('Employee ID,Name,Email\nE2,Grace B. Hopper,gbh@example.com\n'),
    });
    expect(again.people).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await names()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const backup = JSON.parse(await exportWorkspace(r, {})) as {
      people: { name: string; externalIds?: unknown }[];
    };
    expect(backup.people.map((p) => p.externalIds)).toEqual([
      [{ kind: 'employee', value: 'E1' }],
      [{ kind: 'employee', value: 'E2' }],
    ]);
    expect(await exportWorkspace(r, { format: 'csv', what: 'people' })).toContain(',E2,');
  });

  it('location and hire date from an HR file are kept, updated by a later file and editable', async () => {
    const org = file(
      'Employee ID,Name,Office,Start Date\nE1,Ada Lovelace,London,2015-06-01\nE2,Grace Hopper,New York,03/04/2019\n',
    );
    const first = await importFile(r, { path: org });
    expect(first.counts.warnings).toBe(1);
    expect(first.warnings[0]!.where).toBe(`${org.split('/').pop()}, line 3`);
    const people = async () =>
      Object.fromEntries((await listPeople(r)).map((p) => [p.name, [p.location, p.hireDate]]));
    expect(await people()).toEqual({
      'Ada Lovelace': ['London', '2015-06-01'],
      'Grace Hopper': ['New York', null],
    });
    const moved = await importFile(r, {
      path: file(
        'Employee ID,Name,Work Location,Date of Hire\nE1,Ada Lovelace,Paris,1 Jun 2015\nE2,Grace Hopper,,2019-04-03\n',
      ),
    });
    expect(moved.people).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(await people()).toEqual({
      'Ada Lovelace': ['Paris', '2015-06-01'],
      'Grace Hopper': ['New York', '2019-04-03'],
    });
    await editPerson(r, { person: 'Grace Hopper', location: null, hireDate: '2019-04-04' });
    expect((await people())['Grace Hopper']).toEqual([null, '2019-04-04']);
    await expect(editPerson(r, { person: 'Grace Hopper', hireDate: '04/04/2019' })).rejects.toThrow(
      /hireDate/,
    );
  });

  it('an org chart builds people and reporting lines; the same file again changes nothing and says so', async () => {
    const first = await importFile(r, { path: fixture('org-chart-workday.csv') });
    expect(first).toMatchObject({
      format: 'org-chart',
      people: { created: 6, updated: 0, unchanged: 0 },
      changed: true,
    });
    expect(first.missingManagers).toEqual([
      { where: 'org-chart-workday.csv, line 6', person: 'José Martí', manager: '1009' },
    ]);
    expect(await names()).toEqual([
      'Ada Lovelace < Alan Turing',
      'Alan Turing < Grace Hopper',
      'Grace Hopper',
      'José Martí',
      'Katherine Johnson < Ada Lovelace',
      'Margaret Hamilton < Grace Hopper',
    ]);
    const before = await exportWorkspace(r, {});
    const second = await importFile(r, { path: fixture('org-chart-workday.csv') });
    expect(second).toMatchObject({ people: { created: 0, updated: 0, unchanged: 6 }, changed: false });
    expect(await exportWorkspace(r, {})).toBe(before);
  });

  it('matches by email, then by exact name, and fills in what the file adds', async () => {
    await importFile(r, { path: fixture('org-chart-workday.csv') });
    const report = await importFile(r, {
      path: file(
        'Name,Email,Title,Phone\nada lovelace,,Director,+44 1\nSomeone,alan.turing@example.com,,+44 2\nNew Person,,,\n',
      ),
    });
    expect(report.people).toEqual({ created: 1, updated: 2, unchanged: 0 });
    const people = await listPeople(r);
    expect(people.find((p) => p.name === 'Ada Lovelace')).toMatchObject({
      phone: '+44 1',
      title: 'Director',
    });
    expect(people.find((p) => p.name === 'Alan Turing')).toMatchObject({
      phone: '+44 2',
      title: 'VP Engineering',
    });
  });

  it('a big org chart into an empty workspace reports and writes what it does into one with people (issue 11)', async () => {
    // Over 1 MB, so a first import into the empty database builds the people indexes at the
    // end; the same file into a second workspace that already has someone looks everyone up
    // in the database. Rows across batches: a repeated employee id, a name-only row for
    // someone met 20,000 rows earlier, managers listed after their reports, a missing one.
    const rows = ['Employee ID,Name,Job Title,Manager ID,Department,Level'];
    for (let i = 1; i <= 30_000; i++) {
      const manager = i === 1 ? '' : i % 1000 === 0 ? String(i + 1) : String(Math.ceil((i - 1) / 8));
      rows.push(
        `${i},Person ${i},${i % 8 === 0 ? 'Manager' : 'Engineer'},${manager},Dept ${i % 97},L${1 + (i % 5)}`,
      );
    }
    rows.push(
      '5,Person 5,Director,,Dept 5,L1',
      ',Person 7,Architect,,,',
      '30001,Person 30001,Engineer,999999,,',
    );
    const big = file(`${rows.join('\n')}\n`);
    expect(readFileSync(big).length).toBeGreaterThan(1 << 20);
    const first = await importFile(r, { path: big });
    expect(first).toMatchObject({
      people: { created: 30_001, updated: 2, unchanged: 0 },
      counts: { records: 30_003, missingManagers: 1 },
      missingManagers: [
        { where: expect.stringMatching(/line 30004$/), person: 'Person 30001', manager: '999999' },
      ],
    });
    const other = await r.store.workspaces.ensure('other', NOW.toISOString());
    const r2: Rapport = { ...r, ws: other };
    await importFile(r2, { path: file('Name,Email\nZed Outsider,zed@example.com\n') });
    const second = await importFile(r2, { path: big });
    expect(second).toEqual(first);
    const listed = async (rr: Rapport) =>
      (await listPeople(rr))
        .filter((p) => p.name !== 'Zed Outsider')
        .map((p) => `${p.name}|${p.title}|${p.department}|${p.level}|${p.manager?.name ?? ''}`);
    const people = await listed(r);
    expect(people).toEqual(await listed(r2));
    // The repeated id updates the person; an empty manager cell leaves the line as it was.
    expect(people).toContain('Person 5|Director|Dept 5|1|Person 1');
    expect(people).toContain('Person 7|Architect|Dept 7|3|Person 1');
    expect(people).toContain('Person 1000|Manager|Dept 30|1|Person 1001');
    // The file contradicts itself (Person 5 and 7 twice), so each import flips them back: the
    // same on both paths.
    const again = await importFile(r, { path: big });
    expect(again).toMatchObject({ people: { created: 0, updated: 4, unchanged: 29_999 } });
    expect(await importFile(r2, { path: big })).toEqual(again);
  });

  it('a big org chart whose last row is bad writes nothing into the empty database, which imports it once fixed', async () => {
    const rows = ['Employee ID,Name,Manager ID,Level'];
    for (let i = 1; i <= 40_000; i++)
      rows.push(`${i},Person ${i},${i === 1 ? '' : Math.ceil((i - 1) / 8)},L2`);
    const bad = file(`${rows.join('\n')}\n40001,Person 40001,1,L99\n`);
    await expect(importFile(r, { path: bad })).rejects.toThrow(/line 40002/);
    expect(await listPeople(r)).toEqual([]);
    const fixed = await importFile(r, { path: file(`${rows.join('\n')}\n40001,Person 40001,1,L9\n`) });
    expect(fixed.people.created).toBe(40_001);
    expect(await names()).toContain('Person 40001 < Person 1');
    const again = await importFile(r, { path: file(`${rows.join('\n')}\n40001,Person 40001,1,L9\n`) });
    expect(again).toMatchObject({ people: { created: 0, updated: 0, unchanged: 40_001 }, changed: false });
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const dry = await importFile(r, { path: fixture('org-chart-workday.csv'), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, people: { created: 6 }, changed: true });
    expect(await listPeople(r)).toEqual([]);
  });

  it('one invalid record stops the import and nothing is written; --skip-invalid imports the rest and lists it', async () => {
    const path = file('Name,Email\nAna,ana@example.com\nBob,bob@\nCy,cy@example.com\n');
    await expect(importFile(r, { path })).rejects.toThrow(/line 3, field "Email": expected an email address/);
    expect(await listPeople(r)).toEqual([]);
    const report = await importFile(r, { path, skipInvalid: true });
    expect(report.people.created).toBe(2);
    expect(report.skipped).toEqual([
      { where: expect.stringMatching(/line 3$/), reason: expect.stringContaining('"bob@"') },
    ]);
  });

  it('a loop in reporting lines is rejected with the people in it, and nothing is written', async () => {
    const path = file('Id,Name,Manager Id\n1,Ana,3\n2,Bo,1\n3,Cy,2\n4,Di,\n');
    await expect(importFile(r, { path })).rejects.toThrow(
      /the reporting lines form a loop: .*\(#\d+\) → .*→ .*→ /,
    );
    expect(await listPeople(r)).toEqual([]);
  });

  it('calendar meetings become interactions once; unknown attendees are listed or added', async () => {
    await importFile(r, { path: fixture('org-chart-workday.csv') });
    const window = { since: '2026-09-01', until: '2026-11-23' };
    const first = await importFile(r, { path: fixture('calendar-google.ics'), ...window });
    expect(first).toMatchObject({ format: 'icalendar', interactions: { created: 6, unchanged: 0 } });
    expect(first.unknownAttendees).toEqual(['guest@partner.example']);
    const again = await importFile(r, {
      path: fixture('calendar-google.ics'),
      ...window,
      addAttendees: true,
    });
    expect(again).toMatchObject({ interactions: { created: 0, unchanged: 6 }, changed: false });
    const csv = await exportWorkspace(r, { format: 'csv', what: 'interactions' });
    expect(csv.split('\r\n').filter((l) => l.includes('Ada / Alan 1:1'))).toHaveLength(5);
    expect(csv).not.toContain('katherine');
  });

  it('a ties CSV declares ties by email, name or id; again changes nothing; they travel in the backup', async () => {
    await importFile(r, { path: fixture('org-chart-workday.csv') });
    const ties = file(
      'From,To,Type,Weight\nkatherine.johnson@example.com,Margaret Hamilton,advice,4\n#4,#2,influence,\nAda Lovelace,José Martí,friction,2\n',
    );
    expect((await importFile(r, { path: ties })).ties).toEqual({ created: 3, unchanged: 0 });
    expect(await importFile(r, { path: ties })).toMatchObject({
      ties: { created: 0, unchanged: 3 },
      changed: false,
    });
    const unknown = file('From,To\nNobody Here,Ada Lovelace\n');
    await expect(importFile(r, { path: unknown })).rejects.toThrow(
      /line 2, field "From": No person matches "Nobody Here"/,
    );
    const backup = JSON.parse(await exportWorkspace(r, {})) as { ties: unknown[] };
    expect(backup.ties).toEqual([
      { from: 'p3', to: 'p5', type: 'friction', weight: 2 },
      { from: 'p4', to: 'p2', type: 'influence', weight: 1 },
      { from: 'p4', to: 'p6', type: 'advice', weight: 4 },
    ]);
  });

  it('a large ties file resolves every way of naming people, re-weights in place, and rolls back whole (issue 11)', async () => {
    const staff = ['Employee ID,Name,Email'];
    for (let i = 1; i <= 100; i++) staff.push(`E${i},Person ${i},person${i}@example.com`);
    await importFile(r, { path: file(`${staff.join('\n')}\n`) });
    await importFile(r, {
      path: file(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nPerson,1,https://www.linkedin.com/in/p1,person1@example.com,,,\n',
      ),
    });
    const people = await listPeople(r);
    const idOf = (name: string) => people.find((p) => p.name === name)!.id;
    const versionBefore = await r.store.network.version(r.ws);
    // More rows than one write batch: a failure after the first batch must still leave nothing.
    const rows = ['From,To,Type,Weight'];
    const kinds = ['advice', 'influence', 'trust', 'friction'];
    for (let a = 1; a <= 100; a++)
      for (let b = 1; b <= 100; b++)
        if (a !== b) rows.push(`E${a},E${b},${kinds[(a + b) % 4]},${1 + (b % 5)}`);
    const bulk = rows.join('\n');
    const unknown = file(`${bulk}\nE1,Nobody Here,advice,1\n`);
    await expect(importFile(r, { path: unknown })).rejects.toThrow(
      new RegExp(`line ${rows.length + 1}, field "To": No person matches "Nobody Here"`),
    );
    expect(await r.store.network.listTies(r.ws)).toHaveLength(0);
    expect(await r.store.network.version(r.ws)).toBe(versionBefore);
    // A first network is written with its index of who points at whom put off to the end
    // (SQLite): a failed import must leave it in place, as must a finished one (below).
    const tieIndexes = () => {
      if (dialect !== 'sqlite') return ['ties_ws_from_to_kind', 'ties_ws_to'];
      const db = new Database(location, { readonly: true });
      const names = db
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'ties' order by name")
        .pluck()
        .all();
      db.close();
      return names;
    };
    expect(tieIndexes()).toEqual(['ties_ws_from_to_kind', 'ties_ws_to']);

    const mixed = file(
      [
        bulk,
        // The same ties named by email, LinkedIn URL, exact name and Rapport id: nothing new.
        `person1@example.com,E2,${kinds[3]},3`,
        `https://www.linkedin.com/in/p1,Person 3,${kinds[0]},4`,
        `#${idOf('Person 4')},${idOf('Person 5')},${kinds[1]},1`,
        // Declared again in the same file with another weight: the last weight holds.
        'E6,E7,friction,5',
        'E6,E7,friction,2',
      ].join('\n'),
    );
    const first = await importFile(r, { path: mixed });
    expect(first.ties).toEqual({ created: 9900 + 2, unchanged: 3 });
    expect(tieIndexes()).toEqual(['ties_ws_from_to_kind', 'ties_ws_to']);
    expect(first.changed).toBe(true);
    const versionAfter = await r.store.network.version(r.ws);
    expect(versionAfter).not.toBe(versionBefore);
    // The file contradicts itself on E6 → E7 (5, then 2): each of those rows changes the tie.
    const again = await importFile(r, { path: mixed });
    expect(again).toMatchObject({ ties: { created: 2, unchanged: 9903 }, changed: true });
    const stored = await r.store.network.listTies(r.ws);
    expect(stored).toHaveLength(9901);
    const tie = (from: string, to: string, kind: string) =>
      stored.find((t) => t.fromName === from && t.toName === to && t.kind === kind);
    expect(tie('Person 6', 'Person 7', 'friction')?.weight).toBe(2);
    expect(tie('Person 6', 'Person 7', 'influence')?.weight).toBe(3);
    expect(tie('Person 1', 'Person 2', 'friction')?.weight).toBe(3);
    const versionAgain = await r.store.network.version(r.ws);

    // Skipping invalid rows: the unknown person is reported by line, the rest stays unchanged.
    const skipped = await importFile(r, { path: unknown, skipInvalid: true });
    expect(skipped).toMatchObject({ ties: { created: 0, unchanged: 9900 }, changed: false });
    expect(skipped.skipped).toEqual([
      {
        where: expect.stringContaining(`line ${rows.length + 1}`),
        reason: expect.stringContaining('Nobody Here'),
      },
    ]);
    expect(await r.store.network.version(r.ws)).toBe(versionAgain);
  });

  it('an assistant column becomes a strong trust tie from the executive (a gatekeeper hint)', async () => {
    const first = await importFile(r, { path: fixture('org-chart-bamboohr.csv') });
    expect(first.ties).toEqual({ created: 1, unchanged: 0 });
    const backup = JSON.parse(await exportWorkspace(r, {})) as {
      people: { key: string; name: string }[];
      ties: unknown[];
    };
    const key = (name: string) => backup.people.find((p) => p.name === name)!.key;
    expect(backup.ties).toEqual([
      { from: key('Linus Torvalds'), to: key('Tove Monni'), type: 'trust', weight: 4 },
    ]);
    expect((await importFile(r, { path: fixture('org-chart-bamboohr.csv') })).ties).toEqual({
      created: 0,
      unchanged: 1,
    });
  });

  it('merging moves the ledger and emails to the survivor', async () => {
    await importFile(r, { path: fixture('org-chart-workday.csv') });
    await importFile(r, { path: file('Name,Email\nA. Lovelace,ada@home.example\n') });
    await logInteraction(r, { people: ['A. Lovelace'], kind: 'help-given' });
    await importFile(r, {
      path: file(
        'From,To,Type,Weight\nA. Lovelace,Alan Turing,advice,2\nAda Lovelace,Alan Turing,advice,3\nGrace Hopper,A. Lovelace,trust,5\nA. Lovelace,Ada Lovelace,advice,1\n',
      ),
    });
    const res = await mergePeople(r, { survivor: 'Ada Lovelace', duplicate: 'A. Lovelace' });
    const ties = (JSON.parse(await exportWorkspace(r, {})) as { ties: unknown[] }).ties;
    // Ada is p3, Alan p2, Grace p1: the duplicate's ties now hang on Ada, the stronger weight kept, no self-tie.
    expect(ties).toEqual([
      { from: 'p1', to: 'p3', type: 'trust', weight: 5 },
      { from: 'p3', to: 'p2', type: 'advice', weight: 3 },
    ]);
    expect(res.emails).toEqual(['ada.lovelace@example.com', 'ada@home.example']);
    const ada = (await listPeople(r)).filter((p) => p.name.includes('Lovelace'));
    expect(ada).toHaveLength(1);
    const ledger = await exportWorkspace(r, { format: 'csv', what: 'interactions' });
    expect(ledger).toContain('help-given,3,Ada Lovelace');
  });

  it('property: a damaged org chart either imports or fails with a clear error and writes nothing', async () => {
    const original = readFileSync(fixture('org-chart-workday.csv'), 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.record({ at: fc.nat(), ch: fc.constantFrom('"', ',', '\n', '@', 'x', '') }), {
          maxLength: 3,
        }),
        async (cut, edits) => {
          let text = original;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ch + text.slice(at + 1);
          }
          text = text.slice(0, Math.max(1, cut % (text.length + 1)));
          const before = await exportWorkspace(r, {});
          try {
            await importFile(r, { path: file(text) });
          } catch (e) {
            expect(isRapportError(e), String(e)).toBe(true);
            expect(await exportWorkspace(r, {})).toBe(before);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: a JSON export restored into an empty workspace exports to the same bytes', async () => {
    const person = fc.record({
      name: fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/),
      title: fc.option(fc.constantFrom('CEO', 'VP, Sales', 'Engineer "IC"'), { nil: '' }),
      level: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(person, { selector: (p) => p.name.toLowerCase(), minLength: 1, maxLength: 6 }),
        async (people) => {
          const f = await fresh();
          try {
            const ws = await f.store.workspaces.ensure(`w${Math.random()}`, NOW.toISOString());
            const src: Rapport = { store: f.store, ws, now: () => NOW, close: async () => {} };
            const lines = people.map(
              (p, i) =>
                `${i + 1},${p.name},"${(p.title ?? '').replace(/"/g, '""')}",${p.level ?? ''},${i > 0 ? i : ''}`,
            );
            await importFile(src, { path: file(`Id,Name,Title,Level,Manager Id\n${lines.join('\n')}\n`) });
            await logInteraction(src, { people: [people[0]!.name], kind: 'coffee', note: 'beans, "good"' });
            const backup = await exportWorkspace(src, {});
            const target = await f.store.workspaces.ensure(`t${Math.random()}`, NOW.toISOString());
            const dst: Rapport = { store: f.store, ws: target, now: () => NOW, close: async () => {} };
            await importFile(dst, { path: file(backup, 'json') });
            const again = await exportWorkspace(dst, {});
            expect(again.replace(/"name": "[tw][0-9.]+"/, '')).toBe(
              backup.replace(/"name": "[tw][0-9.]+"/, ''),
            );
          } finally {
            await f.cleanup();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
