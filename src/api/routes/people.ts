import * as z from 'zod';
import {
  addNote,
  addPerson,
  editPerson,
  getMe,
  listNotes,
  peopleListed,
  peopleNames,
  removePerson,
  setMe,
  showPerson,
} from '../../app/index.js';
import {
  AddPersonInput,
  EditPersonInput,
  NoteInput,
  PeopleFilterQuery,
  PeopleNamesResult,
  PersonDetail,
  PersonInput,
  PersonView,
} from '../../contract/index.js';
import { flag, IdParams } from '../params.js';
import { type AnyRoute, route } from '../route.js';

const PageQuery = z.object({
  /** Where the previous page ended (its `next`). */
  cursor: z.coerce.number({ error: 'cursor must be a number from a previous page' }).int().min(0).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 1000' })
    .int({ error: 'limit must be a whole number from 1 to 1000' })
    .min(1, { error: 'limit must be from 1 to 1000' })
    .max(1000, { error: 'limit must be from 1 to 1000' })
    .default(1000),
  q: z.string().max(200).optional(),
});

const BulkEdit = z.object({
  ids: z
    .array(z.number().int().positive())
    .min(1, { error: 'ids must list at least one person.' })
    .max(10_000),
  tier: AddPersonInput.shape.tier,
  category: AddPersonInput.shape.category,
});

export const peopleRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/me',
    result: PersonView.nullable(),
    access: 'read',
    tag: 'people',
    summary: 'who you are in the org chart (each member says for themselves), or null',
    handler: (ctx) => getMe(ctx.r),
  }),
  route({
    method: 'PUT',
    url: '/me',
    result: PersonView,
    // Any member, viewers too: it changes only the caller's own "me", nothing of the workspace.
    access: 'read',
    tag: 'people',
    summary: 'say who you are in the org chart (for up/down/left/right, attention, paths from you)',
    body: PersonInput,
    sample: { person: 1 },
    handler: (ctx) => setMe(ctx.r, ctx.body),
  }),
  route({
    method: 'GET',
    url: '/people',
    access: 'read',
    tag: 'people',
    summary:
      'everyone in the workspace, by name (or sort=importance: most important first, with the parts of the score), a page at a time ({items, next}); q filters by name; tier, category, department and direction (up, down, left, right, outside) narrow it',
    query: PageQuery.extend(PeopleFilterQuery.shape).extend({
      /** importance: most important first, each with the parts of the score (`people --sort importance`). */
      sort: z.enum(['name', 'importance'], { error: 'sort must be name or importance' }).default('name'),
    }),
    handler: async (ctx) => {
      const { tier, category, department, direction, sort } = ctx.query;
      const filter = { tier, category, department, direction };
      let all = await peopleListed(ctx.r, filter, sort);
      const q = ctx.query.q?.trim().toLowerCase();
      if (q) all = all.filter((p) => p.name.toLowerCase().includes(q));
      const start = ctx.query.cursor ?? 0;
      const items = all.slice(start, start + ctx.query.limit);
      const end = start + items.length;
      return { items, next: end < all.length ? end : null };
    },
  }),
  route({
    method: 'POST',
    url: '/people',
    activity: 'added a person',
    access: 'write',
    tag: 'people',
    summary: 'add a person',
    body: AddPersonInput,
    status: 201,
    sample: { name: 'Matrix Person' },
    handler: (ctx) => addPerson(ctx.r, ctx.body),
  }),
  route({
    method: 'POST',
    url: '/people/bulk',
    activity: 'changed tiers or categories',
    access: 'write',
    tag: 'people',
    summary: 'set the tier or category of several people at once',
    body: BulkEdit,
    sample: { ids: [1], tier: 'friend' },
    handler: async (ctx) => {
      const { ids, ...fields } = ctx.body;
      await ctx.r.store.transaction(async (tx) => {
        const r = { ...ctx.r, store: tx };
        for (const id of ids) await editPerson(r, { person: id, ...fields });
      });
      return { updated: ids.length };
    },
  }),
  route({
    method: 'GET',
    url: '/people/names',
    result: PeopleNamesResult,
    access: 'read',
    tag: 'people',
    summary:
      'the names of the people with these ids (ids=1,2,3; up to 1000), to link the people a reason names',
    query: z.object({
      ids: z
        .string()
        .regex(/^\d+(,\d+)*$/, { error: 'ids must be person ids separated by commas, e.g. ids=4,17' })
        .optional(),
    }),
    handler: (ctx) =>
      peopleNames(ctx.r, { ids: (ctx.query.ids ?? '').split(',').filter(Boolean).map(Number) }),
  }),
  route({
    method: 'GET',
    url: '/people/:id',
    result: PersonDetail,
    access: 'read',
    tag: 'people',
    summary: 'one person: details, reports, ledger summary, current assessments',
    params: IdParams,
    handler: (ctx) => showPerson(ctx.r, { person: ctx.params.id }),
  }),
  route({
    method: 'PATCH',
    url: '/people/:id',
    activity: 'changed a person',
    access: 'write',
    tag: 'people',
    summary: 'change fields of a person',
    params: IdParams,
    body: EditPersonInput.omit({ person: true }),
    sample: { title: 'Matrix title' },
    handler: (ctx) => editPerson(ctx.r, { ...ctx.body, person: ctx.params.id }),
  }),
  route({
    method: 'DELETE',
    url: '/people/:id',
    activity: 'removed a person',
    access: 'write',
    tag: 'people',
    summary: 'remove a person and their history (preview=true answers what would go, removing nothing)',
    params: IdParams,
    query: z.object({ preview: flag.optional() }),
    handler: (ctx) => removePerson(ctx.r, { person: ctx.params.id, confirm: !ctx.query.preview }),
  }),
  route({
    method: 'GET',
    url: '/people/:id/notes',
    access: 'read',
    tag: 'people',
    summary: "notes on a person: your own and the shared ones (a teammate's private notes never)",
    params: IdParams,
    handler: (ctx) => listNotes(ctx.r, ctx.principal.userId, ctx.params.id),
  }),
  route({
    method: 'POST',
    url: '/people/:id/notes',
    access: 'write',
    tag: 'people',
    summary: 'write a note on a person, private unless shared',
    params: IdParams,
    body: NoteInput,
    status: 201,
    sample: { body: 'matrix note', shared: false },
    handler: (ctx) => addNote(ctx.r, ctx.principal.userId, ctx.params.id, ctx.body),
  }),
];
