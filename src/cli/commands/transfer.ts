import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { CATEGORIES } from '../../app/core/index.js';
import { mergePeople } from '../../app/people/index.js';
import {
  type Agenda,
  agenda,
  EXPORT_FORMATS,
  EXPORT_WHATS,
  exportWorkspace,
  IMPORT_FORMATS,
  type ImportReport,
  importFile,
  remindersFeed,
} from '../../app/transfer/index.js';
import { parseInput } from '../../contract/common.js';
import { ImportInput } from '../../contract/transfer.js';
import { emit, wantsJson, withRapport } from '../context.js';
import { choice, dateFlag } from '../flags.js';
import { count, examples } from '../format.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';

/** The flags of `rapport import`, as commander hands them over. */
interface ImportFlags {
  format?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  addAttendees?: boolean;
  allDay?: boolean;
  since?: string;
  until?: string;
  category?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const CONTACT_FORMATS = new Set(['linkedin', 'google-contacts', 'outlook-contacts', 'vcard']);

function reportText(r: ImportReport): string {
  const lines: string[] = [];
  const verb = r.dryRun ? 'Would import' : 'Imported';
  lines.push(`${verb} ${r.file} (${r.format}).`);
  const p = r.people;
  if (p.created + p.updated + p.unchanged > 0) {
    lines.push(`People: ${p.created} created, ${p.updated} updated, ${p.unchanged} matched unchanged.`);
  }
  const i = r.interactions;
  if (i.created + i.unchanged > 0) {
    // A backup holds every kind of interaction; a calendar only meetings.
    const label = r.format === 'backup' ? 'Interactions' : 'Meetings';
    lines.push(`${label}: ${i.created} logged, ${i.unchanged} already logged.`);
  }
  const t = r.ties;
  if (t.created + t.unchanged > 0)
    lines.push(`Ties: ${t.created} declared or re-weighted, ${t.unchanged} already there.`);
  // An org chart's people are filed by default; the rule is news for contacts, or when it filed someone.
  if (
    r.categories.length > 0 &&
    (CONTACT_FORMATS.has(r.format) || r.categories.some((x) => x.rule !== 'default'))
  ) {
    const created = r.categories.reduce((n, x) => n + x.count, 0);
    lines.push(
      `Categories of the ${count(created, 'person', 'people')} created: ${r.categories
        .map((x) => `${x.count} ${x.category} (${x.because})`)
        .join(', ')}.`,
    );
    // Contacts all filed by default: say how to file them by company instead.
    if (
      CONTACT_FORMATS.has(r.format) &&
      r.categories.every((x) => x.rule === 'default' || x.rule === 'own-company')
    )
      lines.push(
        'To file people of some companies as clients or providers: rapport settings import.clients "Globex, Initech" (or import.providers), or import with --category.',
      );
  }
  const c = r.counts;
  if (c.hidden > 0)
    lines.push(`${plural(c.hidden, 'hidden connection')} skipped (LinkedIn members who hide their data).`);
  if (c.skipped > 0) {
    lines.push(`Skipped ${plural(c.skipped, 'record')}:`);
    for (const s of r.skipped.slice(0, 20)) lines.push(`  ${s.where}: ${s.reason}`);
    if (c.skipped > 20)
      lines.push(`  … and ${c.skipped - 20} more (see --json for the first ${r.skipped.length})`);
  }
  if (c.warnings > 0) {
    lines.push(`Warnings (${c.warnings}):`);
    for (const w of r.warnings.slice(0, 20)) lines.push(`  ${w.reason}`);
    if (c.warnings > 20)
      lines.push(`  … and ${c.warnings - 20} more (see --json for the first ${r.warnings.length})`);
  }
  if (c.missingManagers > 0) {
    lines.push(`Managers not found (${c.missingManagers}); these people have no manager set:`);
    for (const m of r.missingManagers.slice(0, 20)) lines.push(`  ${m.where}: ${m.person} → ${m.manager}`);
    if (c.missingManagers > 20) lines.push(`  … and ${c.missingManagers - 20} more (see --json)`);
  }
  if (c.unknownAttendees > 0) {
    lines.push(
      `${plural(c.unknownAttendees, 'attendee')} not in Rapport (add them with --add-attendees): ${r.unknownAttendees.slice(0, 10).join(', ')}${c.unknownAttendees > 10 ? ', …' : ''}`,
    );
  }
  if (!r.changed) {
    if (c.records === 0 && r.format !== 'backup')
      lines.push('The file holds no records (a header at most): nothing to import.');
    else if (c.skipped > 0)
      lines.push(
        r.dryRun
          ? 'Nothing else would change.'
          : 'Nothing else changed: the records not skipped were already here.',
      );
    else
      lines.push(
        r.dryRun ? 'Nothing would change.' : 'Nothing changed: everything in the file was already here.',
      );
  } else if (r.dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}

/** Reminders grouped by day; the first day (today) also holds everything already late. */
function agendaText(a: Agenda): string {
  if (a.items.length === 0) return `Nothing due from ${a.today} to ${a.until}.`;
  const lines = [`Due from ${a.today} to ${a.until} (${plural(a.items.length, 'item')}):`];
  let day = '';
  for (const x of a.items) {
    if (x.day !== day) {
      day = x.day;
      lines.push('', day === a.today ? `${day} (today, and anything late)` : day);
    }
    // Nurture and review summaries say what to do; a plan step's is the step itself.
    const what = x.kind === 'plan-step' ? 'Plan step: ' : '';
    lines.push(`  ${what}${x.summary}${x.description ? ` — ${x.description}` : ''}`);
  }
  return lines.join('\n');
}

function progressBar(cmd: Command) {
  if (wantsJson(cmd) || !process.stderr.isTTY) return { update: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'importing [{bar}] {percentage}% | {records} records | {rate}/s | ETA {eta_formatted}',
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  return {
    update: (records: number, bytes: number, total: number) => {
      if (!begun) {
        bar.start(Math.max(total, 1), 0, { records: 0, rate: 0 });
        begun = true;
      }
      const secs = (Date.now() - started) / 1000;
      bar.update(bytes, { records, rate: secs > 0 ? Math.round(records / secs) : 0 });
    },
    stop: () => {
      if (begun) bar.stop();
    },
  };
}

const VCARD_OF_FLAG = { '3': '3.0', '3.0': '3.0', '4': '4.0', '4.0': '4.0' } as const;

export function register(program: Command): void {
  program
    .command('import <file>')
    .description('import people, meetings or a backup from a file (format detected from its content)')
    .option('--format <format>', `auto (default) or one of ${IMPORT_FORMATS.join(', ')}`)
    .option('--dry-run', 'show what would be created, updated, matched and skipped; write nothing')
    .option('--skip-invalid', 'import the valid records and list the invalid ones, instead of stopping')
    .option(
      '--strict',
      'all or nothing: stop at an unreadable event or a bad contact field instead of leaving it out',
    )
    .option('--add-attendees', 'calendars: add unknown attendees as acquaintances')
    .option('--all-day', 'calendars: include all-day events')
    .option('--since <date>', 'calendars: first day to read (default 180 days before --until)')
    .option('--until <date>', 'calendars: end of the window (default now)')
    .option(
      '--category <category>',
      `people files: the category of the people the file adds (${CATEGORIES.join(', ')}); default: by company (settings import.clients, import.providers), else stakeholder`,
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'rapport import org-chart.csv --dry-run',
        'rapport import Connections.csv',
        'rapport import client-contacts.vcf --category client',
        'rapport import calendar.ics --since 2026-09-01 --add-attendees',
        'rapport import backup.json --db fresh.db',
      ),
    )
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      const bar = progressBar(cmd);
      try {
        const input = parseInput(ImportInput, {
          path: file,
          ...flags,
          format: choice('--format', flags.format, ['auto', ...IMPORT_FORMATS]),
          since: dateFlag(flags.since, 'since'),
          until: dateFlag(flags.until, 'until'),
        });
        const report = await withRapport(cmd, (r) => importFile(r, input, { onProgress: bar.update }));
        bar.stop();
        emit(cmd, report, () => reportText(report));
      } finally {
        bar.stop();
      }
    });

