import type { Command } from 'commander';
import { type Rapport, STRATEGIES, STRATEGY_LABELS } from '../../../app/core/index.js';
import {
  addPlanStep,
  completePlanStep,
  listPlans,
  type PlanView,
  plansFor,
} from '../../../app/relationship/index.js';
import { parseInput } from '../../../contract/common.js';
import { AddPlanStepInput, CompletePlanStepInput } from '../../../contract/relationship.js';
import { emit, withRapport } from '../../context.js';
import { UsageError } from '../../errors.js';
import { dateFlag, numberFlag } from '../../flags.js';
import { examples } from '../../format.js';

function plansText(plans: PlanView[]): string {
  if (plans.length === 0)
    return 'No plans yet. Start one with `rapport plan PERSON --strategy connect --step "..." --due YYYY-MM-DD`.';
  return plans
    .map(
      (p) =>
        `${p.person.name}: ${STRATEGY_LABELS[p.strategy]}\n${p.steps
          .map((s) => `  [${s.doneAt ? 'x' : ' '}] #${s.id} ${s.text} (due ${s.due})`)
          .join('\n')}`,
    )
    .join('\n\n');
}

export function register(program: Command): void {
  program
    .command('plan <person>')
    .description(
      "an improvement plan for a relationship: add a dated step, mark one done, or show the person's plans",
    )
    .option('--strategy <strategy>', STRATEGIES.join('|'))
    .option('--step <text>', 'what you will do')
    .option('--due <date>', 'when: YYYY-MM-DD, today, yesterday, 3 days ago, -3d, last monday')
    .option('--done <step-id>', 'mark a step done')
    .option('--log [kind]', 'with --done: also log the interaction it was (default meeting)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport plan "Dana Lee" --strategy connect --step "Ask about her sailing trip" --due 2026-12-01',
        'rapport plan "Dana Lee" --done 3',
        'rapport plan "Dana Lee" --done 3 --log coffee',
        'rapport plan "Dana Lee" --json',
      ),
    )
    .action(
      async (
        ref: string,
        opts: { strategy?: string; step?: string; due?: string; done?: string; log?: string | true },
        cmd: Command,
      ) => {
        // --done marks a step, any of --strategy/--step/--due adds one, nothing lists the plans.
        if (opts.log !== undefined && opts.done === undefined)
          throw new UsageError('--log goes with --done: it logs the interaction a completed step was.');
        const adding =
          opts.done === undefined && [opts.strategy, opts.step, opts.due].some((v) => v !== undefined);
        for (const [flag, value] of [
          ['--strategy', opts.strategy],
          ['--step', opts.step],
          ['--due', opts.due],
        ])
          if (adding && value === undefined)
            throw new UsageError(`A plan step needs ${flag}: pass --strategy, --step and --due together.`);
        const run =
          opts.done !== undefined
            ? (
                (input) => (r: Rapport) =>
                  completePlanStep(r, input)
              )(
                parseInput(CompletePlanStepInput, {
                  person: ref,
                  stepId: numberFlag(opts.done.replace(/^#/, '')),
                  ...(opts.log !== undefined ? { log: opts.log === true ? 'meeting' : opts.log } : {}),
                }),
              )
            : opts.step === undefined && opts.strategy === undefined && opts.due === undefined
              ? (r: Rapport) => plansFor(r, { person: ref })
              : (
                  (input) => (r: Rapport) =>
                    addPlanStep(r, input)
                )(parseInput(AddPlanStepInput, { person: ref, ...opts, due: dateFlag(opts.due, 'due') }));
        const plans = await withRapport(cmd, run);
        emit(cmd, plans, () => plansText(plans));
      },
    );

  program
    .command('plans')
    .description('every improvement plan with its steps')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport plans'))
    .action(async (_o: unknown, cmd: Command) => {
      const plans = await withRapport(cmd, (r) => listPlans(r));
      emit(cmd, plans, () => plansText(plans));
    });
}
