import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { openRapport, type Rapport } from '../app/core/index.js';
import { settingProblems } from '../app/workspace/index.js';
import { RapportError } from '../contract/errors.js';
import { UsageError } from './errors.js';
import { forTerminal } from './terminal-text.js';

const DEFAULT_DB = './rapport.db';

/** --db, else $RAPPORT_DB, else ./rapport.db. */
export function dbLocation(cmd: Command): string {
  const opts = cmd.optsWithGlobals() as { db?: string };
  return opts.db ?? (process.env.RAPPORT_DB || DEFAULT_DB);
}

/** The clock: $RAPPORT_NOW pins "now" (reproducible examples and tests), else the real time. */
export function clock(): () => Date {
  const pinned = process.env.RAPPORT_NOW;
  if (!pinned) return () => new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`RAPPORT_NOW "${pinned}" is not an ISO-8601 time.`);
  return () => new Date(t);
}

/**
 * The commands that may bring a new database file into being; every other command only reads
 * or changes what is there, so a typo in --db or the wrong folder gets a message instead of a
 * new empty rapport.db.
 */
const CREATING = new Set([
  'init',
  'start',
  'demo',
  'import',
  'person add',
  'initiative add',
  'serve',
  'user add',
]);

const commandPath = (cmd: Command): string =>
  cmd.parent?.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name();

function requireExisting(cmd: Command, db: string): void {
  if (CREATING.has(commandPath(cmd)) || db === ':memory:' || /^postgres(ql)?:\/\//i.test(db)) return;
  if (existsSync(db)) return;
  const folder = dirname(resolve(db));
  const why = existsSync(folder) ? '' : `: the folder ${folder} does not exist`;
  throw new RapportError(
    'precondition',
    `No Rapport database at ${resolve(db)}${why}. Start one with \`rapport start\` (with the sample organisation) or \`rapport init\` (empty), or point --db (or RAPPORT_DB) at yours.`,
    { needs: 'database' },
  );
}

/** Opens the workspace for one command and always closes it, so the process can exit. */
export async function withRapport<T>(cmd: Command, fn: (r: Rapport) => Promise<T>): Promise<T> {
  const db = dbLocation(cmd);
  requireExisting(cmd, db);
  const as = (cmd.optsWithGlobals() as { as?: string }).as;
  const r = await openRapport({ db, now: clock(), ...(as === undefined ? {} : { as }) });
  try {
    for (const w of r.warnings ?? []) process.stderr.write(`rapport: warning: ${forTerminal(w)}\n`);
    const out = await fn(r);
    await warnAboutSettings(r);
    return out;
  } finally {
    await r.close();
  }
}

/**
 * A stored setting that cannot be used no longer stops a command (its default applies); the
 * user hears about it on stderr after every command until it is fixed, so --json stays clean.
 */
async function warnAboutSettings(r: Rapport): Promise<void> {
  const problems = await settingProblems(r);
  for (const p of problems) {
    const fix =
      p.key === 'ask'
        ? '`rapport settings ask.small VALUE` (or medium, large), or `rapport settings --reset`'
        : `\`rapport settings ${p.key} VALUE\` or \`rapport settings ${p.key} --reset\``;
    process.stderr.write(`rapport: warning: ${forTerminal(p.message)} Fix it with ${forTerminal(fix)}.\n`);
  }
}

export const wantsJson = (cmd: Command): boolean =>
  Boolean((cmd.optsWithGlobals() as { json?: boolean }).json);

/** Prints data as JSON with --json, else the human text. */
export function emit(cmd: Command, data: unknown, text: () => string): void {
  process.stdout.write(wantsJson(cmd) ? `${JSON.stringify(data, null, 2)}\n` : `${forTerminal(text())}\n`);
}