  program
    .command('export')
    .description('export the workspace: a JSON backup, a CSV of one table, or vCards')
    .option('--format <format>', `${EXPORT_FORMATS.join(', ')} (default json)`)
    .option('--what <table>', `for CSV: ${EXPORT_WHATS.join(', ')} (default people)`)
    .option('--vcard-version <n>', 'for vCard: 4 (default) or 3')
    .option('--output <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      examples(
        'rapport export > backup.json',
        'rapport export --format csv --what interactions',
        'rapport export --format vcard --vcard-version 3 --output team.vcf',
      ),
    )
    .action(
      async (
        flags: { format?: string; what?: string; vcardVersion?: string; output?: string },
        cmd: Command,
      ) => {
        const input = {
          format: choice('--format', flags.format, EXPORT_FORMATS),
          what: choice('--what', flags.what, EXPORT_WHATS),
          vcardVersion:
            VCARD_OF_FLAG[choice('--vcard-version', flags.vcardVersion, ['3', '4', '3.0', '4.0']) ?? '4'],
        };
        if (flags.output) checkOutputPath(flags.output);
        const text = await withRapport(cmd, (r) => exportWorkspace(r, input));
        if (flags.output) writeOutputFile(flags.output, text);
        else process.stdout.write(text);
      },
    );

  program
    .command('reminders')
    .description(
      'what is due in the next 14 days (nurture, plan steps, stale reviews); --format ics gives a calendar feed',
    )
    .option('--format <format>', 'ics: an iCalendar feed of every reminder instead of the agenda')
    .option('--output <file>', 'write the iCalendar feed to a file instead of standard output')
    .option('--json', 'print the agenda as JSON')
    .addHelpText('after', examples('rapport reminders', 'rapport reminders --format ics > rapport.ics'))
    .action(async (flags: { format?: string; output?: string }, cmd: Command) => {
      if (flags.format === undefined && flags.output === undefined) {
        const a = await withRapport(cmd, (r) => agenda(r));
        emit(cmd, a, () => agendaText(a));
        return;
      }
      flags.format ??= 'ics';
      if (flags.output) checkOutputPath(flags.output);
      const text = await withRapport(cmd, (r) =>
        remindersFeed(r, { format: choice('--format', flags.format, ['ics']) }),
      );
      if (flags.output) writeOutputFile(flags.output, text);
      else process.stdout.write(text);
    });

  // `people` is the list command; merge hangs under it as `rapport people merge A B`.
  const people = program.commands.find((c) => c.name() === 'people') ?? program.command('people');
  people
    .command('merge <survivor> <duplicate>')
    .description('merge a duplicate into a person: ledger, assessments, plans and emails move over')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport people merge "Ada Lovelace" "A. Lovelace"'))
    .action(async (survivor: string, duplicate: string, _o: unknown, cmd: Command) => {
      const res = await withRapport(cmd, (r) => mergePeople(r, { survivor, duplicate }));
      emit(
        cmd,
        res,
        () =>
          `Merged ${res.merged.name} (#${res.merged.id}) into ${res.survivor.name} (#${res.survivor.id}).`,
      );
    });
}
