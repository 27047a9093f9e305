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
  if (isRapportError(error)) {
    const status = ERROR_CATALOGUE[error.code].httpStatus;
    if (error.code === 'rate_limited') {
      const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) void reply.header('retry-after', String(retry));
    }
    return reply.code(status).send(errorBody(error.code, error.message, error.details ?? null));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]!;
    const where = error.validationContext ?? 'body';
    const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path || (first.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || where;
    return reply.code(400).send(
      errorBody(
        'validation',
        first.message?.startsWith(field) ? first.message : `${field}: ${first.message}`,
        {
          field,
          in: where,
          issues: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      ),
    );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
    return reply.code(status).send(errorBody(code, error.message.replace(/^FST_\w+: /, ''), null));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .code(500)
    .send(errorBody('internal', 'Something went wrong on the server; it has been logged.'));
}
