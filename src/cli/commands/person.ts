import type { Command } from 'commander';
import { CATEGORIES, splitList, TIERS } from '../../app/core/index.js';
import {
  addPerson,
  editPerson,
  getMe,
  listPeople,
  type PersonDetail,
  type PersonListed,
  type PersonView,
  removePerson,
  setMe,
  showPerson,
} from '../../app/people/index.js';
import { parseInput } from '../../contract/common.js';
import { RapportError } from '../../contract/errors.js';
import {
  AddPersonInput,
  DIRECTION_WORD_LIST,
  type DirectionWord,
  EditPersonInput,
  type PeopleFilter,
} from '../../contract/people.js';
import { emit, withRapport } from '../context.js';
import { UsageError } from '../errors.js';
import { clearableNumber, dateFlag } from '../flags.js';
import { count, day, examples, fields, fittedTable, signed, table } from '../format.js';
import { pageOf } from '../paging.js';
import { rankedText } from './relationship/importance.js';

interface PersonFlags {
  title?: string;
  team?: string;
  department?: string;
  level?: string;
  manager?: string;
  email?: string[];
  phone?: string;
  company?: string;
  category?: string;
  tier?: string;
  cadence?: string;
  interests?: string;
  communication?: string;
  notes?: string;
  location?: string;
  hireDate?: string;
}

interface FilterFlags {
  tier?: string;
  category?: string;
  department?: string;
  direction?: string;
}

const filtered = (f: FilterFlags) =>
  [f.tier, f.category, f.department, f.direction].some((v) => v !== undefined);

/** The list filters as use-case input; a direction that is no direction is a usage error, as in `onboard`. */
function peopleFilter(f: FilterFlags): PeopleFilter {
  if (f.direction !== undefined && !DIRECTION_WORD_LIST.includes(f.direction.toLowerCase() as DirectionWord))
    throw new UsageError(
      `--direction must be one of up, down, left, right, across, outside; got "${f.direction}".`,
    );
  return {
    tier: f.tier,
    category: f.category,
    department: f.department,
    direction: f.direction?.toLowerCase() as DirectionWord | undefined,
  };
}

function withFilterFlags(cmd: Command): Command {
  return cmd
    .option('--tier <tier>', `only this tier: ${TIERS.join(', ')}`)
    .option('--category <category>', `only this category: ${CATEGORIES.join(', ')}`)
    .option('--department <name>', 'only this department (any case)')
    .option('--direction <d>', 'only those up, down, left, right (peers) or outside from you');
}

const collect = (value: string, previous: string[] = []) => [...previous, ...splitList(value)];

function withPersonFlags(cmd: Command): Command {
  return cmd
    .option('--title <title>', 'job title')
    .option('--team <team>', 'team')
    .option('--department <department>', 'department')
    .option('--level <n>', 'org level: 1 is the top, larger is more junior')
    .option('--manager <person>', 'their manager (name, email or id; "" clears)')
    .option('--email <email>', 'email address (repeat or comma-separate for several)', collect)
    .option('--phone <phone>', 'phone number')
    .option('--company <company>', 'company (for providers and clients)')
    .option('--category <category>', `one of ${CATEGORIES.join(', ')}`)
    .option('--tier <tier>', `portfolio tier: ${TIERS.join(', ')}`)
    .option('--cadence <days>', 'care cadence in days, overriding the tier default ("" clears)')
    .option('--interests <list>', 'interests, comma-separated (common ground)')
    .option('--communication <text>', 'how they like to communicate')
    .option('--notes <text>', 'private notes')
    .option('--location <place>', 'office or work location ("" clears)')
    .option('--hire-date <date>', 'the day they joined: YYYY-MM-DD, today, 3 days ago… ("" clears)');
}

/** The person flags as use-case input fields; absent flags stay absent (an edit leaves them). */
function personFields(f: PersonFlags): Record<string, unknown> {
  return {
    title: f.title,
    team: f.team,
    department: f.department,
    level: clearableNumber(f.level),
    manager: f.manager === '' ? null : f.manager,
    emails: f.email,
    phone: f.phone,
    company: f.company,
    category: f.category,
    tier: f.tier,
    cadenceDays: clearableNumber(f.cadence),
    interests: f.interests === undefined ? undefined : splitList(f.interests),
    communication: f.communication,
    notes: f.notes,
    location: f.location,
    hireDate: f.hireDate === '' ? null : dateFlag(f.hireDate, 'hireDate'),
  };
}

