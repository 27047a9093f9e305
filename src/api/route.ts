import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod';
import type { Action, Principal, Rapport, Store } from '../app/index.js';

/**
 * Who may call a route: anybody (`public`), anybody signed in (`signed-in`), or a member whose
 * role allows the action in the workspace they are signed in to.
 */
export type Access = 'public' | 'signed-in' | Action;

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Null only on public routes. */
  principal: Principal;
  /** The caller's workspace as a use case receives it. */
  r: Rapport;
  store: Store;
  now: Date;
  request: FastifyRequest;
  reply: FastifyReply;
  /**
   * Writes the route's `activity` for this answer to the workspace's log. The route table calls
   * it when the handler returns; a streamed answer calls it itself when its work succeeds.
   */
  logActivity(result: unknown): Promise<void>;
}

/**
 * One endpoint: its method and path under /api/v1, who may call it, its zod schemas (the same
 * ones the use cases parse with; Fastify validates with them and the OpenAPI document is made
 * from them), and a handler that calls one use case. Routes hold no logic of their own.
 */
export interface RouteDef<B = unknown, Q = unknown, P = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tag: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** HTTP status of a success (200 unless said). */
  status?: number;
  /**
   * What a success answers, for the OpenAPI document (the use case's contract schema). The
   * authorization matrix test checks every real answer against it.
   */
  result?: z.ZodType;
  /**
   * A route that can also answer as a stream of JSON lines (`Accept: application/x-ndjson`):
   * the schema of one line, for the OpenAPI document. Its handler sends that stream itself and
   * returns ANSWERED; it then calls `logActivity` when the work succeeds.
   */
  streamLine?: z.ZodType;
  /**
   * What a successful call did, for the workspace's activity log ("changed a person"); the
   * target is the id it named or created. Routes without it (reads, private notes) are not logged;
   * a function says from the answer, null when the call changed nothing (a preview).
   */
  activity?: string | ((result: unknown) => string | null);
  /** A valid body for the authorization matrix test (a route that writes needs one). */
  sample?: Record<string, unknown>;
  handler(ctx: RouteContext<B, Q, P>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds routes of every input type
export type AnyRoute = RouteDef<any, any, any>;

/**
 * What a handler returns when it has sent its answer itself (a stream). Not the reply: a reply
 * is thenable, so awaiting it would wait for the whole stream and lose the sign.
 */
export const ANSWERED: unique symbol = Symbol('answered');

/** What the activity log says a successful call did, if anything. */
export const activityOf = (def: AnyRoute, result: unknown): string | null =>
  typeof def.activity === 'function' ? def.activity(result) : (def.activity ?? null);

export const route = <B = unknown, Q = unknown, P = unknown>(def: RouteDef<B, Q, P>): RouteDef<B, Q, P> =>
  def;
