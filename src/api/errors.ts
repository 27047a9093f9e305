import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, isRapportError } from '../contract/index.js';

/** The one shape of every error the API answers: `{error: {code, message, details}}`. */
export function errorBody(code: string, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}

/**
 * Catalogued errors get their status; request validation is a 400 naming the field; anything a
 * client sends that Fastify refuses (bad JSON, too large, wrong content type) keeps its 4xx; the
 * rest is a 500 that says nothing of the internals (the log has them).
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorAnswer(error, request);
  if (body.error.code === 'rate_limited') {
    const retry = (body.error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
    if (retry) void reply.header('retry-after', String(retry));
  }
  return reply.code(status).send(body);
}

/**
 * The status and body an error answers with, also for an answer already under way (a streamed
 * import ends with it as its last line).
 */
export function errorAnswer(
  error: unknown,
  request: FastifyRequest,
): { status: number; body: ReturnType<typeof errorBody> } {
  if (isRapportError(error)) {
    const status = ERROR_CATALOGUE[error.code].httpStatus;
    return { status, body: errorBody(error.code, error.message, error.details ?? null) };
  }
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const first = fe.validation[0]!;
    const where = fe.validationContext ?? 'body';
    const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path || (first.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || where;
    return {
      status: 400,
      body: errorBody(
        'validation',
        first.message?.startsWith(field) ? first.message : `${field}: ${first.message}`,
        {
          field,
          in: where,
          issues: fe.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      ),
    };
  }
  const status = fe?.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
    return { status, body: errorBody(code, String(fe.message).replace(/^FST_\w+: /, ''), null) };
  }
  request.log.error({ err: error }, 'unexpected error');
  return {
    status: 500,
    body: errorBody('internal', 'Something went wrong on the server; it has been logged.'),
  };
}
