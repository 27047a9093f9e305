import type { Command } from 'commander';
import { type FocusItem, focus } from '../../../app/relationship/index.js';
import { workspaceSummary } from '../../../app/workspace/index.js';
import { emit, withRapport } from '../../context.js';
import { examples } from '../../format.js';

function focusText(items: readonly FocusItem[], people: number, scores: boolean): string {
  if (items.length === 0 && people === 0)
    return 'No people yet: import an org chart or contacts (`rapport import FILE`) or add someone (`rapport person add NAME`), then set yourself with `rapport me NAME`.';
  if (items.length === 0)
    return 'Nothing pressing this week: no detractors to convert, nobody overdue, maps up to date.';
  return items
    .map(
      (item, i) =>
        `${i + 1}. ${item.action.text}${scores ? `  [score ${item.score}, ${item.kind}]` : ''}\n   why: ${item.why.map((w) => w.text).join('; ')}`,
    )
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('focus')
    .description(
      "this week's few actions, best first: plan steps, people to win over or at risk, thanks and deposits owed, overdue partners, stale maps",
    )
    .option('--scores', 'show the score each line is ranked by (docs/scoring.md) and its kind')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport focus', 'rapport focus --scores', 'rapport focus --json'))
    .action(async (o: { scores?: boolean }, cmd: Command) => {
      const { items, people } = await withRapport(cmd, async (r) => {
        const items = await focus(r);
        return { items, people: items.length > 0 ? -1 : (await workspaceSummary(r)).people };
      });
      emit(cmd, items, () => focusText(items, people, o.scores === true));
    });
}
