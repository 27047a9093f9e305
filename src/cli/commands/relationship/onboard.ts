import type { Command } from 'commander';
import { onboarding } from '../../../app/relationship/index.js';
import { DIRECTION_WORDS } from '../../../contract/people.js';
import { emit, withRapport } from '../../context.js';
import { UsageError } from '../../errors.js';
import { examples } from '../../format.js';

const HEADING = { up: 'Up', across: 'Left and right (peers)', down: 'Down', outside: 'Outside' } as const;

/** Names as a comma list wrapped to a width (a name is never split), indented by two spaces. */
function wrap(names: string[], width: number): string {
  const out: string[] = [];
  let line = '';
  for (const [i, name] of names.entries()) {
    const item = i < names.length - 1 ? `${name},` : name;
    if (line && line.length + 1 + item.length > width) {
      out.push(`  ${line}`);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  if (line) out.push(`  ${line}`);
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('onboard')
    .description('up, down, left and right as names: your relationships in each direction, and whom to meet')
    .option('--direction <d>', 'only one: up, down, left, right (= across), outside')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport onboard', 'rapport onboard --direction up --json'))
    .action(async (o: { direction?: string }, cmd: Command) => {
      const only =
        o.direction === undefined
          ? null
          : (DIRECTION_WORDS as Record<string, (typeof DIRECTION_WORDS)[keyof typeof DIRECTION_WORDS]>)[
              o.direction.toLowerCase()
            ];
      if (only === undefined)
        throw new UsageError(
          `--direction must be one of up, down, left, right, across, outside; got "${o.direction}".`,
        );
      const view = await withRapport(cmd, (r) => onboarding(r));
      const directions = only ? [only] : (['up', 'across', 'down', 'outside'] as const);
      const shown = only
        ? {
            ...view,
            partners: { up: [], down: [], across: [], outside: [], [only]: view.partners[only] },
            suggestions: view.suggestions.filter((s) => s.reason.params.direction === only),
          }
        : view;
      emit(cmd, shown, () => {
        if (!view.me) return 'Say who you are first: `rapport me "Your Name"`.';
        const lines = [`Around ${view.me.name}:`];
        for (const d of directions) {
          const names = shown.partners[d].map((p) =>
            p.nextTo ? `${p.person.name} (next to ${p.nextTo.name})` : p.person.name,
          );
          lines.push('', `${HEADING[d]} (${names.length}):`);
          lines.push(names.length ? wrap(names, 98) : '  nobody in your portfolio yet');
        }
        if (shown.suggestions.length) {
          lines.push('', 'People to meet:');
          for (const s of shown.suggestions) lines.push(`  ${s.reason.text}`);
        }
        return lines.join('\n');
      });
    });
}
