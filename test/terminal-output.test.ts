import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, rapport, tempDir } from './cli.js';

describe('what reaches the terminal', () => {
  it('prints an imported name with escape sequences as inert text', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const card = join(dir, 'mallory.vcf');
    // OSC 52 would set the clipboard; ESC [2J would clear the screen.
    writeFileSync(
      card,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory\u001b]52;c;ZWNobyBoaQ==\u0007 \u001b[2JEve\r\nEMAIL:m@example.com\r\nEND:VCARD\r\n',
    );
    await rapport(['--db', db, 'import', card]);
    for (const args of [['people'], ['person', 'show', 'm@example.com']]) {
      const r = await rapport(['--db', db, ...args]);
      expect(r.stdout).not.toMatch(/\u001b|\u0007/);
      expect(r.stderr).not.toMatch(/\u001b|\u0007/);
    }
  });

  it('ends quietly with status 0 when the reader closes the pipe early', () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    expect(spawnSync(process.execPath, [BIN, '--db', db, 'demo'], { encoding: 'utf8' }).status).toBe(0);
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" --db "${db}" export --format csv --what interactions | head -1`],
      { encoding: 'utf8' },
    );
    expect(r.stdout.split('\n')[0]).toMatch(/date|occurred/i);
    expect(r.stderr).toBe('');
  });

  it('a long list shows 50 rows on a terminal, says how many more, and all of them when piped', () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    expect(spawnSync(process.execPath, [BIN, '--db', db, 'demo'], { encoding: 'utf8' }).status).toBe(0);
    // `script` gives the command a pseudo-terminal, as a user's shell would.
    const onTerminal = (args: string) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" --db "${db}" ${args}`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, COLUMNS: '200' },
      }).stdout;
    const rowsOf = (text: string) => text.split(/\r?\n/).filter((l) => /^\s*\d+\s{2}/.test(l)).length;
    for (const command of ['people', 'people --sort importance', 'balances']) {
      const shown = onTerminal(command);
      expect(rowsOf(shown), command).toBe(50);
      expect(shown).toMatch(/… and \d+ more; use --limit \d+ or --json/);
      const piped = spawnSync(process.execPath, [BIN, '--db', db, ...command.split(' ')], {
        encoding: 'utf8',
      });
      expect(rowsOf(piped.stdout), command).toBeGreaterThan(100);
      expect(piped.stdout).not.toMatch(/more; use --limit/);
    }
    const five = spawnSync(process.execPath, [BIN, '--db', db, 'people', '--limit', '5'], {
      encoding: 'utf8',
    });
    expect(rowsOf(five.stdout)).toBe(5);
    expect(five.stdout).toMatch(/… and 147 more/);
    const bad = spawnSync(process.execPath, [BIN, '--db', db, 'people', '--limit', 'lots'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a whole number/);
  });
});
