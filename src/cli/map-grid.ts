import { QUADRANTS } from '../app/core/index.js';
import type { MapView } from '../app/map/index.js';

const LABEL_MAX = 14;
const AXIS = 5; // "100 |"

/**
 * Draws a stakeholder map as text: stance across (−100 left, +100 right), influence up. Each
 * name is written at its coordinates, nudged up or down a row when another name is in the way;
 * names that find no room are listed under the grid so nobody silently disappears.
 */
export function mapGrid(
  map: MapView['quadrants'],
  thresholds: MapView['thresholds'],
  opts: { width?: number; rows?: number } = {},
): string[] {
  const width = Math.max(opts.width ?? 80, 40);
  const rows = Math.max(opts.rows ?? 21, 7);
  const plot = width - AXIS - 1;
  const col = (stance: number): number => Math.round(((stance + 100) / 200) * (plot - 1));
  const row = (influence: number): number => Math.round(((100 - influence) / 100) * (rows - 1));

  const cells: string[][] = Array.from({ length: rows }, () => Array<string>(plot).fill(' '));
  const taken: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(plot).fill(false));
  const highRow = row(thresholds.influence);
  for (let c = 0; c < plot; c++) cells[highRow]![c] = '-';
  for (const s of [-thresholds.stance, thresholds.stance]) {
    for (let r = 0; r < rows; r++) cells[r]![col(s)] = r === highRow ? '+' : ':';
  }

  const write = (r: number, c: number, text: string): void => {
    for (let i = 0; i < text.length; i++) {
      cells[r]![c + i] = text[i]!;
      taken[r]![c + i] = true;
    }
  };
  const free = (r: number, c: number, len: number): boolean => {
    if (r < 0 || r >= rows || c < 0 || c + len > plot) return false;
    // One blank cell either side keeps neighbouring names apart.
    for (let i = Math.max(0, c - 1); i < Math.min(plot, c + len + 1); i++) if (taken[r]![i]) return false;
    return true;
  };
  write(0, 0, 'CONVERT');
  write(0, plot - 'CHAMPION'.length, 'CHAMPION');
  write(rows - 1, 0, 'MONITOR');
  write(rows - 1, plot - 'ALLY'.length, 'ALLY');

  const entries = QUADRANTS.flatMap((q) => map[q]).sort(
    (a, b) => b.influence - a.influence || a.person.id - b.person.id,
  );
  const unplaced: string[] = [];
  for (const e of entries) {
    const full = e.person.name;
    const name = full.length > LABEL_MAX ? `${full.slice(0, LABEL_MAX - 1)}…` : full;
    const r0 = row(e.influence);
    const c0 = col(e.stance);
    const right = `•${name}`;
    const left = `${name}•`;
    let placed = false;
    for (const dr of [0, 1, -1, 2, -2]) {
      const r = r0 + dr;
      if (free(r, c0, right.length)) {
        write(r, c0, right);
      } else if (free(r, c0 - left.length + 1, left.length)) {
        write(r, c0 - left.length + 1, left);
      } else continue;
      placed = true;
      break;
    }
    if (!placed) unplaced.push(`${full} (${e.influence}, ${e.stance > 0 ? '+' : ''}${e.stance})`);
  }

  const lines = cells.map((cs, r) => {
    const influence = Math.round(100 - (r / (rows - 1)) * 100);
    const tick = r === 0 || r === highRow || r === rows - 1 ? String(influence).padStart(3) : '   ';
    return `${tick} |${cs.join('')}|`.trimEnd();
  });
  const axis = Array<string>(plot).fill(' ');
  const mark = (stance: number, text: string): void => {
    const c = Math.min(Math.max(col(stance) - Math.floor(text.length / 2), 0), plot - text.length);
    for (let i = 0; i < text.length; i++) axis[c + i] = text[i]!;
  };
  mark(-100, '-100');
  mark(-thresholds.stance, `-${thresholds.stance}`);
  mark(0, '0');
  mark(thresholds.stance, `+${thresholds.stance}`);
  mark(100, '+100');
  lines.push(`    +${'-'.repeat(plot)}+`, `     ${axis.join('')}`.trimEnd());
  lines.push(`     influence up, stance across (detractors left, supporters right)`);
  if (unplaced.length > 0) lines.push(...wrap(`Not drawn for lack of room: ${unplaced.join('; ')}`, width));
  return lines;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}
