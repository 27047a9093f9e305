import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

describe('finding people is forgiving (issue 9 §4)', () => {
  it('accents, case, first names, beginnings and "me" find the person; a typo gets "did you mean"', async () => {
    const db = join(tempDir(), 'rapport.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    for (const name of ['Greta Holm', 'Luis Fernández', 'José Núñez'.normalize('NFD'), 'Alex Kim'])
      expect((await run('person', 'add', name)).code).toBe(0);
    await run('me', 'Alex Kim');
    await run('initiative', 'add', 'EU data residency');

    const shown = async (ref: string) =>
      (await rapportJson<{ name: string }>(['--db', db, 'person', 'show', ref])).name;
    expect(await shown('greta')).toBe('Greta Holm');
    expect(await shown('Luis Fernandez')).toBe('Luis Fernández');
    expect((await shown('José Núñez'.normalize('NFC'))).normalize('NFC')).toBe('José Núñez');
    expect(await shown('me')).toBe('Alex Kim');
    expect(await shown('luis f')).toBe('Luis Fernández');

    const typo = await run('log', 'Greta Hlm');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/No person matches "Greta Hlm"\. Did you mean Greta Holm\?/);
    const logged = await run('log', 'greta', '--kind', 'coffee', '--initiative', 'eu data');
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stdout).toMatch(/with Greta Holm/);
    const initiativeTypo = await run('map', '--initiative', 'EU data residence');
    expect(initiativeTypo.stderr).toMatch(/Did you mean EU data residency\?/);
  });

  it('refuses a second person of a name already here unless asked, naming who is here (issue 9 §4)', async () => {
    const db = join(tempDir(), 'rapport.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    expect((await run('person', 'add', 'Luis Fernández', '--title', 'CFO')).code).toBe(0);
    const again = await run('person', 'add', 'luis fernandez');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'rapport: luis fernandez is already here: #1 Luis Fernández (CFO). Edit that record, or add a second person of that name on purpose (--allow-duplicate).\n',
    );
    expect((await rapportJson<unknown[]>(['--db', db, 'people'])).length).toBe(1);
    const twin = await run('person', 'add', 'Luis Fernández', '--title', 'Intern', '--allow-duplicate');
    expect(twin.code, twin.stderr).toBe(0);
    // Two of one name: a reference by name now asks which one.
    const which = await run('person', 'show', 'Luis Fernández');
    expect(which.code).toBe(1);
    expect(which.stderr).toMatch(/#1 Luis Fernández \(CFO\).*#2 Luis Fernández \(Intern\)/s);
  });
});
