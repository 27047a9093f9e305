import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandGroups, commandWord, modulesFor } from './index.js';

async function programFor(word: string | undefined): Promise<Command> {
  const program = new Command('rapport');
  for (const m of await modulesFor(word)) m.register(program);
  return program;
}

/** A command as a user meets it: its name, arguments, options and subcommands, all the way down. */
function shape(cmd: Command): unknown {
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    args: cmd.registeredArguments.map((a) => a.name()),
    options: cmd.options.map((o) => o.flags),
    subcommands: cmd.commands.map(shape),
  };
}

describe('loading only the command groups a run needs', () => {
  it('gives every top-level command exactly the shape it has when every group is loaded', async () => {
    const full = await programFor(undefined);
    const names = full.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const lazy = await programFor(name);
      const mine = lazy.commands.find((c) => c.name() === name);
      expect(mine, name).toBeDefined();
      expect(shape(mine!), name).toEqual(shape(full.commands.find((c) => c.name() === name)!));
    }
  });

  it('names only commands that exist, and every command is named by some group', async () => {
    const full = new Set((await programFor(undefined)).commands.map((c) => c.name()));
    const named = new Set(commandGroups.flatMap((g) => g.commands));
    expect([...named].filter((n) => !full.has(n))).toEqual([]);
    expect([...full].filter((n) => !named.has(n))).toEqual([]);
  });

  it('loads everything for help, no command or an unknown one, so commander can list or suggest', async () => {
    const all = (await programFor(undefined)).commands.length;
    expect((await programFor('help')).commands.length).toBe(all);
    expect((await programFor('peple')).commands.length).toBe(all);
    expect((await programFor('focus')).commands.length).toBeLessThan(all);
  });

  it('finds the command word after global options', () => {
    expect(commandWord(['--db', 'x.db', 'person', 'show', 'Ann'])).toBe('person');
    expect(commandWord(['--db=x.db', 'focus'])).toBe('focus');
    expect(commandWord(['--help'])).toBeUndefined();
    expect(commandWord([])).toBeUndefined();
  });
});
