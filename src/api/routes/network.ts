import * as z from 'zod';
import { coalition, getMe, influence, influencePaths, networkDrawing } from '../../app/index.js';
import { InfluenceInput, InfluenceReport, NetworkDrawing, RapportError } from '../../contract/index.js';
import { IdParams, idParam } from '../params.js';
import { type AnyRoute, route } from '../route.js';

export const networkRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/influence',
    result: InfluenceReport,
    access: 'read',
    tag: 'network',
    summary: 'influence rank, brokers, hidden influencers, gatekeepers and clusters',
    query: z.object({ top: z.coerce.number().int().min(1).max(1000).optional() }),
    handler: (ctx) => influence(ctx.r, InfluenceInput.parse({ top: ctx.query.top })),
  }),
  route({
    method: 'GET',
    url: '/network',
    result: NetworkDrawing,
    access: 'read',
    tag: 'network',
    summary:
      'the influence network to draw: people with their influence, roles, department, community and (initiative=ID) their stance on it, and the ties',
    query: z.object({ initiative: idParam('initiative').optional() }),
    handler: (ctx) => networkDrawing(ctx.r, { initiative: ctx.query.initiative }),
  }),
  route({
    method: 'GET',
    url: '/paths',
    access: 'read',
    tag: 'network',
    summary: 'the strongest influence path from you to a person (to=ID)',
    query: z.object({ to: idParam('to'), from: idParam('from').optional() }),
    handler: async (ctx) => {
      const from = ctx.query.from ?? (await getMe(ctx.r))?.id;
      if (from === undefined)
        throw new RapportError('precondition', 'Say which person is you first (on your own page).', {
          needs: 'me',
        });
      const paths = await influencePaths(ctx.r, { from, to: ctx.query.to, k: 1 });
      return paths[0] ?? null;
    },
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id/coalition',
    access: 'read',
    tag: 'network',
    summary: 'for each person to convert, the strongest path from a champion or ally',
    params: IdParams,
    handler: (ctx) => coalition(ctx.r, { initiative: ctx.params.id }),
  }),
];
