import type { Command } from 'commander';
import { assess } from '../../app/map/index.js';
import { parseInput } from '../../contract/common.js';
import { AssessInput } from '../../contract/map.js';
import { emit, withRapport } from '../context.js';
import { dateFlag, numberFlag } from '../flags.js';
import { day, examples, signed } from '../format.js';

interface AssessFlags {
  initiative?: string;
  influence?: string;
  stance?: string;
  interconnectedness?: string;
  note?: string;
  date?: string;
}

export function register(program: Command): void {
  program
    .command('assess <person>')
    .description("place a person on an initiative's stakeholder map (earlier assessments are kept)")
    .option('--initiative <name>', 'the initiative (required)')
    .option('--influence <0-100>', 'their influence on the initiative')
    .option('--stance <-100..100>', 'from detractor (-100) to supporter (+100)')
    .option('--interconnectedness <0-5>', 'how interconnected your work is')
    .option('--note <text>', 'why you see them there')
    .option(
      '--date <date>',
      'when this was true: YYYY-MM-DD, today, yesterday, 3 days ago, -3d, last monday (default today; not in the future)',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport assess "Dana Lee" --initiative "Q3 launch" --influence 85 --stance -40 --note "worried about timeline"',
        'rapport assess dana@acme.example --initiative "Q3 launch" --influence 80 --stance 10 --date 2026-10-01',
      ),
    )
    .action(async (ref: string, f: AssessFlags, cmd: Command) => {
      const input = parseInput(AssessInput, {
        person: ref,
        initiative: f.initiative,
        influence: numberFlag(f.influence),
        stance: numberFlag(f.stance),
        interconnectedness: numberFlag(f.interconnectedness),
        note: f.note ?? null,
        date: dateFlag(f.date, 'date'),
      });
      const res = await withRapport(cmd, (r) => assess(r, input));
      emit(cmd, res, () => {
        const move = res.previous
          ? ` (was influence ${res.previous.influence}, stance ${signed(res.previous.stance)} on ${day(res.previous.assessedAt)})`
          : '';
        return `Assessed ${res.person.name} on ${res.initiative.name}: influence ${res.influence}, stance ${signed(res.stance)}${move}.`;
      });
    })
    .hook('preAction', (cmd, action) => {
      // `assess undo` and `assess remove` are commands of their own.
      if (action !== cmd) return;
      const o = cmd.opts() as AssessFlags;
      const missing = (['initiative', 'influence', 'stance'] as const).filter((k) => o[k] === undefined);
      if (missing.length > 0) {
        cmd.error(`error: assess needs ${missing.map((m) => `--${m}`).join(', ')}`, {
          exitCode: 2,
          code: 'rapport.missingOption',
        });
      }
    });
}
