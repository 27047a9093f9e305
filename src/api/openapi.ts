import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type Transform = typeof jsonSchemaTransform;

/** Where a route hands the OpenAPI transform its result schema (see app.ts). */
export const RESULT_KEY = 'x-rapport-result';
type Json = Record<string, unknown>;

/** `{error: {code, message, details}}`: what every 4xx answer holds (errors.ts). */
const ERROR_RESPONSE = {
  description: 'The request was refused: the code says why, the message says what to change.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', description: 'stable, e.g. validation, not-found, unauthorized' },
              message: { type: 'string' },
              details: { description: 'what was wrong and where, when known' },
            },
          },
        },
      },
    },
  },
};

/**
 * A schema as the document should read it. zod inputs that also take a Date (dates) become an
 * `anyOf` of one JSON schema, since a Date has none: that one schema is what a client sends.
 */
export function tidySchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidySchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = tidySchema(v);
  const any = out.anyOf;
  if (Array.isArray(any) && any.length === 1 && typeof any[0] === 'object') {
    const { anyOf: _one, ...rest } = out;
    return { ...(any[0] as Json), ...rest };
  }
  return out;
}

/**
 * The route schemas as OpenAPI shows them: zod's JSON schemas tidied, and the error answer
 * documented on every operation (any of them can refuse a request). Only the document changes:
 * requests are still validated by zod itself.
 */
export const openApiTransform: Transform = (input) => {
  const { [RESULT_KEY]: result, ...routeSchema } = (input.schema ?? {}) as Json & {
    [RESULT_KEY]?: { status: number; schema?: unknown; streamLine?: unknown };
  };
  // A route that can stream documents both answers, told apart by the Accept header.
  const answer =
    result?.streamLine !== undefined
      ? {
          description: 'Done. Sent as JSON lines (progress first, the answer last) when asked for.',
          content: {
            'application/json': { schema: result.schema },
            'application/x-ndjson': { schema: result.streamLine },
          },
        }
      : result?.schema;
  const withResult =
    answer !== undefined ? { ...routeSchema, response: { [result!.status]: answer } } : routeSchema;
  const { schema, url } = jsonSchemaTransform({ ...input, schema: withResult as typeof input.schema });
  const tidy = tidySchema(schema) as Json;
  if (!(tidy as { hide?: boolean }).hide) {
    const status = String(result?.status ?? 200);
    const documented = (tidy.response as Json | undefined) ?? {};
    const success =
      documented[status] ??
      (status === '204'
        ? { description: 'Done; nothing to return.' }
        : { description: 'Done.', content: { 'application/json': { schema: {} } } });
    tidy.response = { ...documented, [status]: success, '4XX': ERROR_RESPONSE };
  }
  return { schema: tidy as typeof schema, url };
};
