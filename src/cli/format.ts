import { displayWidth, fitWidth, forTerminal, padCells } from './terminal-text.js';

/**
 * Plain-text tables for the terminal: columns padded to their widest cell, measured in terminal
 * cells so CJK names and emoji line up. Widths are found in a loop, not with Math.max(...cells):
 * spreading 200,000 cells into one call overflows the stack.
 */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : forTerminal(String(c)))));
  const widths = headers.map((h) => displayWidth(h));
  for (const r of cells) {
    for (let i = 0; i < widths.length; i++) {
      const w = displayWidth(r[i] ?? '');
      if (w > widths[i]!) widths[i] = w;
    }
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : padCells(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(headers), line(widths.map((w) => '-'.repeat(w)))];
  for (const r of cells) out.push(line(r));
  return out.join('\n');
}

/**
 * A table cut to fit `width` columns: the widest of the `shrink` columns gives way first, a
 * cell cut short ends in "…" (the full text is in --json).
 */
export function fittedTable(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  width: number,
  shrink: number[],
): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : forTerminal(String(c)))));
  const widths = headers.map((h) => displayWidth(h));
  for (const r of cells)
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i] ?? ''));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const floor = (i: number) => Math.max(displayWidth(headers[i]!), 10);
  while (total() > width) {
    // Ties go to the column listed first in `shrink`: the caller lists the most expendable first.
    const widest = shrink
      .filter((i) => widths[i]! > floor(i))
      .reduce<number | undefined>(
        (best, i) => (best === undefined || widths[i]! > widths[best]! ? i : best),
        undefined,
      );
    if (widest === undefined) break;
    widths[widest]!--;
  }
  return table(
    headers,
    cells.map((r) => r.map((c, i) => (shrink.includes(i) ? fitWidth(c, widths[i]!) : c))),
  );
}

export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** A decayed balance, always with two decimals and a sign ("+2.90", "-0.97", "0.00"; never "-0"). */
export function balanceText(n: number): string {
  const fixed = Math.abs(n).toFixed(2);
  if (fixed === '0.00') return fixed;
  return `${n > 0 ? '+' : '-'}${fixed}`;
}

/** "key: value" lines, skipping empty values. */
export function fields(pairs: [string, string | number | null | undefined][]): string {
  const shown = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '');
  const w = shown.reduce((m, [k]) => Math.max(m, k.length), 0);
  return shown.map(([k, v]) => `${`${k}:`.padEnd(w + 2)}${forTerminal(String(v))}`).join('\n');
}

export const examples = (...lines: string[]): string =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** "1 entry", "3 entries". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
