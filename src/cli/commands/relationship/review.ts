import type { Command } from 'commander';
import { type ReviewView, review } from '../../../app/map/index.js';
import { emit, withRapport } from '../../context.js';
import { examples } from '../../format.js';

function reviewText(v: ReviewView): string {
  const sections = v.initiatives
    .filter((i) => i.stale.length + i.neverAssessed.length + i.stanceDrops.length > 0)
    .map((i) => {
      return [`${i.initiative.name}:`, ...i.notes.map((n) => `  ${n.text}`)].join('\n');
    });
  if (sections.length === 0)
    return `Every map is up to date (assessments within ${v.staleDays} days, no falling stances).`;
  return sections.join('\n\n');
}

export function register(program: Command): void {
  program
    .command('review')
    .description('what to revisit: stale assessments, people never assessed, falling stances')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport review', 'rapport review --json'))
    .action(async (_o: unknown, cmd: Command) => {
      const v = await withRapport(cmd, (r) => review(r));
      emit(cmd, v, () => reviewText(v));
    });
}
