import type { Command } from 'commander';
import { listSettings, resetSettings, type SettingView, setSetting } from '../../../app/workspace/index.js';
import { parseInput } from '../../../contract/common.js';
import { SettingInput } from '../../../contract/workspace.js';
import { emit, withRapport } from '../../context.js';
import { examples, table } from '../../format.js';

const text = (list: SettingView[]): string =>
  table(
    ['setting', 'value', '', 'meaning'],
    list.map((s) => [
      s.key,
      JSON.stringify(s.value),
      s.problem ? '(bad)' : s.overridden ? '(set)' : '',
      s.description,
    ]),
  );

/** A value as typed: a number, JSON for the weights and playbook, or plain text (company lists). */
function settingValue(typed: string): unknown {
  try {
    return JSON.parse(typed);
  } catch {
    // Not JSON: the setting's own check says what it takes ("Globex, Initech" is a company list).
    return typed;
  }
}

export function register(program: Command): void {
  program
    .command('settings [key] [value]')
    .description('the thresholds behind map, balance, cadence, review, ask and focus; set one per workspace')
    .option('--reset', 'return the setting (without KEY: every setting) to its default')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport settings',
        'rapport settings cadence.partner 10',
        'rapport settings importance.weights \'{"frequency":2,"interconnectedness":1,"sway":1}\'',
        'rapport settings import.clients "Globex, Initech"',
        'rapport settings cadence.partner --reset',
        'rapport settings --reset',
      ),
    )
    .action(
      async (key: string | undefined, value: string | undefined, opts: { reset?: boolean }, cmd: Command) => {
        const input =
          key !== undefined && (value !== undefined || opts.reset)
            ? parseInput(SettingInput, { key, value: opts.reset ? null : settingValue(value!) })
            : undefined;
        const list = await withRapport(cmd, (r) => {
          // The setting changed, not all of them: a group key (`ask`) covers its parts (`ask.small`).
          if (input)
            return setSetting(r, input).then((l) =>
              l.filter((s) => s.key === key || s.key.startsWith(`${key}.`)),
            );
          if (key === undefined) return opts.reset ? resetSettings(r) : listSettings(r);
          return listSettings(r).then((l) => l.filter((s) => s.key === key));
        });
        emit(cmd, list, () => text(list));
      },
    );
}
