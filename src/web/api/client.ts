// The one way the web app reaches the server: JSON over /api/v1 with the session cookie, and the
// API's error shape ({error: {code, message, details}}) turned into an ApiError to show.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

export const API = '/api/v1';

type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${API}${path}${qs ? `?${qs}` : ''}`;
}

/** The API's error shape turned into an ApiError; any other answer, into one of our own words. */
export function apiError(status: number, statusText: string, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.message)
      return new ApiError(status, body.error.code ?? 'error', body.error.message, body.error.details);
  } catch {
    // not JSON: fall through to a message of our own
  }
  const message =
    status === 404
      ? 'The server does not know this address yet (404).'
      : `The server answered ${status} ${statusText}.`;
  return new ApiError(status, 'http', message);
}

const errorOf = async (res: Response): Promise<ApiError> =>
  apiError(res.status, res.statusText, await res.text().catch(() => ''));

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(url(path, query), init);
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
export const post = <T>(path: string, body?: unknown, query?: Query) =>
  request<T>('POST', path, body ?? {}, query);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);
