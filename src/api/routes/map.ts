import * as z from 'zod';
import {
  addInitiative,
  assess,
  assessmentHistory,
  initiativeMap,
  listInitiatives,
  mapFile,
  removeAssessment,
  review,
  showInitiative,
} from '../../app/index.js';
import { AddInitiativeInput, AssessInput, MAP_FILE_FORMATS, MapView } from '../../contract/index.js';
import { flag, IdParams } from '../params.js';
import { type AnyRoute, route } from '../route.js';

export const mapRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/initiatives',
    access: 'read',
    tag: 'map',
    summary: 'the initiatives (archived ones too with all=true)',
    query: z.object({ all: flag.optional() }),
    handler: (ctx) => listInitiatives(ctx.r, { all: ctx.query.all }),
  }),
  route({
    method: 'POST',
    url: '/initiatives',
    activity: 'added an initiative',
    access: 'write',
    tag: 'map',
    summary: 'add an initiative',
    body: AddInitiativeInput,
    status: 201,
    sample: { name: 'Matrix initiative' },
    handler: (ctx) => addInitiative(ctx.r, ctx.body),
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id',
    access: 'read',
    tag: 'map',
    summary: 'one initiative with its current assessments',
    params: IdParams,
    handler: (ctx) => showInitiative(ctx.r, { initiative: ctx.params.id }),
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id/map',
    result: MapView,
    access: 'read',
    tag: 'map',
    summary: 'the stakeholder map, as it stands or as it stood at the end of a day (at=YYYY-MM-DD)',
    params: IdParams,
    query: z.object({ at: z.string().max(40).optional() }),
    handler: (ctx) => initiativeMap(ctx.r, { initiative: ctx.params.id, at: ctx.query.at || undefined }),
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id/map-file',
    access: 'read',
    tag: 'map',
    summary:
      'the stakeholder map as a file: an Excalidraw scene, an SVG or a PNG (format=excalidraw|svg|png)',
    params: IdParams,
    query: z.object({ format: z.enum(MAP_FILE_FORMATS), at: z.string().max(40).optional() }),
    handler: async (ctx) => {
      const file = await mapFile(ctx.r, {
        initiative: ctx.params.id,
        format: ctx.query.format,
        at: ctx.query.at || undefined,
      });
      ctx.reply.type(file.mediaType);
      ctx.reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return typeof file.content === 'string' ? file.content : Buffer.from(file.content);
    },
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id/assessments',
    access: 'read',
    tag: 'map',
    summary: 'every assessment ever made on the initiative, oldest first (the trails)',
    params: IdParams,
    handler: (ctx) => assessmentHistory(ctx.r, { initiative: ctx.params.id }),
  }),
  route({
    method: 'POST',
    url: '/assessments',
    activity: 'assessed a person',
    access: 'write',
    tag: 'map',
    summary: "a new point on a person's place on an initiative's map (history is kept)",
    body: AssessInput,
    status: 201,
    sample: { person: 1, initiative: 1, influence: 50, stance: 10 },
    handler: (ctx) => assess(ctx.r, ctx.body),
  }),
  route({
    method: 'GET',
    url: '/review',
    access: 'read',
    tag: 'map',
    summary: 'per active initiative: stale assessments, people never assessed, falling stances',
    handler: (ctx) => review(ctx.r),
  }),
  route({
    method: 'DELETE',
    url: '/assessments/:id',
    activity: 'took back an assessment',
    access: 'write',
    tag: 'map',
    summary: 'take back an assessment (the map shows the one before it again)',
    params: IdParams,
    handler: (ctx) => removeAssessment(ctx.r, { id: ctx.params.id }),
  }),
];
