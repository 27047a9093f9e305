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
});
