import type { FastifyRequest } from 'fastify';
import { can, type Principal, type Store, sessionPrincipal, tokenPrincipal } from '../app/index.js';
import { RapportError } from '../contract/index.js';
import type { Access } from './route.js';
import { SESSION_COOKIE } from './routes/accounts.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write with a session cookie must come from this site: browsers send Origin (or at least
 * Referer) on cross-site requests, and SameSite=Lax keeps the cookie off most of them anyway.
 */
function checkOrigin(request: FastifyRequest): void {
  if (SAFE.has(request.method)) return;
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return;
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host)
    throw new RapportError('forbidden', 'This request came from another site; it was refused.', {
      csrf: true,
    });
}

/** The caller, from a Bearer token or the session cookie; null when neither is valid. */
export async function principalOf(
  request: FastifyRequest,
  store: Store,
  now: Date,
): Promise<Principal | null> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return tokenPrincipal(store, auth.slice(7).trim());
  const session = request.cookies[SESSION_COOKIE];
  if (!session) return null;
  const p = await sessionPrincipal(store, session, now);
  if (p) checkOrigin(request);
  return p;
}

/** Refuses the request unless the caller may take this route's action in their workspace. */
export function authorize(access: Access, principal: Principal | null): void {
  if (access === 'public') return;
  if (!principal) throw new RapportError('unauthenticated', 'Sign in first.');
  if (access === 'signed-in') return;
  if (!can(principal.role, access))
    throw new RapportError(
      'forbidden',
      `Your role in this workspace (${principal.role}) does not allow this; ask an owner${access === 'admin' ? '' : ' or an editor'}.`,
      { role: principal.role, needs: access },
    );
}
