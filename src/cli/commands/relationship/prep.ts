import type { Command } from 'commander';
import { ASK_SIZES, STRATEGY_LABELS } from '../../../app/core/index.js';
import { prep } from '../../../app/relationship/index.js';
import { parseInput } from '../../../contract/common.js';
import { PrepInput, type PrepView } from '../../../contract/prep.js';
import { emit, withRapport } from '../../context.js';
import { balanceText, day, examples, fields, signed, table } from '../../format.js';

function prepText(p: PrepView): string {
  const who = [p.person.title, p.person.department ?? p.person.company].filter(Boolean).join(', ');
  const head = `${p.person.name} (#${p.person.id})${who ? ` — ${who}` : ''}; ${p.person.category}, tier ${p.person.tier}`;
  const parts = [head];
  parts.push(
    p.places.length === 0
      ? 'Maps: not assessed on any active initiative.'
      : `Maps:\n${p.places
          .map(
            (m) =>
              `  ${m.initiative.name}: ${m.quadrant}, influence ${m.influence}, stance ${signed(m.stance)}, assessed ${day(m.assessedAt)}\n    ${m.trendNote.text}`,
          )
          .join('\n')}`,
  );
  const b = p.balance;
  parts.push(
    fields([
      [
        'balance',
        `${balanceText(b.balance)} (deposited ${b.deposits}, withdrawn ${b.withdrawals}; half-life ${b.halfLifeDays} days)`,
      ],
      [
        'last contact',
        p.lastContactAt === null
          ? 'never'
          : `${day(p.lastContactAt)}; last one-to-one ${p.lastOneToOneAt ? day(p.lastOneToOneAt) : 'never'}`,
      ],
      ['interests', p.interests.length > 0 ? p.interests.join(', ') : 'none recorded'],
      ['communicates', p.communication ?? 'no preference recorded'],
    ]),
  );
  if (p.recent.entries.length > 0) {
    parts.push(
      `Recent ledger (${p.recent.entries.length} of ${p.recent.total}):\n${table(
        ['id', 'date', 'kind', 'capital', 'note'],
        p.recent.entries.map((e) => [e.id, day(e.occurredAt), e.kind, signed(e.capital), e.note]),
      )}`,
    );
  }
  parts.push(
    p.steps.length === 0
      ? 'Plan steps: none open.'
      : `Plan steps:\n${p.steps
          .map(
            (s) =>
              `  ${s.dueNow ? 'DUE ' : '    '}#${s.id} ${s.due} ${STRATEGY_LABELS[s.strategy]}: ${s.text}`,
          )
          .join('\n')}`,
  );
  if (p.ask) {
    const a = p.ask;
    const from = a.from.kind === 'asked' ? '' : ` (planned in step #${a.from.stepId})`;
    const allies = a.allies
      .slice(0, 3)
      .map((g) => g.person.name)
      .join(', ');
    parts.push(
      `Ask check, ${a.size}${from}: ${a.verdict}; balance ${balanceText(a.balanceBefore)} → ${balanceText(a.balanceAfter)}\n  ${a.reason.text}${
        allies ? `\n  go-betweens: ${allies}` : ''
      }`,
    );
  }
  return parts.join('\n\n');
}

export function register(program: Command): void {
  program
    .command('prep <person>')
    .description(
      'before a meeting: their place on each map, balance and recent ledger, open plan steps, interests, and the ask check',
    )
    .option('--initiative <name>', 'only their place on this initiative (and judge an ask there)')
    .option('--ask <size>', `check an ask of this size: ${ASK_SIZES.join('|')}`)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport prep "Dana Lee"',
        'rapport prep "Dana Lee" --ask large --initiative Platform',
        'rapport prep "Dana Lee" --json',
      ),
    )
    .action(async (ref: string, opts: { initiative?: string; ask?: string }, cmd: Command) => {
      const input = parseInput(PrepInput, { person: ref, ...opts });
      const view = await withRapport(cmd, (r) => prep(r, input));
      emit(cmd, view, () => prepText(view));
    });
}
