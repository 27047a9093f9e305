import type { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command group, in registration order (a group that hangs subcommands on another's
 * command comes after it), with the top-level commands it adds or extends. A run loads only the
 * groups of the command it was given: parsing the whole CLI costs more than most commands take
 * (issue 8's start-up figure). `index.test.ts` checks the names against what each group registers.
 */
export const commandGroups: readonly { commands: readonly string[]; load(): Promise<CommandModule> }[] = [
  { commands: ['person', 'people', 'me'], load: () => import('./person.js') },
  { commands: ['initiative'], load: () => import('./initiative.js') },
  { commands: ['assess'], load: () => import('./assess.js') },
  { commands: ['log', 'ledger'], load: () => import('./log.js') },
  { commands: ['demo', 'init', 'start'], load: () => import('./demo.js') },
  { commands: ['map'], load: () => import('./relationship/map.js') },
  { commands: ['balance', 'balances'], load: () => import('./relationship/balance.js') },
  { commands: ['nurture'], load: () => import('./relationship/nurture.js') },
  { commands: ['coverage'], load: () => import('./relationship/coverage.js') },
  { commands: ['onboard'], load: () => import('./relationship/onboard.js') },
  { commands: ['focus'], load: () => import('./relationship/focus.js') },
  { commands: ['ask'], load: () => import('./relationship/ask.js') },
  { commands: ['prep'], load: () => import('./relationship/prep.js') },
  { commands: ['review'], load: () => import('./relationship/review.js') },
  { commands: ['plan', 'plans'], load: () => import('./relationship/plan.js') },
  { commands: ['thanks', 'attention', 'deposits'], load: () => import('./relationship/practice.js') },
  { commands: ['settings'], load: () => import('./relationship/settings.js') },
  {
    commands: ['tie', 'ties', 'influence', 'path', 'coalition', 'network'],
    load: () => import('./network.js'),
  },
  { commands: ['import', 'export', 'reminders', 'people'], load: () => import('./transfer.js') },
  { commands: ['serve', 'user', 'token', 'member'], load: () => import('./server.js') },
  { commands: ['ledger', 'assess', 'assessments'], load: () => import('./undo.js') },
];

const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db']);

/** The command word of an argument list (after node and the script), skipping global options. */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The groups a run needs: those naming its command word, or all of them when there is none, it
 * is unknown (commander then suggests the nearest) or help is asked for at the top.
 */
export async function modulesFor(word: string | undefined): Promise<CommandModule[]> {
  const named = word === undefined ? [] : commandGroups.filter((g) => g.commands.includes(word));
  return Promise.all((named.length > 0 ? named : commandGroups).map((g) => g.load()));
}
