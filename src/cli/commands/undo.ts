import type { Command } from 'commander';
import {
  assessmentsOf,
  editInteraction,
  type LogResult,
  removeAssessment,
  removeInteraction,
  undoAssessment,
} from '../../app/index.js';
import { emit, withRapport } from '../context.js';
import { UsageError } from '../errors.js';
import { clearableNumber, dateFlag } from '../flags.js';
import { day, examples, signed, table } from '../format.js';

// Taking back a mistake: a ledger entry corrected or removed, an assessment undone.

const entryText = (verb: string, e: LogResult) =>
  `${verb} #${e.id}: ${e.kind} (${signed(e.capital)}) with ${e.people.map((p) => p.name).join(', ')} on ${day(e.occurredAt)}${e.initiative ? ` for ${e.initiative}` : ''}.`;

function idArg(value: string, what: string): number {
  if (!/^\s*#?\d+\s*$/.test(value))
    throw new UsageError(`${what} must be an id (a whole number); got "${value}".`);
  return Number(value.replace('#', ''));
}

/** The command registered earlier under `name`, to hang a subcommand on. */
const parent = (program: Command, name: string): Command => {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`the ${name} command must be registered before undo's`);
  return found;
};

export function register(program: Command): void {
  const ledger = parent(program, 'ledger');
  const assess = parent(program, 'assess');
  ledger
    .command('edit <id>')
    .description('correct a logged interaction (the ids are in `rapport ledger PERSON`)')
    .option('--kind <kind>', 'another kind (its default capital applies unless --capital is given)')
    .option('--capital <n>', 'the capital it moved; "" for the kind\'s default')
    .option('--note <text>', 'the note; "" clears it')
    .option('--date <date>', 'when it happened (YYYY-MM-DD, yesterday, 3 days ago…)')
    .option('--initiative <name>', 'the initiative it was for; "" clears it')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport ledger edit 42 --kind help-given --note "covered her call"'))
    .action(
      async (
        id: string,
        f: { kind?: string; capital?: string; note?: string; date?: string; initiative?: string },
        cmd: Command,
      ) => {
        const e = await withRapport(cmd, (r) =>
          editInteraction(r, {
            id: idArg(id, 'the ledger entry'),
            kind: f.kind,
            capital: clearableNumber(f.capital) as number | null | undefined,
            note: f.note === undefined ? undefined : f.note === '' ? null : f.note,
            date: dateFlag(f.date, 'date'),
            initiative: f.initiative === undefined ? undefined : f.initiative === '' ? null : f.initiative,
          }),
        );
        emit(cmd, e, () => entryText('Changed', e));
      },
    );

  ledger
    .command('remove <id>')
    .description('remove a logged interaction (balances, focus and maps follow)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport ledger remove 42'))
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const e = await withRapport(cmd, (r) => removeInteraction(r, { id: idArg(id, 'the ledger entry') }));
      emit(
        cmd,
        e,
        () =>
          `${entryText('Removed', e)} To log it again: rapport log ... --kind ${e.kind} --date ${day(e.occurredAt)}`,
      );
    });

  program
    .command('assessments <person>')
    .description('every assessment of a person, with ids (to take one back with `rapport assess remove ID`)')
    .option('--json', 'print JSON')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const list = await withRapport(cmd, (r) => assessmentsOf(r, ref));
      emit(cmd, list, () =>
        list.length === 0
          ? `No assessments of ${ref} yet.`
          : table(
              ['id', 'initiative', 'influence', 'stance', 'assessed', 'note'],
              list.map((a) => [a.id, a.initiative, a.influence, signed(a.stance), day(a.assessedAt), a.note]),
            ),
      );
    });

  assess
    .command('undo <person>')
    .description('take back the latest assessment of a person on an initiative')
    .option('--initiative <name>', 'the initiative (required)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport assess undo "Dana Lee" --initiative "Q3 launch"'))
    .action(async (ref: string, _f: unknown, cmd: Command) => {
      // `assess` itself has --initiative, so the value may have been read as the parent's.
      const initiative = (cmd.optsWithGlobals() as { initiative?: string }).initiative;
      if (initiative === undefined)
        throw new UsageError('assess undo needs --initiative: which map to take it back from.');
      const a = await withRapport(cmd, (r) => undoAssessment(r, { person: ref, initiative }));
      emit(
        cmd,
        a,
        () =>
          `Took back assessment #${a.id} of ${ref} (influence ${a.influence}, stance ${signed(a.stance)}, ${day(a.assessedAt)}).`,
      );
    });

  assess
    .command('remove <id>')
    .description('remove one assessment by its id (see `rapport assessments PERSON`)')
    .option('--json', 'print JSON')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const a = await withRapport(cmd, (r) => removeAssessment(r, { id: idArg(id, 'the assessment') }));
      emit(
        cmd,
        a,
        () =>
          `Removed assessment #${a.id} (influence ${a.influence}, stance ${signed(a.stance)}, ${day(a.assessedAt)}).`,
      );
    });
}
