import type { Command } from 'commander';
import { UsageError } from './errors.js';

/** How many rows a list shows on a terminal when --limit is not given. */
export const TERMINAL_ROWS = 50;

/**
 * The rows of a long list to print: all of them into a pipe, a file or --json (scripts want
 * everything); on a terminal the first --limit rows, so 200,000 people do not scroll past.
 * `footer` says what was left out and how to see it.
 */
export function pageOf<T>(cmd: Command, rows: T[]): { rows: T[]; footer: string } {
  const raw = (cmd.opts() as { limit?: string }).limit;
  let limit = process.stdout.isTTY ? TERMINAL_ROWS : Number.POSITIVE_INFINITY;
  if (raw !== undefined) {
    if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < 1)
      throw new UsageError(`--limit must be a whole number of at least 1; got "${raw}".`);
    limit = Number(raw);
  }
  if (rows.length <= limit) return { rows, footer: '' };
  const more = rows.length - limit;
  return {
    rows: rows.slice(0, limit),
    footer: `… and ${more.toLocaleString('en-US')} more; use --limit ${rows.length} or --json to see them all.`,
  };
}
