import type { Command } from 'commander';
import { ASK_SIZES } from '../../../app/core/index.js';
import { ask } from '../../../app/relationship/index.js';
import { parseInput } from '../../../contract/common.js';
import { AskInput } from '../../../contract/relationship.js';
import { emit, withRapport } from '../../context.js';
import { balanceText, examples, fields, signed } from '../../format.js';

export function register(program: Command): void {
  program
    .command('ask <person>')
    .description(
      'pick your battles: go, go via someone, build first, not now or not worth it, with your balance after the ask',
    )
    .option('--size <size>', `${ASK_SIZES.join('|')}`, 'medium')
    .option(
      '--initiative <name>',
      'judge their stance on this initiative (default: where they have most influence)',
    )
    .option('--critical', 'the ask matters to the initiative: never judged not worth it')
    .option('--escalate', 'offer going over their head (their manager) as a route')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport ask "Dana Lee" --size large',
        'rapport ask "Dana Lee" --size large --critical --escalate',
        'rapport ask "Dana Lee" --size small --json',
      ),
    )
    .action(async (ref: string, opts: { size?: string; initiative?: string }, cmd: Command) => {
      const input = parseInput(AskInput, { person: ref, ...opts });
      const c = await withRapport(cmd, (r) => ask(r, input));
      emit(cmd, c, () => {
        const allies = c.allies
          .slice(0, 5)
          .map(
            (a) =>
              `  ${a.person.name}${a.escalation ? ' [escalation]' : ''} (balance ${balanceText(a.balance)}${
                a.influence === null ? '' : `, influence ${a.influence}`
              }; ${a.ties.join(', ')})`,
          )
          .join('\n');
        return `${fields([
          ['verdict', c.verdict],
          [
            'balance',
            `${balanceText(c.balanceBefore)} → ${balanceText(c.balanceAfter)} (${c.size} ask, ${c.cost})`,
          ],
          ['stance', c.stance === null ? 'not assessed' : `${signed(c.stance)} on ${c.initiative?.name}`],
          ['influence', c.influence],
        ])}\n\n${c.reason.text}${allies ? `\n\ngo-betweens:\n${allies}` : ''}${
          c.deposits
            ? `\n\ndeposits to make (${c.deposits.ideasFrom}):\n${c.deposits.ideas.map((i) => `  ${i}`).join('\n')}`
            : ''
        }`;
      });
    });
}
