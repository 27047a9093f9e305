import type { Command } from 'commander';
import { listSettings, type SettingView, setSetting } from '../../../app/index.js';
import { emit, withRapport } from '../../context.js';
import { examples, table } from '../../format.js';

const text = (list: SettingView[]): string =>
  table(
    ['setting', 'value', '', 'meaning'],
    list.map((s) => [s.key, JSON.stringify(s.value), s.overridden ? '(set)' : '', s.description]),
  );

export function register(program: Command): void {
  program
    .command('settings [key] [value]')
    .description('the thresholds behind map, balance, cadence, review, ask and focus; set one per workspace')
    .option('--reset', 'return the setting to its default')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport settings',
        'rapport settings cadence.partner 10',
        'rapport settings importance.weights \'{"frequency":2,"interconnectedness":1,"sway":1}\'',
        'rapport settings cadence.partner --reset',
      ),
    )
    .action(
      async (key: string | undefined, value: string | undefined, opts: { reset?: boolean }, cmd: Command) => {
        const list = await withRapport(cmd, (r) => {
          if (key === undefined) return listSettings(r);
          if (value === undefined && !opts.reset)
            return listSettings(r).then((l) => l.filter((s) => s.key === key));
          return setSetting(r, key, opts.reset ? undefined : value);
        });
        emit(cmd, list, () => text(list));
      },
    );
}
