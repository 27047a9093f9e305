import type { Command } from 'commander';
import {
  type AttentionView,
  attention,
  type DepositPick,
  deposits,
  type ThanksView,
  thanks,
} from '../../../app/relationship/index.js';
import { emit, withRapport } from '../../context.js';
import { numberFlag } from '../../flags.js';
import { count, examples, table } from '../../format.js';

const DIRECTION_ORDER = ['up', 'across', 'down', 'outside'] as const;

function thanksText(v: ThanksView): string {
  const owed =
    v.owed.length === 0
      ? 'No thank-you owed: every favour logged has been followed by gratitude.'
      : `${v.owed.map((o) => `- ${o.reason.text}`).join('\n')}\n\n${count(v.owed.length, 'person', 'people')} to thank${v.more ? ' (the longest owed; more are waiting)' : ''}. Log it with \`rapport log NAME --kind gratitude\`.`;
  if (v.spread === null)
    return `${owed}\n\nSet "me" and your place in the org chart to see thanks by direction.`;
  const s = v.spread;
  const rows = DIRECTION_ORDER.map((d) => [d, s.directions[d].thanks, s.directions[d].people]);
  const gaps = s.gaps.length === 0 ? '' : `\n\n${s.gaps.map((g) => `- ${g.text}`).join('\n')}`;
  return `${owed}\n\nThank-yous in the last ${s.days} days\n\n${table(['direction', 'thank-yous', 'people'], rows)}${gaps}`;
}

function attentionText(v: AttentionView): string {
  const rows = DIRECTION_ORDER.map((d) => {
    const x = v.directions[d];
    return [d, `${x.interactionShare} %`, x.peopleMet, `${x.importantShare} %`, x.important];
  });
  const levels = v.levels.map((l) => [
    l.level === null ? 'no level' : `${l.level}${l.level === v.myLevel ? ' (you)' : ''}`,
    `${l.interactionShare} %`,
    l.peopleMet,
    l.important,
  ]);
  const flags =
    v.imbalances.length === 0
      ? 'Your time follows your important relationships: no direction is short by the threshold.'
      : v.imbalances.map((i) => `- ${i.text}`).join('\n');
  const never =
    v.neverMetBelowCount === 0
      ? ''
      : `\n\nBelow your reports' level, never met (${v.neverMetBelowCount}): ${v.neverMetBelow
          .map((p) => `${p.person.name} (level ${p.level})`)
          .join(', ')}${v.neverMetBelowCount > v.neverMetBelow.length ? ', …' : ''}`;
  return [
    `Where your attention went in the last ${v.days} days: ${v.interactions} interactions with ${count(v.peopleMet, 'person', 'people')}`,
    '',
    table(['direction', 'interactions', 'people met', 'important', 'important people'], rows),
    '',
    table(['level', 'interactions', 'people met', 'important people'], levels),
    '',
    flags + never,
  ].join('\n');
}

function depositsText(list: DepositPick[]): string {
  if (list.length === 0) {
    return 'No deposit is pressing: the people who matter have healthy balances, no ask is coming and nobody is overdue.';
  }
  return list
    .map(
      (p, i) =>
        `${i + 1}. ${p.person.name} — ${p.why.map((w) => w.text).join('; ')}\n   Ideas (${p.ideasFrom}): ${p.ideas.join('; ')}`,
    )
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('thanks')
    .description('gratitude owed: favours not yet thanked, and your thank-yous by direction')
    .option(
      '--days <n>',
      'window of thank-yous counted by direction (default: the thanks.windowDays setting)',
    )
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport thanks', 'rapport thanks --days 30 --json'))
    .action(async (opts: { days?: string }, cmd: Command) => {
      const v = await withRapport(cmd, (r) =>
        thanks(r, { days: numberFlag(opts.days) as number | undefined }),
      );
      emit(cmd, v, () => thanksText(v));
    });
  program
    .command('attention')
    .description(
      'where your interactions go (up, across, down, outside) beside where your important relationships are',
    )
    .option('--days <n>', 'window of interactions (default: the attention.windowDays setting)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport attention', 'rapport attention --days 30 --json'))
    .action(async (opts: { days?: string }, cmd: Command) => {
      const v = await withRapport(cmd, (r) =>
        attention(r, { days: numberFlag(opts.days) as number | undefined }),
      );
      emit(cmd, v, () => attentionText(v));
    });
  program
    .command('deposits')
    .description('where a deposit pays now, with ideas in the currency each team values')
    .option('--limit <n>', 'most people to list (default 10)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport deposits',
        'rapport deposits --limit 3 --json',
        'rapport settings deposits.playbook \'{"Sales": ["join a customer call"], "general": ["offer help"]}\'',
      ),
    )
    .action(async (opts: { limit?: string }, cmd: Command) => {
      const list = await withRapport(cmd, (r) =>
        deposits(r, { limit: numberFlag(opts.limit) as number | undefined }),
      );
      emit(cmd, list, () => depositsText(list));
    });
}
