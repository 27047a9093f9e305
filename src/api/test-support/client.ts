import type { FastifyInstance } from 'fastify';
import { addMember, addUser, loadDemo, rapportFor, type Store } from '../../app/index.js';
import { buildApp } from '../app.js';
import type { ServerConfig } from '../config.js';

export const TEST_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 0,
  db: ':memory:',
  logLevel: 'silent',
  secureCookies: false,
  demo: false,
  bodyLimitMb: 1,
  uploadLimitMb: 10,
  memoryLogS: 0,
};

export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const PASSWORD = 'a long pass phrase for tests';

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  cookie: string | null;
  headers: Record<string, unknown>;
}

export interface Caller {
  cookie?: string | null;
  token?: string;
}

/** One API over a real store, called with inject(): what a browser or a script would send. */
export class TestApi {
  private constructor(
    readonly app: FastifyInstance,
    readonly store: Store,
  ) {}

  static async over(store: Store, now: () => Date = () => NOW): Promise<TestApi> {
    const app = await buildApp({ store, config: TEST_CONFIG, now });
    await app.ready();
    return new TestApi(app, store);
  }

  async call(method: string, url: string, as: Caller = {}, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (as.cookie) headers.cookie = `rapport_session=${as.cookie}`;
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.cookies.find((c) => c.name === 'rapport_session');
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = null;
    }
    return {
      status: res.statusCode,
      body: parsed,
      text: res.body,
      cookie: set?.value ?? null,
      headers: res.headers,
    };
  }

  /** The owner of a fresh instance, signed in, optionally with the sample organisation. */
  async owner(demo = false): Promise<{ cookie: string; ws: number }> {
    const r = await this.call(
      'POST',
      '/api/v1/setup',
      {},
      {
        name: 'Olivia Owner',
        email: 'olivia@example.com',
        password: PASSWORD,
        demo,
      },
    );
    if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${r.text}`);
    return { cookie: r.cookie!, ws: (r.body as { workspace: { id: number } }).workspace.id };
  }

  /** Another user with their own workspace, signed in. */
  async user(email: string, name = email.split('@')[0]): Promise<{ cookie: string; id: number; ws: number }> {
    const u = await addUser(this.store, { email, name, password: PASSWORD }, NOW);
    return { cookie: await this.signIn(email), id: u.id, ws: u.workspaceId };
  }

  /**
   * A new user the owner (user 1) adds to workspace `ws` as an editor, signed in and switched to
   * it: a teammate's session.
   */
  async teammate(ws: number, email: string, name?: string): Promise<string> {
    const { cookie } = await this.user(email, name);
    await addMember(this.store, { userId: 1, ws, role: 'owner' }, { email, role: 'editor' }, NOW);
    const r = await this.call('PUT', '/api/v1/session/workspace', { cookie }, { workspace: ws });
    if (r.status !== 200) throw new Error(`switching workspace failed: ${r.status} ${r.text}`);
    return cookie;
  }

  async signIn(email: string, password = PASSWORD): Promise<string> {
    const r = await this.call('POST', '/api/v1/session', {}, { email, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
    return r.cookie!;
  }

  /** Loads the sample organisation into a workspace (a user's own data to test against). */
  async demo(ws: number): Promise<void> {
    // As the workspace's owner: the sample's tiers, plans and "me" are theirs.
    const owner = await this.store.relationships.defaultMember(ws);
    await loadDemo(rapportFor(this.store, ws, () => NOW, owner));
  }

  /** An API over a fresh database of the dialect under test, with the cleanup of both. */
  static async fresh(
    fresh: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
  ): Promise<{ api: TestApi; cleanup(): Promise<void> }> {
    const f = await fresh();
    const api = await TestApi.over(f.store);
    return {
      api,
      cleanup: async () => {
        await api.close();
        await f.cleanup();
      },
    };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
