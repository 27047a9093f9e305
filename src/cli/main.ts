import { Command, CommanderError } from 'commander';
import { isRapportError } from '../contract/errors.js';
import { commandWord, modulesFor } from './commands/index.js';
import { errorLine, exitCodeOf, USAGE_EXIT_CODE, UsageError } from './errors.js';
import { forTerminal } from './terminal-text.js';

/** Commander's messages in our voice: one line, naming the program, pointing at --help. */
const oneLine = (str: string): string =>
  `${str
    .trim()
    .replace(/^error: /, 'rapport: ')
    .replace(/\n+/g, ' ')} (see --help)\n`;

/** The command whose action is running, so an error can be told in its flags. */
let running: Command | undefined;

async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('rapport')
    .description('Map, nurture and grow your work relationships.')
    .option('--db <path|url>', 'database file or postgres:// URL (default $RAPPORT_DB, else ./rapport.db)')
    .option(
      '--as <email>',
      'work as this member of the workspace (default: its owner): tiers, cadences and "me" are each member\'s',
    )
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(oneLine(str)) })
    .hook('preAction', (_program, action) => {
      running = action;
    });
  for (const m of await modulesFor(commandWord(argv.slice(2)))) m.register(program);
  // Subcommands inherit the error handling of the program.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride();
      sub.configureOutput({ outputError: (str, write) => write(oneLine(str)) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not failures; everything else commander raises is a usage error.
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      ) {
        return 0;
      }
      return e.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`rapport: ${forTerminal(e.message)}\n`);
      return USAGE_EXIT_CODE;
    }
    if (isRapportError(e)) {
      process.stderr.write(`rapport: ${forTerminal(errorLine(e, running))}\n`);
      return exitCodeOf(e);
    }
    const err = e as Error;
    process.stderr.write(
      `rapport: unexpected error: ${forTerminal(err?.message ?? String(e))}\n(this is a bug in Rapport; set RAPPORT_DEBUG=1 to see details)\n`,
    );
    if (process.env.RAPPORT_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    return 1;
  }
}

// A reader that stops early (`rapport people | head`) is not a failure: end quietly with status 0.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