function personText(p: PersonView): string {
  return fields([
    ['id', p.id],
    ['name', p.name],
    ['title', p.title],
    ['team', p.team],
    ['department', p.department],
    ['level', p.level],
    ['manager', p.manager ? `${p.manager.name} (#${p.manager.id})` : null],
    ['email', p.emails.join(', ')],
    ['phone', p.phone],
    ['company', p.company],
    ['location', p.location],
    ['hired', p.hireDate],
    ['category', p.category],
    ['tier', p.tier],
    ['cadence', p.cadenceDays === null ? null : `${p.cadenceDays} days`],
    ['interests', p.interests.join(', ')],
    ['communicates', p.communication],
    ['notes', p.notes],
  ]);
}

function detailText(p: PersonDetail): string {
  const parts = [`${personText(p)}${p.isMe ? '\n(this is you)' : ''}`];
  if (p.reports.length > 0) parts.push(`reports:   ${p.reports.map((r) => r.name).join(', ')}`);
  parts.push(
    `ledger:    ${count(p.interactions.count, 'interaction')}${p.interactions.lastAt ? `, last on ${day(p.interactions.lastAt)}` : ''}${
      p.interactions.lastAt
        ? `; last one-to-one ${p.interactions.lastOneToOneAt ? day(p.interactions.lastOneToOneAt) : 'never'}`
        : ''
    }`,
  );
  if (p.stage) {
    const s = p.stage;
    const ground = s.commonGround.length > 0 ? `; in common: ${s.commonGround.join(', ')}` : '';
    parts.push(
      `stage:     ${s.stage}${s.next ? ` — next: ${s.next.action.text}` : ''}\n           ${count(s.informal, 'informal contact')} ever, ${count(s.oneToOne, 'one-to-one')} in ${s.windowDays} days${ground}`,
    );
  }
  if (p.assessments.length > 0) {
    parts.push(
      table(
        ['initiative', 'influence', 'stance', 'assessed', 'note'],
        p.assessments.map((a) => [
          a.initiative.name,
          a.influence,
          signed(a.stance),
          day(a.assessedAt),
          a.note,
        ]),
      ),
    );
  }
  return parts.join('\n\n');
}

function listText(people: PersonListed[], page: { rows: PersonListed[]; footer: string }): string {
  if (people.length === 0)
    return 'No people yet. Add one with `rapport person add "Name"`, or try `rapport demo`.';
  // The team is in --json and `person show`: ten columns do not fit a 100-column terminal.
  return `${fittedTable(
    ['id', 'name', 'title', 'department', 'level', 'category', 'tier', 'stage', 'manager'],
    page.rows.map((p) => [
      p.id,
      p.name,
      p.title,
      p.department,
      p.level,
      p.category,
      p.tier,
      p.stage,
      p.manager?.name,
    ]),
    100,
    [2, 8, 3, 1],
  )}\n\n${page.footer || count(people.length, 'person', 'people')}`;
}

/** A page of a list as text, with the footer saying what was left out. */
const paged = <T>(page: { rows: T[]; footer: string }, text: (rows: T[]) => string): string =>
  page.footer ? `${text(page.rows)}\n${page.footer}` : text(page.rows);

