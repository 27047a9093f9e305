import * as z from 'zod';
import {
  calendarFeedPrincipal,
  createCalendarFeed,
  exportWorkspace,
  importFile,
  listSettings,
  rapportFor,
  remindersFeed,
  setSetting,
} from '../../app/index.js';
import {
  ExportInput,
  ImportAnswer,
  ImportInput,
  ImportStreamLine,
  RapportError,
} from '../../contract/index.js';
import { importAnswer, receiveUpload } from '../import-upload.js';
import { answerAsJsonLines, wantsJsonLines } from '../json-lines.js';
import { flag } from '../params.js';
import { type AnyRoute, route } from '../route.js';

type Settings = Awaited<ReturnType<typeof listSettings>>;

/** The settings the web app edits, from the registry's flat keys. */
function settingsView(list: Settings) {
  const n = (key: string) => Number(list.find((s) => s.key === key)?.value);
  return {
    cadences: {
      partner: n('cadence.partner'),
      friend: n('cadence.friend'),
      acquaintance: n('cadence.acquaintance'),
    },
    halfLifeDays: n('balance.halfLifeDays'),
    thresholds: { influence: n('map.influence'), stance: n('map.stance'), staleDays: n('review.staleDays') },
    all: list,
  };
}

const SettingsPatch = z.object({
  cadences: z
    .object({
      partner: z.number().optional(),
      friend: z.number().optional(),
      acquaintance: z.number().optional(),
    })
    .optional(),
  halfLifeDays: z.number().optional(),
  thresholds: z
    .object({
      influence: z.number().optional(),
      stance: z.number().optional(),
      staleDays: z.number().optional(),
    })
    .optional(),
});

const KEY_OF: [string[], string][] = [
  [['cadences', 'partner'], 'cadence.partner'],
  [['cadences', 'friend'], 'cadence.friend'],
  [['cadences', 'acquaintance'], 'cadence.acquaintance'],
  [['halfLifeDays'], 'balance.halfLifeDays'],
  [['thresholds', 'influence'], 'map.influence'],
  [['thresholds', 'stance'], 'map.stance'],
  [['thresholds', 'staleDays'], 'review.staleDays'],
];

export const workspaceRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/settings',
    access: 'read',
    tag: 'workspace',
    summary: 'the settings: cadences, half-life, thresholds (and every key under all)',
    handler: async (ctx) => settingsView(await listSettings(ctx.r)),
  }),
  route({
    method: 'PATCH',
    url: '/settings',
    activity: 'changed settings',
    access: 'write',
    tag: 'workspace',
    summary: 'change settings; each value is checked by the settings registry',
    body: SettingsPatch,
    sample: { halfLifeDays: 120 },
    handler: async (ctx) => {
      const body = ctx.body as Record<string, Record<string, number> | number | undefined>;
      await ctx.r.store.transaction(async (tx) => {
        const r = { ...ctx.r, store: tx };
        for (const [path, key] of KEY_OF) {
          const v =
            path.length === 1
              ? body[path[0]!]
              : (body[path[0]!] as Record<string, number> | undefined)?.[path[1]!];
          if (typeof v === 'number') await setSetting(r, { key, value: v });
        }
      });
      return settingsView(await listSettings(ctx.r));
    },
  }),
  route({
    method: 'POST',
    url: '/imports',
    // A preview writes nothing, so it is nothing the team's log should show.
    activity: (answer) => ((answer as ImportAnswer).dryRun ? null : 'imported a file'),
    access: 'write',
    tag: 'transfer',
    summary:
      'upload a file (multipart field "file"): org chart or contacts CSV, LinkedIn, vCard, iCalendar, ties or a backup; dryRun=true previews what would be created, matched and skipped. With Accept: application/x-ndjson the answer is a stream of JSON lines: progress while the file is read, then the answer (or the error) as the last line',
    query: z.object({
      dryRun: flag.optional(),
      skipInvalid: flag.optional(),
      /** People files: the category of the people the file adds (else the import.* company lists). */
      category: ImportInput.shape.category,
    }),
    status: 200,
    result: ImportAnswer,
    streamLine: ImportStreamLine,
    handler: async (ctx) => {
      const upload = await receiveUpload(ctx.request);
      const input: ImportInput = {
        path: upload.path,
        dryRun: ctx.query.dryRun ?? false,
        skipInvalid: ctx.query.skipInvalid ?? false,
        ...(ctx.query.category !== undefined ? { category: ctx.query.category } : {}),
      };
      if (wantsJsonLines(ctx.request))
        return answerAsJsonLines(
          ctx.request,
          ctx.reply,
          { records: 0, bytes: 0, totalBytes: upload.bytes },
          async (report) =>
            importAnswer(
              await importFile(ctx.r, input, {
                onProgress: (records, bytes, totalBytes) => report({ records, bytes, totalBytes }),
              }),
            ),
          ctx.logActivity,
          upload.remove,
        );
      try {
        return importAnswer(await importFile(ctx.r, input));
      } finally {
        upload.remove();
      }
    },
  }),
  route({
    method: 'GET',
    url: '/export',
    access: 'read',
    tag: 'transfer',
    summary: 'the workspace as a JSON backup, a CSV of one table, or vCards',
    query: ExportInput.unwrap().partial(),
    handler: async (ctx) => {
      const text = await exportWorkspace(ctx.r, ctx.query);
      const format = ctx.query.format ?? 'json';
      ctx.reply.type(format === 'json' ? 'application/json' : format === 'csv' ? 'text/csv' : 'text/vcard');
      return text;
    },
  }),
  route({
    method: 'GET',
    url: '/reminders.ics',
    access: 'read',
    tag: 'transfer',
    summary: 'nurture due dates, plan steps and stale reviews as an iCalendar feed',
    handler: async (ctx) => {
      ctx.reply.type('text/calendar');
      return remindersFeed(ctx.r, { format: 'ics' });
    },
  }),
  route({
    method: 'POST',
    url: '/calendar-feed',
    access: 'read',
    tag: 'transfer',
    status: 201,
    summary:
      'a secret URL of your reminders for a calendar app to subscribe to (shown once; listed and revoked under tokens)',
    handler: (ctx) => createCalendarFeed(ctx.store, ctx.principal, ctx.now),
  }),
  route({
    method: 'GET',
    url: '/calendar/:token',
    access: 'public',
    tag: 'transfer',
    params: z.object({ token: z.string().max(200) }),
    summary: 'the reminders feed a calendar app subscribes to; the secret in the URL is its only key',
    handler: async (ctx) => {
      const owner = await calendarFeedPrincipal(ctx.store, ctx.params.token);
      // The same answer for a wrong, revoked or malformed secret: nothing to learn by guessing.
      if (!owner)
        throw new RapportError('not_found', 'No calendar feed at this address.', { what: 'calendar feed' });
      ctx.reply.type('text/calendar');
      return remindersFeed(
        rapportFor(ctx.store, owner.ws, () => ctx.now, owner.userId),
        { format: 'ics' },
      );
    },
  }),
];
