import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { RapportError, splitList } from '../../app/core/index.js';
import {
  coalition,
  declareTie,
  exportNetwork,
  type InfluencePath,
  influence,
  influencePaths,
  listTies,
  removeTie,
} from '../../app/influence/index.js';
import { parseInput } from '../../contract/common.js';
import {
  CoalitionInput,
  InfluenceInput,
  NetworkExportInput,
  PathInput,
  RemoveTieInput,
  TieInput,
} from '../../contract/influence.js';
import { emit, withRapport } from '../context.js';
import { UsageError } from '../errors.js';
import { numberFlag } from '../flags.js';
import { balanceText, examples, table } from '../format.js';
import { influenceText } from '../influence-text.js';
import { writeOutputFile } from '../output-file.js';

function pathText(p: InfluencePath, i: number): string {
  const head = `${i + 1}. ${p.people.map((x) => x.name).join(' → ')}  (strength ${p.strength.toFixed(3)}${
    p.score < p.strength - 5e-4 ? `, score ${p.score.toFixed(3)} after the steps' costs` : ''
  })`;
  const hops = p.hops.map((h, j) => {
    const next = p.hops[j + 1];
    const over = !h.escalation
      ? ''
      : next?.step === 'down'
        ? ` [escalation: over ${next.to.name}'s head]`
        : ' [escalation: skips a level]';
    return `     ${h.from.name} → ${h.to.name}: ${h.why.map((w) => w.text).join('; ') || 'tie'}${over}`;
  });
  return [head, ...hops].join('\n');
}

