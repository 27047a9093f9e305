import type { Command } from 'commander';
import { allBalances, type BalanceView, personBalance } from '../../../app/relationship/index.js';
import { emit, withRapport } from '../../context.js';
import { balanceText, day, examples, fields, table } from '../../format.js';
import { pageOf } from '../../paging.js';

/** What was logged, before decay: "+7 -8", "-4", "0" (never a "-0"). */
const logged = (b: BalanceView): string =>
  [b.deposits > 0 ? `+${b.deposits}` : '', b.withdrawals > 0 ? `-${b.withdrawals}` : '']
    .filter(Boolean)
    .join(' ') || '0';

function balancesText(list: BalanceView[], footer: string): string {
  if (list.length === 0) return 'Nobody to show yet. Add people with `rapport person add`.';
  const text = table(
    ['id', 'name', 'balance', 'deposits', 'withdrawals', 'as logged', 'last interaction'],
    list.map((b) => [
      b.person.id,
      b.person.name,
      balanceText(b.balance),
      b.depositsNow.toFixed(2),
      b.withdrawalsNow.toFixed(2),
      logged(b),
      day(b.lastInteractionAt),
    ]),
  );
  const key = 'balance = deposits - withdrawals, both decayed to today; "as logged" is before decay.';
  return [text, key, footer].filter(Boolean).join('\n');
}

export function register(program: Command): void {
  program
    .command('balance <person>')
    .description('the social-capital balance with a person: deposits and withdrawals, decayed with time')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport balance "Dana Lee"', 'rapport balance dana@acme.example --json'))
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const b = await withRapport(cmd, (r) => personBalance(r, { person: ref }));
      emit(cmd, b, () =>
        fields([
          ['person', `${b.person.name} (#${b.person.id})`],
          ['balance', `${balanceText(b.balance)} (half-life ${b.halfLifeDays} days)`],
          ['deposits', `${b.depositsNow.toFixed(2)} today (${b.deposits} as logged)`],
          ['withdrawals', `${b.withdrawalsNow.toFixed(2)} today (${b.withdrawals} as logged)`],
          ['last interaction', day(b.lastInteractionAt)],
        ]),
      );
    });

  program
    .command('balances')
    .description('every balance, lowest first: the relationships you have drawn on most')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'show the first n rows (default 50 on a terminal, all when piped)')
    .addHelpText('after', examples('rapport balances', 'rapport balances --json'))
    .action(async (_o: unknown, cmd: Command) => {
      const list = await withRapport(cmd, (r) => allBalances(r));
      emit(cmd, list, () => {
        const page = pageOf(cmd, list);
        return balancesText(page.rows, page.footer);
      });
    });
}
