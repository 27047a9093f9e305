import type { Command } from 'commander';
import { type DemoSummary, loadDemo, start, workspaceSummary } from '../../app/workspace/index.js';
import { parseInput } from '../../contract/common.js';
import { COMPANY_SIZE, DemoInput } from '../../contract/workspace.js';
import { dbLocation, emit, withRapport } from '../context.js';
import { numberFlag } from '../flags.js';
import { examples } from '../format.js';

const demoText = (s: DemoSummary, where: string) =>
  [
    `Created the ${s.company} demo organisation in ${where}:`,
    `  ${s.people} people, ${s.initiatives.length} initiatives (${s.initiatives.map((i) => i.name).join(', ')}),`,
    `  ${s.assessments} assessments and ${s.interactions} interactions over six months.`,
    ...(s.ties === undefined
      ? []
      : [`  ${s.ties.toLocaleString('en')} declared advice, trust and influence ties.`]),
    `  You are ${s.me.name}.`,
  ].join('\n');

const nextSteps = (db: string) => {
  const flag = db === './rapport.db' ? '' : ` --db ${db}`;
  return [
    'Try:',
    `  npx rapport${flag} focus                                      # this week's few actions`,
    `  npx rapport${flag} map --initiative "Self-serve onboarding"   # the stakeholder map`,
    `  npx rapport${flag} nurture                                    # who you are neglecting`,
    `  npx rapport${flag} influence --top 10                         # who really moves decisions`,
  ].join('\n');
};

export function register(program: Command): void {
  program
    .command('demo')
    .description('fill an empty database with a realistic sample organisation (same seed, same data)')
    .option('--seed <n>', 'seed for the generator', '20261123')
    .option(
      '--size <n>',
      `a whole company of this many people (${COMPANY_SIZE.min}–${COMPANY_SIZE.max.toLocaleString('en')}) with declared ties, instead of the sample`,
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport demo --db demo.db',
        'rapport demo --db demo.db --seed 7 --json',
        'rapport demo --db company.db --size 100000',
      ),
    )
    .action(async (o: { seed: string; size?: string }, cmd: Command) => {
      const seed = Number(o.seed);
      if (!Number.isInteger(seed))
        cmd.error(`error: --seed must be a whole number; got "${o.seed}"`, { exitCode: 2 });
      // Checked before the database is opened, so a bad size creates nothing.
      const input = parseInput(DemoInput, { seed, size: numberFlag(o.size) });
      const db = dbLocation(cmd);
      const s = await withRapport(cmd, (r) => loadDemo(r, input));
      emit(cmd, s, () => `${demoText(s, db)}\n\n${nextSteps(db)}`);
    });

  program
    .command('init')
    .description('create an empty database (no sample organisation) to import your own into')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport init', 'rapport init --db team.db'))
    .action(async (_o: unknown, cmd: Command) => {
      const db = dbLocation(cmd);
      const s = await withRapport(cmd, (r) => workspaceSummary(r));
      const flag = db === './rapport.db' ? '' : ` --db ${db}`;
      emit(cmd, s, () =>
        s.people === 0
          ? [
              `Rapport database ${db} is ready and empty. Next:`,
              `  rapport${flag} import org-chart.csv     # people from an HR export, LinkedIn or a phone`,
              `  rapport${flag} person add "Your Name"   # or one by one`,
              `  rapport${flag} me "Your Name"           # who you are in the org chart`,
            ].join('\n')
          : `Rapport database ${db} already holds ${s.people} people; nothing was changed.`,
      );
    });

  program
    .command('start')
    .description('open Rapport: a new database gets the demo organisation; prints a summary')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('npm start', 'rapport start --db team.db'))
    .action(async (_o: unknown, cmd: Command) => {
      const db = dbLocation(cmd);
      const s = await withRapport(cmd, (r) => start(r));
      emit(cmd, s, () =>
        [
          s.createdDemo ? demoText(s.createdDemo, db) : `Rapport database ${db}:`,
          `  ${s.people} people, ${s.initiatives} active initiatives, ${s.interactions} logged interactions; you are ${s.me?.name ?? 'not set (rapport me "Your Name")'}.`,
          '',
          nextSteps(db),
        ].join('\n'),
      );
    });
}
