import type { Command } from 'commander';
import { coverage } from '../../../app/relationship/index.js';
import { emit, withRapport } from '../../context.js';
import { examples, table } from '../../format.js';

export function register(program: Command): void {
  program
    .command('coverage')
    .description('left, right, up and down: your portfolio by direction and tier, and its gaps')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport coverage', 'rapport coverage --json'))
    .action(async (_o: unknown, cmd: Command) => {
      const c = await withRapport(cmd, (r) => coverage(r));
      emit(cmd, c, () => {
        const rows = (['up', 'across', 'down', 'outside'] as const).map((d) => {
          const x = c.directions[d];
          return [d, x.partner, x.friend, x.acquaintance, x.none, x.total];
        });
        const gaps = c.gaps.length === 0 ? 'No gaps found.' : c.gaps.map((g) => `- ${g.text}`).join('\n');
        return `Coverage around ${c.me.name} (level ${c.me.level})\n\n${table(
          ['direction', 'partners', 'friends', 'acquaintances', 'no tier', 'total'],
          rows,
        )}\n\n${gaps}`;
      });
    });
}
