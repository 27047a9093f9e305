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
});
