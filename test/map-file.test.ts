import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const env = { RAPPORT_NOW: '2026-11-23T12:00:00.000Z' };

describe('rapport map --format excalidraw|svg|png (issue 12 §5)', () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], env);
  let onMap: string[];

  beforeAll(async () => {
    expect((await run('demo')).code).toBe(0);
    const view = await rapportJson<{ quadrants: Record<string, { person: { name: string } }[]> }>(
      ['--db', db, 'map', '--initiative', 'Self-serve onboarding'],
      env,
    );
    onMap = Object.values(view.quadrants).flatMap((q) => q.map((e) => e.person.name));
  }, 60_000);

  it('writes an Excalidraw scene with everyone on the map once, private to its owner', async () => {
    const file = join(dir, 'map.excalidraw');
    const r = await run(
      'map',
      '--initiative',
      'Self-serve onboarding',
      '--format',
      'excalidraw',
      '--output',
      file,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Later the same day the file is the same, byte for byte.
    const later = await rapport(
      ['--db', db, 'map', '--initiative', 'Self-serve onboarding', '--format', 'excalidraw'],
      { RAPPORT_NOW: '2026-11-23T17:30:00.000Z' },
    );
    expect(later.stdout).toBe(readFileSync(file, 'utf8'));
    const scene = JSON.parse(readFileSync(file, 'utf8')) as {
      type: string;
      elements: { type: string; text?: string }[];
    };
    expect(scene.type).toBe('excalidraw');
    expect(scene.elements.filter((e) => e.type === 'ellipse')).toHaveLength(onMap.length);
    for (const name of onMap) expect(scene.elements.filter((e) => e.text === name)).toHaveLength(1);
  });

  it('writes an SVG to standard output and a PNG of the same drawing to a file', async () => {
    const svg = await run(
      'map',
      '--initiative',
      'Self-serve onboarding',
      '--format',
      'svg',
      '--at',
      '2026-10-01',
    );
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<svg /);
    expect(svg.stdout).toContain('As it stood on 2026-10-01');
    const png = join(dir, 'map.png');
    expect(
      (await run('map', '--initiative', 'Self-serve onboarding', '--format', 'png', '--output', png)).code,
    ).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: twice the 1000 × 720 drawing, for slides.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2000, 1440]);
  });

  it('refuses a format it does not write, and a PNG without a file, writing nothing', async () => {
    const out = join(dir, 'nope.pdf');
    const bad = await run('map', '--initiative', 'Self-serve onboarding', '--format', 'pdf', '--output', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of excalidraw, svg, png; got "pdf"/);
    expect(existsSync(out)).toBe(false);
    const noFile = await run('map', '--initiative', 'Self-serve onboarding', '--format', 'png');
    expect(noFile.code).toBe(2);
    expect(noFile.stdout).toBe('');
  });
});
