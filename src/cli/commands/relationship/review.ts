import type { Command } from 'commander';
import { type ReviewView, review } from '../../../app/index.js';
import { emit, withRapport } from '../../context.js';
import { day, examples } from '../../format.js';

export function reviewText(v: ReviewView): string {
  const sections = v.initiatives
    .filter((i) => i.stale.length + i.neverAssessed.length + i.stanceDrops.length > 0)
    .map((i) => {
      const lines = [`${i.initiative}:`];
      for (const s of i.stale)
        lines.push(`  stale: ${s.name}, assessed ${day(s.assessedAt)} (${s.daysOld} days ago)`);
      for (const n of i.neverAssessed)
        lines.push(`  never assessed: ${n.name} (has interactions tagged with it)`);
      for (const d of i.stanceDrops)
        lines.push(`  stance fell: ${d.name}, ${d.from} → ${d.to} on ${day(d.assessedAt)}`);
      return lines.join('\n');
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
