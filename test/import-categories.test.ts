import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const CONNECTIONS = `Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ruth,Adeyemi,https://www.linkedin.com/in/ruth-adeyemi,,"Globex, Inc.",Head of Digital,12 Mar 2024
Sofia,Marin,https://www.linkedin.com/in/sofiamarin,sofia@initech.example,Initech,VP Operations,03 Jan 2023
Marco,Bellini,https://www.linkedin.com/in/mbellini,,CloudForge,Account Executive,21 Jun 2022
Lena,Varga,https://www.linkedin.com/in/lenavarga,,Pixel & Co,Design Lead,02 Feb 2021
,,,,,,04 Feb 2024
Tom,Nguyen,https://www.linkedin.com/in/tomnguyen,,Northwind,Staff Engineer,15 May 2025
`;

interface Person {
  name: string;
  category: string;
}

async function workspace() {
  const dir = tempDir();
  const db = join(dir, 'rapport.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args]);
  expect((await run('init')).code).toBe(0);
  await run('person', 'add', 'Alex Kim', '--company', 'Northwind');
  await run('me', 'Alex Kim');
  const file = join(dir, 'Connections.csv');
  writeFileSync(file, CONNECTIONS);
  const categories = async () =>
    Object.fromEntries(
      (await rapportJson<Person[]>(['--db', db, 'people'])).map((p) => [p.name, p.category]),
    );
  return { dir, db, run, file, categories };
}

describe('LinkedIn contacts get their category by a rule the user sees and changes (issue 9 §7)', () => {
  it('company lists in settings file contacts as clients and providers; colleagues and the rest stay stakeholders; the report names each rule', async () => {
    const { run, file, categories } = await workspace();
    expect((await run('settings', 'import.clients', 'Globex, Initech')).code).toBe(0);
    expect((await run('settings', 'import.providers', 'CloudForge')).code).toBe(0);
    const r = await run('import', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Categories of the 5 people created: 2 client (company in import.clients), 1 provider (company in import.providers), 1 stakeholder (default), 1 stakeholder (at your own company, Northwind).',
    );
    expect(await categories()).toMatchObject({
      'Ruth Adeyemi': 'client',
      'Sofia Marin': 'client',
      'Marco Bellini': 'provider',
      'Lena Varga': 'stakeholder',
      'Tom Nguyen': 'stakeholder',
    });
  });

  it('--category files the whole file (colleagues excepted); a re-import never refiles someone', async () => {
    const { run, file, categories } = await workspace();
    const r = await run('import', file, '--category', 'Client');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '4 client (chosen for this file), 1 stakeholder (at your own company, Northwind)',
    );
    await run('person', 'edit', 'Lena Varga', '--category', 'provider');
    const again = await run('import', file, '--category', 'stakeholder');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('Categories');
    expect((await categories())['Lena Varga']).toBe('provider');
    expect((await categories())['Ruth Adeyemi']).toBe('client');
  });

  it('with no rule set, the report says how to set one', async () => {
    const { run, file } = await workspace();
    const r = await run('import', file, '--dry-run');
    expect(r.stdout).toContain('4 stakeholder (default), 1 stakeholder (at your own company, Northwind)');
    expect(r.stdout).toContain('rapport settings import.clients');
  });

  it('a category that is not one, or on a calendar, is refused and nothing is written', async () => {
    const { dir, run, file, categories } = await workspace();
    const bad = await run('import', file, '--category', 'customer');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      '--category must be one of own-team, stakeholder, other-team, provider, client',
    );
    const ics = join(dir, 'cal.ics');
    writeFileSync(
      ics,
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20261101T100000Z\r\nDTEND:20261101T110000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const cal = await run('import', ics, '--category', 'client');
    expect(cal.code).toBe(1);
    expect(cal.stderr).toContain('A category is for files of people');
    expect(`${bad.stderr}${cal.stderr}`).not.toMatch(/at .*\.c?js/);
    expect(Object.keys(await categories())).toEqual(['Alex Kim']);
    const setting = await run('settings', 'import.clients', '{"a": 1}');
    expect(setting.code).toBe(1);
    expect(setting.stderr).toContain('import.clients');
  });
});
