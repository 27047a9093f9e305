import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasOwner, loadDemo, openServerStore, rapportFor, workspaceSummary } from '../app/index.js';
import { buildApp } from './app.js';
import { ConfigError, readServerConfig, type ServerConfig } from './config.js';
import { logMemoryEvery } from './memory-log.js';

// `rapport serve`: the API and the web app on one port. Bundled apart from the CLI
// (dist/server.mjs) so that the CLI's start-up does not pay for Fastify.

/** dist/web beside this bundle, or beside the compiled sources (dist/api/ → dist/web). */
function webRoot(): string | null {
  for (const rel of ['./web/', '../web/']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${path}index.html`)) return path;
  }
  return null;
}

export interface ServeFlags {
  host?: string;
  port?: string;
  db?: string;
  demo?: boolean;
}

/** Starts serving; resolves once listening, with a function that stops it cleanly. */
export async function runServer(flags: ServeFlags): Promise<{ url: string; stop: () => Promise<void> }> {
  let config: ServerConfig;
  try {
    config = readServerConfig(flags);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`rapport: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const store = await openServerStore(config.db);
  const now = () => new Date();
  // A brand-new database gets the sample organisation to explore (as `rapport start` does);
  // the first visit then creates the owner, who finds it in their workspace.
  if (config.demo && !(await hasOwner(store))) {
    const r = rapportFor(store, await store.workspaces.ensure('default', now().toISOString()), now);
    if ((await workspaceSummary(r)).people === 0) await loadDemo(r).catch(() => undefined);
  }
  const app = await buildApp({ store, config, webRoot: webRoot() });
  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await store.close();
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EADDRINUSE' ? 'the port is taken by another program' : err.message;
    process.stderr.write(`rapport: cannot listen on ${config.host}:${config.port}: ${why}.\n`);
    process.exit(1);
  }
  const url = `${address.replace('[::1]', 'localhost')}/`;
  process.stdout.write(
    `Rapport is serving at ${url} (database ${store.location}). Open it in a browser; Ctrl+C stops it.\n`,
  );
  const stopLog = config.memoryLogS > 0 ? logMemoryEvery(config.memoryLogS, store) : () => {};
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopLog();
    // In-flight requests finish, new ones are refused, then the database is closed.
    stopping ??= app.close().then(() => store.close());
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  return { url, stop };
}
