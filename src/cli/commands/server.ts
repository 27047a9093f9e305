import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  addMember,
  addUser,
  createToken,
  listMembers,
  type Principal,
  removeMember,
} from '../../app/accounts/index.js';
import type { Rapport } from '../../app/core/index.js';
import type { AddMemberInput } from '../../contract/accounts.js';
import { RapportError } from '../../contract/errors.js';
import { emit, withRapport } from '../context.js';
import { examples } from '../format.js';

/** The server bundle sits beside the CLI's (dist/server.mjs); loaded only for `serve`. */
async function loadServer(): Promise<{ runServer(flags: Record<string, unknown>): Promise<unknown> }> {
  const candidates = ['./server.mjs', '../../server.mjs'].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((u) => existsSync(u));
  if (!found)
    throw new RapportError('precondition', 'The server is not built yet: run `npm run build` first.');
  // The CLI bundle runs as a script compiled from V8's code cache, where import() has no loader:
  // bin/rapport.cjs lends its own. From tsc's output (tests, tools), import() works as it is.
  const load = (globalThis as { rapportImport?: (url: string) => Promise<unknown> }).rapportImport;
  return (load ? load(found.href) : import(found.href)) as ReturnType<typeof loadServer>;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new RapportError(
      'validation',
      'Type the password into standard input, e.g. `echo "…" | rapport user add …`.',
      {
        field: 'password',
      },
    );
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the REST API (default http://127.0.0.1:4780)')
    .option('--host <host>', 'interface to listen on (default $RAPPORT_HOST, else 127.0.0.1)')
    .option('--port <port>', 'port (default $RAPPORT_PORT, else 4780; 0 picks a free one)')
    .option('--no-demo', 'do not load the sample organisation into a brand-new database')
    .addHelpText(
      'after',
      examples('rapport serve', 'rapport serve --port 8080 --db postgres://localhost/rapport'),
    )
    .action(async (o: { host?: string; port?: string; demo: boolean }, cmd: Command) => {
      const { runServer } = await loadServer();
      const db = (cmd.optsWithGlobals() as { db?: string }).db;
      await runServer({ host: o.host, port: o.port, db, demo: o.demo });
      // Keep running until a signal stops the server.
      await new Promise(() => {});
    });

  const user = program.command('user').description('accounts of `rapport serve`');
  user
    .command('add <email>')
    .description('create a user with a personal workspace (the first user owns the instance and its data)')
    .option('--name <name>', 'how they are called (default the part of the email before @)')
    .option('--owner', 'make them an owner of the instance')
    .option('--password-stdin', 'read the password from standard input (required)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('echo "a long passphrase" | rapport user add ada@example.com --owner --password-stdin'),
    )
    .action(
      async (email: string, o: { name?: string; owner?: boolean; passwordStdin?: boolean }, cmd: Command) => {
        if (!o.passwordStdin)
          throw new RapportError('validation', 'Give the password on standard input with --password-stdin.', {
            field: 'password',
          });
        const password = await readStdin();
        const u = await withRapport(cmd, (r) =>
          addUser(r.store, { email, name: o.name, password, owner: o.owner ?? false }, r.now()),
        );
        emit(
          cmd,
          u,
          () =>
            `Created ${u.owner ? 'the owner ' : 'user '}${u.email} (#${u.id}) with workspace #${u.workspaceId}.`,
        );
      },
    );

  const token = program.command('token').description('API tokens for scripts');
  token
    .command('create <name>')
    .description('create an API token for a user (default the owner); shown once')
    .option('--as <email>', 'the user the token acts as')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport token create "nightly sync" --as ada@example.com'))
    .action(async (name: string, o: { as?: string }, cmd: Command) => {
      const t = await withRapport(cmd, async (r) => {
        const found = o.as ? await r.store.accounts.userByEmail(o.as.trim().toLowerCase()) : null;
        if (o.as && !found)
          throw new RapportError('not_found', `No user matches "${o.as}".`, { what: 'user' });
        const owner = found ?? (await r.store.accounts.user(1));
        if (!owner)
          throw new RapportError(
            'precondition',
            'There is no user yet: create one with `rapport user add`.',
            {
              needs: 'user',
            },
          );
        const ws = owner.personalWorkspaceId ?? r.ws;
        const role = (await r.store.accounts.role(ws, owner.id)) ?? 'viewer';
        return createToken(r.store, { userId: owner.id, ws, role }, { name }, r.now());
      });
      emit(
        cmd,
        t,
        () =>
          `${t.token}\n(API token "${t.name}"; it is shown only this once. Send it as Authorization: Bearer.)`,
      );
    });

  registerMembers(program);
}

/**
 * The CLI acts as one member (the owner by default, `--as EMAIL`): as the API would for them,
 * with their role in the workspace. A database with no account has no members to manage.
 */
async function principal(r: Rapport): Promise<Principal> {
  const role = r.store.member === 0 ? null : await r.store.accounts.role(r.ws, r.store.member);
  if (!role)
    throw new RapportError(
      'precondition',
      'This workspace has no accounts yet: create the owner first with `rapport user add --owner`.',
      { needs: 'owner' },
    );
  return { userId: r.store.member, ws: r.ws, role };
}

function registerMembers(program: Command): void {
  const member = program
    .command('member')
    .description("the workspace's members and their roles (owner, editor, viewer)");
  member
    .command('list')
    .description('who is a member of the workspace, with their role')
    .option('--json', 'print JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const members = await withRapport(cmd, async (r) => listMembers(r.store, await principal(r)));
      emit(cmd, members, () => members.map((m) => `${m.name} <${m.email}>: ${m.role}`).join('\n'));
    });
  member
    .command('add <email>')
    .description(
      'give a user (`rapport user add`) a role in the workspace, or change their role (owners only)',
    )
    .option('--role <role>', 'owner, editor (reads and writes) or viewer (reads)', 'editor')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport member add teo@example.com --role viewer'))
    .action(async (email: string, o: { role: string }, cmd: Command) => {
      const m = await withRapport(cmd, async (r) => {
        return addMember(
          r.store,
          await principal(r),
          { email, role: o.role as AddMemberInput['role'] },
          r.now(),
        );
      });
      const article = m.role === 'viewer' ? 'a' : 'an';
      emit(cmd, m, () => `${m.name} <${m.email}> is now ${article} ${m.role} of the workspace.`);
    });
  member
    .command('remove <email>')
    .description('take a member out of the workspace (owners only; the last owner stays)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('rapport member remove teo@example.com'))
    .action(async (email: string, _o: unknown, cmd: Command) => {
      const m = await withRapport(cmd, async (r) => {
        const p = await principal(r);
        const user = await r.store.accounts.userByEmail(email.trim().toLowerCase());
        if (!user) throw new RapportError('not_found', `No member matches "${email}".`, { what: 'member' });
        return removeMember(r.store, p, user.id);
      });
      emit(cmd, m, () => `${m.name} <${m.email}> is no longer a member of the workspace.`);
    });
}
