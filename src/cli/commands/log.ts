import type { Command } from 'commander';
import { INTERACTION_CAPITAL, INTERACTION_KINDS } from '../../app/core/index.js';
import { ledger, logInteraction } from '../../app/relationship/index.js';
import { parseInput } from '../../contract/common.js';
import { LedgerInput, LogInput } from '../../contract/relationship.js';
import { emit, withRapport } from '../context.js';
import { dateFlag, numberFlag } from '../flags.js';
import { count, day, examples, signed, table } from '../format.js';

const kindHelp = INTERACTION_KINDS.map((k) => `${k} ${signed(INTERACTION_CAPITAL[k])}`).join(', ');

export function register(program: Command): void {
  program
    .command('log <people...>')
    .description('log an interaction with one or more people (a deposit or withdrawal of social capital)')
    .option('--kind <kind>', `what happened, with its default capital: ${kindHelp}`, 'meeting')
    .option('--capital <n>', 'override the capital this entry moves (-20..20)')
    .option('--note <text>', 'what it was about')
    .option('--initiative <name>', 'the initiative it belongs to')
    .option(
      '--date <date>',
      'when it happened: YYYY-MM-DD, today, yesterday, 3 days ago, -3d, last monday (default today; not in the future)',
    )
    .option(
      '--shared',
      "share it with the workspace: teammates see it on the person's timeline (private by default)",
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport log "Dana Lee" --kind help-given --note "covered her customer call"',
        'rapport log "Sam Ortiz" --kind ask --note "asked for pipeline data"',
        'rapport log "Dana Lee" "Sam Ortiz" --kind meeting --initiative "Q3 launch" --date 2026-11-02',
      ),
    )
    .action(
      async (
        refs: string[],
        f: {
          kind: string;
          capital?: string;
          note?: string;
          initiative?: string;
          date?: string;
          shared?: boolean;
        },
        cmd: Command,
      ) => {
        const input = parseInput(LogInput, {
          people: refs,
          kind: f.kind,
          capital: numberFlag(f.capital),
          note: f.note ?? null,
          initiative: f.initiative,
          date: dateFlag(f.date, 'date'),
          shared: f.shared === true,
        });
        const res = await withRapport(cmd, (r) => logInteraction(r, input));
        emit(
          cmd,
          res,
          () =>
            `Logged ${res.kind} (${signed(res.capital)}) with ${res.people.map((p) => p.name).join(', ')} on ${day(res.occurredAt)}${res.shared ? ', shared with the workspace' : ''}.`,
        );
      },
    );

  program
    .command('ledger <person>')
    .description(
      'every interaction you logged with a person and the capital it moved, newest first, with those teammates shared',
    )
    .option('--limit <n>', 'show only the newest n entries')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport ledger "Dana Lee"', 'rapport ledger dana@acme.example --json'))
    .action(async (ref: string, f: { limit?: string }, cmd: Command) => {
      const input = parseInput(LedgerInput, { person: ref, limit: numberFlag(f.limit) });
      const view = await withRapport(cmd, (r) => ledger(r, input));
      emit(cmd, view, () => {
        if (view.entries.length === 0)
          return `No interactions with ${view.person.name} yet. Log one with \`rapport log\`.`;
        const t = view.totals;
        // Whose entry it is matters only once something is shared: then every line says.
        const by = view.entries.some((e) => e.shared)
          ? (e: (typeof view.entries)[number]) => [
              e.author ? `${e.author.name} (shared)` : e.shared ? 'you (shared)' : 'you',
            ]
          : () => [];
        return `${table(
          [
            'id',
            'date',
            'kind',
            'capital',
            'with',
            'initiative',
            'note',
            ...(view.entries.some((e) => e.shared) ? ['by'] : []),
          ],
          view.entries.map((e) => [
            e.id,
            day(e.occurredAt),
            e.kind,
            signed(e.capital),
            e.with.map((w) => w.name).join(', '),
            e.initiative?.name,
            e.note,
            ...by(e),
          ]),
        )}\n\n${view.person.name}: ${count(t.entries, 'entry', 'entries')}${view.entries.length < t.entries ? ` (showing the newest ${view.entries.length})` : ''}, deposits ${signed(t.deposits)}, withdrawals ${signed(-t.withdrawals)}, net ${signed(t.net)} (before decay${view.entries.some((e) => e.author) ? '; yours only' : ''})`;
      });
    });
}
