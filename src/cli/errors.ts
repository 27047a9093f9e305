import type { Command } from 'commander';
import { ERROR_CATALOGUE, type RapportError } from '../contract/errors.js';

/** A command line that cannot be run as typed (exit 2): the CLI's own concept, not the core's. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE_EXIT_CODE = 2;

/** Inputs whose flag is spelled differently (`--cadence` sets `cadenceDays`). */
const FLAG_OF_INPUT: Record<string, string> = { cadenceDays: 'cadence', emails: 'email', stepId: 'done' };

/** The long flag of `cmd` (or of a parent) that sets the input named `input`, if any. */
function flagFor(cmd: Command, input: string): string | undefined {
  const attribute = FLAG_OF_INPUT[input] ?? input;
  for (let c: Command | null = cmd; c; c = c.parent) {
    const option = c.options.find((o) => o.attributeName() === attribute);
    if (option?.long) return option.long;
  }
  return undefined;
}

/** Adds `hint` before the final full stop of `message`: "… first (`rapport me NAME`)." */
const withHint = (message: string, hint: string): string =>
  message.endsWith('.') ? `${message.slice(0, -1)} (${hint}).` : `${message} (${hint})`;

/** How to fix it in CLI terms, for errors whose fix the core can only describe. */
function cliHint(e: RapportError, cmd: Command | undefined): string | undefined {
  const d = e.details ?? {};
  if (e.code === 'not_found') {
    switch (d.what) {
      case 'person':
        return 'see `rapport people` for who is recorded, or add them with `rapport person add`';
      case 'initiative':
        return 'see `rapport initiative list`, or add it with `rapport initiative add`';
      case 'tie':
        return 'see `rapport ties` for the declared ties';
      case 'plan step':
        return cmd?.args[0] ? `see the step ids with \`rapport plan "${cmd.args[0]}"\`` : undefined;
    }
  }
  if (e.code === 'precondition') {
    if (d.needs === 'me') return '`rapport me "Your Name"`';
    if (d.needs === 'empty-workspace') return 'pick an empty database with --db, e.g. --db new.db';
  }
  if (e.code === 'validation' && d.field === 'setting') return 'see `rapport settings`';
  return undefined;
}

/**
 * A catalogued error as one line for the terminal: the input it names becomes the flag that
 * sets it (`top must be …` → `--top must be …`), and a CLI hint is added where the fix is a
 * command to run.
 */
export function errorLine(e: RapportError, cmd: Command | undefined): string {
  const d = e.details ?? {};
  const input = typeof d.input === 'string' ? d.input : typeof d.field === 'string' ? d.field : undefined;
  const flag = cmd && input ? flagFor(cmd, input) : undefined;
  let message = e.message;
  if (input && flag && !message.includes(flag)) {
    message = message.startsWith(`${input} `)
      ? `${flag}${message.slice(input.length)}`
      : withHint(message, flag);
  }
  const hint = cliHint(e, cmd);
  return hint ? withHint(message, hint) : message;
}

export const exitCodeOf = (e: RapportError): number => ERROR_CATALOGUE[e.code].exitCode;
