import type { Command } from 'commander';
import { assessmentsOf, removeAssessment, undoAssessment } from '../../app/map/index.js';
import {
  editInteraction,
  type LogResult,
  RESTORE_DAYS,
  removeInteraction,
  restoreInteraction,
} from '../../app/relationship/index.js';
import { emit, withRapport } from '../context.js';
import { UsageError } from '../errors.js';
import { clearableNumber, dateFlag } from '../flags.js';
import { day, examples, signed, table } from '../format.js';

// Taking back a mistake: a ledger entry corrected or removed, an assessment undone.

const entryText = (verb: string, e: LogResult) =>
  `${verb} #${e.id}: ${e.kind} (${signed(e.capital)}) with ${e.people.map((p) => p.name).join(', ')} on ${day(e.occurredAt)}${e.initiative ? ` for ${e.initiative.name}` : ''}.`;

function idArg(value: string, what: string): number {
  if (!/^\s*#?\d+\s*$/.test(value))
    throw new UsageError(`${what} must be an id (a whole number); got "${value}".`);
  return Number(value.replace('#', ''));
}

/**
 * Hangs these subcommands on `ledger` and `assess` as registered earlier. A run that loaded only
 * some command groups (see index.ts) may lack one of them; then no argument can reach its
 * subcommands either.
 */
export function register(program: Command): void {
  const parent = (name: string) => program.commands.find((c) => c.name() === name);
  const ledger = parent('ledger');
  const assess = parent('assess');
  if (ledger) registerLedgerUndo(ledger);
  registerAssessments(program);
  if (assess) registerAssessUndo(assess);
}

function registerLedgerUndo(ledger: Command): void {
  ledger
    .command('edit <id>')
    .description('correct a logged interaction (the ids are in `rapport ledger PERSON`)')
    .option('--kind <kind>', 'another kind (its default capital applies unless --capital is given)')
    .option('--capital <n>', 'the capital it moved; "" for the kind\'s default')
    .option('--note <text>', 'the note; "" clears it')
    .option('--date <date>', 'when it happened (YYYY-MM-DD, yesterday, 3 days ago…)')
    .option('--initiative <name>', 'the initiative it was for; "" clears it')
    .option('--shared', 'share it with the workspace')
    .option('--private', 'make it yours alone again')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport ledger edit 42 --kind help-given --note "covered her call"',
        'rapport ledger edit 42 --shared',
      ),
    )
    .action(
      async (
        id: string,
        f: {
          kind?: string;
          capital?: string;
          note?: string;
          date?: string;
          initiative?: string;
          shared?: boolean;
          private?: boolean;
        },
        cmd: Command,
      ) => {
        if (f.shared && f.private)
          throw new UsageError('--shared and --private contradict each other: give one.');
        const e = await withRapport(cmd, (r) =>
          editInteraction(r, {
            id: idArg(id, 'the ledger entry'),
            kind: f.kind,
            capital: clearableNumber(f.capital) as number | null | undefined,
            note: f.note === undefined ? undefined : f.note === '' ? null : f.note,
            date: dateFlag(f.date, 'date'),
            initiative: f.initiative === undefined ? undefined : f.initiative === '' ? null : f.initiative,
            shared: f.shared ? true : f.private ? false : undefined,
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
          `${entryText('Removed', e)} To bring it back: rapport ledger restore ${e.id} (within ${RESTORE_DAYS} days).`,
      );
    });

  ledger
    .command('restore <id>')
    .description(`bring back a removed interaction (within ${RESTORE_DAYS} days), under a new id`)
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport ledger restore 42'))
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const e = await withRapport(cmd, (r) => restoreInteraction(r, { id: idArg(id, 'the ledger entry') }));
      emit(cmd, e, () => entryText('Restored', e));
    });
}

function registerAssessments(program: Command): void {
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
              list.map((a) => [
                a.id,
                a.initiative.name,
                a.influence,
                signed(a.stance),
                day(a.assessedAt),
                a.note,
              ]),
            ),
      );
    });
}

function registerAssessUndo(assess: Command): void {
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
          `Took back assessment #${a.id} of ${a.person.name} on ${a.initiative.name} (influence ${a.influence}, stance ${signed(a.stance)}, ${day(a.assessedAt)}).`,
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
          `Removed assessment #${a.id} of ${a.person.name} on ${a.initiative.name} (influence ${a.influence}, stance ${signed(a.stance)}, ${day(a.assessedAt)}).`,
      );
    });
}
