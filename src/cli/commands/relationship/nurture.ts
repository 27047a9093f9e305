import type { Command } from 'commander';
import { TIER_LABELS } from '../../../app/core/index.js';
import { type NurtureEntry, nurture } from '../../../app/relationship/index.js';
import { emit, withRapport } from '../../context.js';
import { count, examples, table } from '../../format.js';

/** What the days are counted from. */
const FROM: Record<NurtureEntry['countedFrom'], string> = {
  'one-to-one': 'ago, one-to-one',
  group: 'ago, small meeting',
  added: 'since added',
};

function nurtureText(list: NurtureEntry[]): string {
  if (list.length === 0)
    return 'Nobody is overdue: every tiered relationship was touched within its cadence.';
  return `${table(
    ['id', 'name', 'tier', 'cadence', 'last real contact', 'overdue', 'importance'],
    list.map((e) => [
      e.person.id,
      e.person.name,
      TIER_LABELS[e.tier],
      `${e.cadenceDays}d`,
      `${e.daysSince}d ${FROM[e.countedFrom]}`,
      `${e.overdueDays}d`,
      e.importance,
    ]),
  )}\n\n${count(list.length, 'relationship')} overdue, ranked by days overdue × importance.
One-to-ones restart a cadence, small meetings half of it, large meetings nothing.`;
}

export function register(program: Command): void {
  program
    .command('nurture')
    .description('relationships past their care cadence, most pressing first')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport nurture', 'rapport nurture --json'))
    .action(async (_o: unknown, cmd: Command) => {
      const list = await withRapport(cmd, (r) => nurture(r));
      emit(cmd, list, () => nurtureText(list));
    });
}
