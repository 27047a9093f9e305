import type { Command } from 'commander';
import { type FocusItem, focus } from '../../../app/relationship/index.js';
import { workspaceSummary } from '../../../app/workspace/index.js';
import { emit, withRapport } from '../../context.js';
import { examples } from '../../format.js';

function focusText(items: FocusItem[], people: number): string {
  if (items.length === 0 && people === 0)
    return 'No people yet: import an org chart or contacts (`rapport import FILE`) or add someone (`rapport person add NAME`), then set yourself with `rapport me NAME`.';
  if (items.length === 0)
    return 'Nothing pressing this week: no detractors to convert, nobody overdue, maps up to date.';
  return items
    .map((item, i) => `${i + 1}. ${item.action.text}\n   why: ${item.why.map((w) => w.text).join('; ')}`)
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('focus')
    .description("this week's few actions: detractors to win over, overdue partners, stale maps, plan steps")
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport focus', 'rapport focus --json'))
    .action(async (_o: unknown, cmd: Command) => {
      const { items, people } = await withRapport(cmd, async (r) => {
        const items = await focus(r);
        return { items, people: items.length > 0 ? -1 : (await workspaceSummary(r)).people };
      });
      emit(cmd, items, () => focusText(items, people));
    });
}
