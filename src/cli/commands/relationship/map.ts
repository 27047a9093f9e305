import type { Command } from 'commander';
import { QUADRANT_LABELS, QUADRANTS } from '../../../app/core/index.js';
import { initiativeMap, type MapView, mapFile } from '../../../app/map/index.js';
import { parseInput } from '../../../contract/common.js';
import { MapInput } from '../../../contract/map.js';
import { emit, withRapport } from '../../context.js';
import { UsageError } from '../../errors.js';
import { choice, dateFlag } from '../../flags.js';
import { day, examples, signed } from '../../format.js';
import { mapGrid } from '../../map-grid.js';
import { checkOutputPath, writeOutputFile } from '../../output-file.js';

const FILE_FORMATS = ['excalidraw', 'svg', 'png'] as const;

function mapViewText(view: MapView): string {
  const total = QUADRANTS.reduce((n, q) => n + view.quadrants[q].length, 0);
  const title = `Stakeholder map: ${view.initiative.name}${view.at ? ` as it stood on ${day(view.at)}` : ''}`;
  if (total === 0) {
    return `${title}\n\nNobody is assessed yet. Place someone with \`rapport assess PERSON --initiative "${view.initiative.name}" --influence 0-100 --stance -100..100\`.`;
  }
  const lists = QUADRANTS.filter((q) => view.quadrants[q].length > 0).map(
    (q) =>
      `${QUADRANT_LABELS[q]}:\n${view.quadrants[q]
        .map(
          (e) =>
            // The movement on a line of its own: with its date it would not fit 80 columns.
            `  ${e.person.name} — influence ${e.influence}, stance ${signed(e.stance)} (${e.trend ? 'assessed' : 'first assessment,'} ${day(e.assessedAt)})${
              e.trend ? `\n      ${e.trendNote.text}` : ''
            }`,
        )
        .join('\n')}`,
  );
  return [
    title,
    '',
    ...mapGrid(view.quadrants, view.thresholds, { width: Math.min(process.stdout.columns || 80, 80) }),
    '',
    ...lists,
  ].join('\n');
}

export function register(program: Command): void {
  program
    .command('map')
    .description('the stakeholder map of an initiative: champions, converts, allies, monitor, neutral')
    .option('--initiative <name>', 'the initiative (name or id)')
    .option(
      '--at <date>',
      'the map as it stood at the end of that day: YYYY-MM-DD, today, yesterday, 3 days ago, -3d, last monday (not in the future)',
    )
    .option('--format <format>', 'write the map as a file: excalidraw (to annotate), svg or png (for slides)')
    .option('--output <file>', 'where to write it (svg and excalidraw go to standard output without it)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport map --initiative "Q3 launch"',
        'rapport map --initiative "Q3 launch" --at 2026-09-30 --json',
        'rapport map --initiative "Q3 launch" --format excalidraw --output q3-map.excalidraw',
        'rapport map --initiative "Q3 launch" --format png --output q3-map.png',
      ),
    )
    .action(
      async (opts: { initiative?: string; at?: string; format?: string; output?: string }, cmd: Command) => {
        if (opts.initiative === undefined || opts.initiative.trim() === '') {
          throw new UsageError('Which map? Pass --initiative NAME (see `rapport initiative list`).');
        }
        const format = choice('--format', opts.format, FILE_FORMATS);
        if (format === undefined && opts.output !== undefined) {
          throw new UsageError('--output writes a file: say which with --format excalidraw, svg or png.');
        }
        if (format !== undefined) {
          if (format === 'png' && opts.output === undefined) {
            throw new UsageError('A PNG is not text: pass --output FILE.png with --format png.');
          }
          if (opts.output !== undefined) checkOutputPath(opts.output);
          const input = { initiative: opts.initiative, at: dateFlag(opts.at, 'at'), format };
          const file = await withRapport(cmd, (r) => mapFile(r, input));
          if (opts.output !== undefined) writeOutputFile(opts.output, file.content);
          else process.stdout.write(file.content);
          return;
        }
        const input = parseInput(MapInput, { initiative: opts.initiative, at: dateFlag(opts.at, 'at') });
        const view = await withRapport(cmd, (r) => initiativeMap(r, input));
        emit(cmd, view, () => mapViewText(view));
      },
    );
}