export function register(program: Command): void {
  program
    .command('tie <from> <to>')
    .description(
      'declare that FROM goes to TO for advice (or is influenced by, trusts, has friction with TO)',
    )
    .option('--kind <kind>', 'advice | influence | trust | friction', 'advice')
    .option('--weight <n>', 'strength from 1 to 5', '3')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport tie "Bob Ray" "Ann Li" --kind advice --weight 4'))
    .action(async (from: string, to: string, o: { kind: string; weight: string }, cmd: Command) => {
      const input = parseInput(TieInput, { from, to, kind: o.kind, weight: numberFlag(o.weight) });
      const t = await withRapport(cmd, (r) => declareTie(r, input));
      emit(
        cmd,
        t,
        () =>
          `${{ created: 'Declared', updated: 'Updated', unchanged: 'Already declared:' }[t.status]} tie ${t.from.name} → ${t.to.name} (${t.kind}, weight ${t.weight}).`,
      );
    });

  const ties = program
    .command('ties')
    .description('the declared ties (see `rapport tie`)')
    .option('--json', 'print JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const list = await withRapport(cmd, (r) => listTies(r));
      emit(cmd, list, () =>
        list.length === 0
          ? 'No ties declared yet. Add one with `rapport tie FROM TO --kind advice --weight 4`.'
          : table(
              ['from', 'to', 'kind', 'weight'],
              list.map((t) => [t.from.name, t.to.name, t.kind, t.weight]),
            ),
      );
    });
  ties
    .command('remove <from> <to>')
    .description('remove the ties FROM → TO (one kind with --kind)')
    .option('--kind <kind>', 'advice | influence | trust | friction')
    .option('--json', 'print JSON')
    .action(async (from: string, to: string, o: { kind?: string }, cmd: Command) => {
      const input = parseInput(RemoveTieInput, { from, to, kind: o.kind });
      const removed = await withRapport(cmd, (r) => removeTie(r, input));
      emit(cmd, { removed }, () => `Removed ${removed} tie${removed === 1 ? '' : 's'} ${from} → ${to}.`);
    });

  program
    .command('influence')
    .description('influence rank, brokers, hidden influencers, gatekeepers and clusters of the network')
    .option('--top <n>', 'how many people to list', '10')
    .option(
      '--clusters <n>',
      'how many of the largest clusters to list (those where you know nobody always are)',
      '10',
    )
    .option('--sources <list>', 'which ties make the network: declared,reporting,meetings,mine (default all)')
    .option('--weighted', 'brokerage uses tie strength (stronger = shorter)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('rapport influence --top 5', 'rapport influence --sources declared,reporting --json'),
    )
    .action(
      async (o: { top: string; clusters: string; sources?: string; weighted?: boolean }, cmd: Command) => {
        const clusters = Number(o.clusters);
        if (!/^\d+$/.test(o.clusters.trim()) || clusters < 1)
          throw new UsageError(`--clusters must be a whole number of at least 1; got "${o.clusters}".`);
        const input = parseInput(InfluenceInput, {
          top: numberFlag(o.top),
          sources: o.sources === undefined ? undefined : splitList(o.sources),
          weighted: o.weighted ?? false,
        });
        const rep = await withRapport(cmd, (r) => influence(r, input));
        emit(cmd, rep, () => influenceText(rep, clusters));
      },
    );

  program
    .command('path <from> <to>')
    .description('the strongest chains of influence from one person to another, each hop explained')
    .option('--k <n>', 'how many distinct paths', '3')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport path me "Carla CFO" --k 3'))
    .action(async (from: string, to: string, o: { k: string }, cmd: Command) => {
      const input = parseInput(PathInput, { from, to, k: numberFlag(o.k) });
      const paths = await withRapport(cmd, (r) => influencePaths(r, input));
      emit(cmd, paths, () =>
        paths.length === 0 ? `No chain of ties leads from ${from} to ${to}.` : paths.map(pathText).join('\n'),
      );
    });

  program
    .command('coalition')
    .description(
      'for each person to convert on an initiative: whom to ask to carry it, and the best path from a champion or ally that passes no detractor (or whom to meet first when none does)',
    )
    .requiredOption('--initiative <name>', 'the initiative')
    .option('--json', 'print JSON')
    .action(async (o: { initiative: string }, cmd: Command) => {
      const c = await withRapport(cmd, (r) => coalition(r, parseInput(CoalitionInput, o)));
      const lineText = (l: (typeof c.lines)[number]) => {
        const via = l.goBetween
          ? `\n  ask ${l.goBetween.person.name} to carry it (${l.goBetween.ties.join(', ')}; balance ${balanceText(l.goBetween.balance)})`
          : '\n  nobody tied to them holds credit with you: build it first';
        return l.path
          ? `${l.person.name} (influence ${l.influence}, stance ${l.stance}):${via}\n${pathText(l.path, 0)}`
          : `${l.person.name} (influence ${l.influence}, stance ${l.stance}):${via}\n  ${
              l.meetFirst?.reason.text ??
              `no champion or ally reaches them without passing a detractor, and nobody supports ${c.initiative.name} yet: win a first ally.`
            }`;
      };
      emit(cmd, c, () => {
        const parts = [
          c.lines.length === 0
            ? `Nobody to convert on ${c.initiative.name}.`
            : c.lines.map(lineText).join('\n\n'),
        ];
        if (c.atRisk.length > 0)
          parts.push(
            `At risk of turning against ${c.initiative.name} (stance falling):\n\n${c.atRisk.map(lineText).join('\n\n')}`,
          );
        return parts.join('\n\n');
      });
    });

  const network = program.command('network').description('the influence network as a whole');
  network
    .command('export')
    .description('the network with metrics for Gephi/Cytoscape (GraphML, GEXF) or Kumu (CSV sheets)')
    .option('--format <format>', 'graphml | gexf | csv', 'graphml')
    .option('--out <dir>', 'write the files into this folder instead of printing them')
    .action(async (o: { format: string; out?: string }, cmd: Command) => {
      if (o.out && !(existsSync(o.out) && statSync(o.out).isDirectory())) {
        throw new RapportError(
          'validation',
          `--out ${o.out} is not a folder; create it first or pick another.`,
        );
      }
      const input = parseInput(NetworkExportInput, { format: o.format });
      const files = await withRapport(cmd, (r) => exportNetwork(r, input));
      if (o.out) {
        for (const f of files) writeOutputFile(join(o.out, f.name), f.content);
        process.stdout.write(`Wrote ${files.map((f) => join(o.out!, f.name)).join(', ')}.\n`);
      } else {
        process.stdout.write(
          files.map((f) => (files.length > 1 ? `# ${f.name}\n${f.content}` : f.content)).join('\n'),
        );
      }
    });
}
