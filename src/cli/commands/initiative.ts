import type { Command } from 'commander';
import { addInitiative, archiveInitiative, listInitiatives, showInitiative } from '../../app/map/index.js';
import { emit, withRapport } from '../context.js';
import { day, examples, fields, signed, table } from '../format.js';

export function register(program: Command): void {
  const initiative = program
    .command('initiative')
    .description('the initiatives you map stakeholders for')
    .addHelpText(
      'after',
      examples('rapport initiative add "Q3 launch"', 'rapport initiative show "Q3 launch"'),
    );

  initiative
    .command('add <name>')
    .description('start tracking an initiative')
    .option('--description <text>', 'what it is about')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('rapport initiative add "Q3 launch" --description "Ship v2 to EU customers"'),
    )
    .action(async (name: string, o: { description?: string }, cmd: Command) => {
      const i = await withRapport(cmd, (r) => addInitiative(r, { name, description: o.description ?? null }));
      emit(cmd, i, () => `Added initiative ${i.name} (#${i.id}).`);
    });

  initiative
    .command('list')
    .description('active initiatives (with --all, archived ones too)')
    .option('--all', 'include archived initiatives')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport initiative list', 'rapport initiative list --all --json'))
    .action(async (o: { all?: boolean }, cmd: Command) => {
      const list = await withRapport(cmd, (r) => listInitiatives(r, { all: o.all ?? false }));
      emit(cmd, list, () =>
        list.length === 0
          ? 'No initiatives yet. Add one with `rapport initiative add "Name"`.'
          : table(
              ['id', 'name', 'status', 'assessed people', 'since'],
              list.map((i) => [i.id, i.name, i.status, i.assessedPeople, day(i.createdAt)]),
            ),
      );
    });

  initiative
    .command('show <initiative>')
    .description('an initiative with everyone currently assessed on it')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport initiative show "Q3 launch" --json'))
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const i = await withRapport(cmd, (r) => showInitiative(r, { initiative: ref }));
      emit(cmd, i, () =>
        [
          fields([
            ['initiative', `${i.name} (#${i.id})`],
            ['status', i.status],
            ['description', i.description],
          ]),
          i.assessments.length === 0
            ? 'Nobody assessed yet: `rapport assess PERSON --initiative NAME --influence 0-100 --stance -100..100`.'
            : table(
                ['person', 'influence', 'stance', 'assessed', 'times', 'note'],
                i.assessments.map((a) => [
                  a.person.name,
                  a.influence,
                  signed(a.stance),
                  day(a.assessedAt),
                  a.history,
                  a.note,
                ]),
              ),
        ].join('\n\n'),
      );
    });

  initiative
    .command('archive <initiative>')
    .description('archive a finished initiative (its history is kept)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport initiative archive "Q3 launch"'))
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const i = await withRapport(cmd, (r) => archiveInitiative(r, { initiative: ref }));
      emit(cmd, i, () => `Archived ${i.name} (#${i.id}).`);
    });
}