export function register(program: Command): void {
  const person = program
    .command('person')
    .description('add, list, show, edit and remove people')
    .addHelpText(
      'after',
      examples(
        'rapport person add "Dana Lee" --title "VP Sales" --category stakeholder --tier partner',
        'rapport person show "Dana Lee" --json',
      ),
    );

  withPersonFlags(person.command('add <name>').description('add a person'))
    .option('--allow-duplicate', 'add them even when someone of that name is already recorded')
    .option('--json', 'print the new person as JSON')
    .addHelpText(
      'after',
      examples(
        'rapport person add "Dana Lee" --title "VP Sales" --category stakeholder --tier partner',
        'rapport person add "Sam Ortiz" --manager "Dana Lee" --title "Sales Ops" --tier acquaintance --email sam@acme.example',
      ),
    )
    .action(async (name: string, flags: PersonFlags & { allowDuplicate?: boolean }, cmd: Command) => {
      const input = parseInput(AddPersonInput, {
        name,
        ...personFields(flags),
        allowDuplicate: flags.allowDuplicate === true,
      });
      const p = await withRapport(cmd, (r) => addPerson(r, input));
      emit(cmd, p, () => `Added ${p.name} (#${p.id}).`);
    });

  const list = (cmd: Command) =>
    withRapport(cmd, async (r) => {
      const sort = (cmd.opts() as { sort?: string }).sort ?? 'name';
      if (sort === 'importance') {
        // Loaded here: the ranking needs the whole relationship capability, a plain list does not.
        const { peopleByImportance } = await import('../../app/relationship/index.js');
        let ranked = await peopleByImportance(r);
        const f = cmd.opts() as FilterFlags;
        if (filtered(f)) {
          const kept = new Set((await listPeople(r, peopleFilter(f))).map((p) => p.id));
          ranked = ranked.filter((p) => kept.has(p.id));
        }
        emit(cmd, ranked, () => paged(pageOf(cmd, ranked), rankedText));
        return;
      }
      if (sort !== 'name') throw new UsageError(`--sort must be name or importance; got "${sort}".`);
      const people = await listPeople(r, peopleFilter(cmd.opts() as FilterFlags));
      emit(cmd, people, () =>
        people.length === 0 && filtered(cmd.opts() as FilterFlags)
          ? 'Nobody matches those filters.'
          : listText(people, pageOf(cmd, people)),
      );
    });
  withFilterFlags(person.command('list'))
    .description('list everyone (`rapport people` for short)')
    .option('--json', 'print JSON')
    .option('--sort <key>', 'name (default) or importance')
    .option('--limit <n>', 'show the first n people (default 50 on a terminal, all when piped)')
    .addHelpText('after', examples('rapport person list', 'rapport people --json'))
    .action((_o: unknown, cmd: Command) => list(cmd));

  person
    .command('show <person>')
    .description('everything about one person: details, reports, ledger summary, current assessments')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('rapport person show "Dana Lee"', 'rapport person show dana@acme.example --json'),
    )
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const p = await withRapport(cmd, (r) => showPerson(r, { person: ref }));
      emit(cmd, p, () => detailText(p));
    });

  withPersonFlags(person.command('edit <person>').description('change fields of a person'))
    .option('--name <name>', 'rename')
    .option('--json', 'print the updated person as JSON')
    .addHelpText(
      'after',
      examples('rapport person edit "Sam Ortiz" --tier friend --interests "cycling,jazz"'),
    )
    .action(async (ref: string, flags: PersonFlags & { name?: string }, cmd: Command) => {
      const input = parseInput(EditPersonInput, { person: ref, name: flags.name, ...personFields(flags) });
      const p = await withRapport(cmd, (r) => editPerson(r, input));
      emit(cmd, p, () => `Updated ${p.name} (#${p.id}).\n${personText(p)}`);
    });

  person
    .command('remove <person>')
    .description('remove a person with their assessments, ledger entries, plans and ties')
    .option('--yes', 'remove someone who has history (without it, you see what would go)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('rapport person remove "Sam Ortiz"', 'rapport person remove "Sam Ortiz" --yes'),
    )
    .action(async (ref: string, o: { yes?: boolean }, cmd: Command) => {
      const p = await withRapport(cmd, async (r) => {
        const preview = await removePerson(r, { person: ref, confirm: false });
        const history =
          preview.interactions + preview.assessments + preview.plans + preview.ties + preview.reports.length;
        return o.yes || history === 0
          ? removePerson(r, { person: preview.person.id, confirm: true })
          : preview;
      });
      const what = [
        count(p.interactions, 'ledger entry', 'ledger entries'),
        count(p.assessments, 'assessment'),
        count(p.plans, 'plan'),
        count(p.ties, 'tie'),
      ].join(', ');
      const reports = p.reports.length
        ? ` ${count(p.reports.length, 'report')} (${p.reports.map((x) => x.name).join(', ')}) ${p.removed ? 'now report' : 'would report'} to ${p.newManager?.name ?? 'nobody'}.`
        : '';
      if (!p.removed) {
        emit(cmd, p, () => `${p.person.name} (#${p.person.id}) has ${what}.${reports}`);
        throw new RapportError('precondition', 'Nothing was removed: run again with --yes to remove them.', {
          needs: 'confirmation',
        });
      }
      emit(cmd, p, () => `Removed ${p.person.name} (#${p.person.id}) with ${what}.${reports}`);
    });

  withFilterFlags(program.command('people'))
    .description('list everyone (short for `person list`)')
    .option('--json', 'print JSON')
    .option('--sort <key>', 'name (default) or importance')
    .option('--limit <n>', 'show the first n people (default 50 on a terminal, all when piped)')
    .addHelpText(
      'after',
      examples(
        'rapport people',
        'rapport people --sort importance --json',
        'rapport people --direction up --tier none',
        'rapport people --department Finance --category stakeholder',
      ),
    )
    .action((_o: unknown, cmd: Command) => list(cmd));

  program
    .command('me [person]')
    .description('say which person is you (for up/down/left/right); without a person, show who')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport me "Alex Kim"', 'rapport me --json'))
    .action(async (ref: string | undefined, _o: unknown, cmd: Command) => {
      const me = await withRapport(cmd, (r) => (ref === undefined ? getMe(r) : setMe(r, { person: ref })));
      emit(cmd, me, () =>
        me === null
          ? 'Not set. Say who you are with `rapport me "Your Name"`.'
          : `${ref === undefined ? 'You are' : 'You are now'} ${me.name} (#${me.id}).`,
      );
    });
}
