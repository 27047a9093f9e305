import type { Session } from './types';

const KEY = 'rapport:session';

/**
 * Who was signed in on this browser last time, so a visit draws the shell and starts the page's
 * own requests while the session request is still on its way, instead of after it (one round
 * trip and a render earlier; bench/web-pages.ts). Only a hint: the server decides on every
 * request, and a session that has ended shows the sign-in page as soon as it answers 401.
 * Forgotten on sign-out.
 */
export function rememberedSession(): Session | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSession(session: Session | null): void {
  try {
    if (session) globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode, quota): the app works without the hint.
  }
}
