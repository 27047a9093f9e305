import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { activityTarget, type Principal, rapportFor, recordActivity, type Store } from '../app/index.js';
import { authorize, principalOf } from './auth.js';
import type { ServerConfig } from './config.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs.js';
import { errorBody, handleError } from './errors.js';
import { openApiTransform, RESULT_KEY } from './openapi.js';
import { ANSWERED, type AnyRoute, activityOf } from './route.js';
import { ROUTES } from './routes/index.js';
import { securityHeaders } from './security-headers.js';
import { preloadLinks } from './web-preloads.js';

declare module 'fastify' {
  interface FastifyInstance {
    rapportConfig: ServerConfig;
  }
}

/**
 * The build names every asset by its content, so a browser may keep one for good and a new build
 * never meets an old copy; index.html, which names them, is asked again on every visit.
 */
export const cacheControlFor = (path: string): string =>
  /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

export interface AppOptions {
  store: Store;
  config: ServerConfig;
  /** The built web app (dist/web); served with index.html for every other path when present. */
  webRoot?: string | null;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Extra routes (tests only). */
  routes?: AnyRoute[];
}

export const API_PREFIX = '/api/v1';

/**
 * The strict policy the web app is built for: nothing inline, nothing from elsewhere. The
 * network view draws with WebGL and exports PNG through a blob: URL.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  upgradeInsecureRequests: null,
};

/** The server as a Fastify instance, not yet listening: `inject()` in tests, `listen()` to serve. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { store, config } = opts;
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Never a secret or a note in the log: no bodies, no cookies, no tokens.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    bodyLimit: Math.round(config.bodyLimitMb * 1024 * 1024),
    trustProxy: config.secureCookies,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('rapportConfig', config);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  const headers = await securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
  });
  const names = Object.keys(headers);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const name of names) reply.raw.setHeader(name, headers[name]!);
    done();
  });
  await app.register(multipart, {
    limits: { fileSize: Math.round(config.uploadLimitMb * 1024 * 1024), files: 1 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1',
        description:
          'Map, nurture and grow work relationships. Sign in with POST /api/v1/session (a cookie) or send an API token as Authorization: Bearer. Errors are {error: {code, message, details}}.',
        license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: openApiTransform,
  });

  const principals = new WeakMap<object, Principal | null>();
  for (const def of [...ROUTES, ...(opts.routes ?? [])]) {
    app.route({
      method: def.method,
      url: `${API_PREFIX}${def.url}`,
      schema: {
        summary: def.summary,
        tags: [def.tag],
        operationId: `${def.method.toLowerCase()}${def.url.replace(/[/:.]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
        ...(def.access === 'public' ? { security: [] } : { security: [{ session: [] }, { token: [] }] }),
        ...(def.body ? { body: def.body } : {}),
        ...(def.query ? { querystring: def.query } : {}),
        ...(def.params ? { params: def.params } : {}),
        // Read by the OpenAPI transform only: answers are the use cases' own, not re-serialised.
        [RESULT_KEY]: { status: def.status ?? 200, schema: def.result, streamLine: def.streamLine },
      },
      // Who is asking is settled before the body is even read: a signed-out or unauthorised
      // caller hears 401/403, not what was wrong with their input.
      onRequest: async (request) => {
        const principal = await principalOf(request, store, now());
        authorize(def.access, principal);
        principals.set(request, principal);
      },
      handler: async (request, reply) => {
        const at = now();
        const principal = principals.get(request) ?? null;
        const logActivity = async (result: unknown) => {
          const action = activityOf(def, result);
          if (action && principal)
            await recordActivity(store, principal, action, activityTarget(request.params, result), at);
        };
        const result = await def.handler({
          body: request.body,
          query: request.query,
          params: request.params,
          principal: principal!,
          r: rapportFor(store, principal?.ws ?? 0, now, principal?.userId, principal?.state),
          store,
          now: at,
          request,
          reply,
          logActivity,
        });
        // A streamed answer is already on its way and logs its activity when it ends.
        if (result === ANSWERED) return reply;
        await logActivity(result);
        if (result === undefined || result === null) {
          if (def.status === 204) return reply.code(204).send();
          return reply.code(def.status ?? 200).send(result ?? null);
        }
        return reply.code(def.status ?? 200).send(result);
      },
    });
  }

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await store.accounts.countUsers();
      return { ok: true, database: store.dialect };
    } catch {
      return reply.code(503).send(errorBody('database', 'The database cannot be reached.'));
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html').send(DOCS_HTML),
  );
  app.get('/api/docs.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css').send(DOCS_CSS),
  );
  app.get('/api/docs.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript').send(DOCS_JS),
  );

  const web = opts.webRoot && existsSync(join(opts.webRoot, 'index.html')) ? opts.webRoot : null;
  if (web)
    await app.register(fastifyStatic, {
      root: web,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (scripts/compress-web.mjs).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(path));
      },
    });
  if (web)
    app.addHook('onRequest', async (request, reply) => {
      const links = request.method === 'GET' ? preloadLinks(request.url) : null;
      if (links && (await principalOf(request, store, now()))) reply.header('link', links);
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !web || (request.method !== 'GET' && request.method !== 'HEAD'))
      return reply
        .code(404)
        .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
    // Bookmarked client routes (/people/12) load the app, which routes itself.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
