import * as z from 'zod';

// The server's settings, read once at start from RAPPORT_* variables and the command line
// (flags win), validated together so a bad value stops the start with one clear line.

const port = z.coerce
  .number({ error: 'must be a port number from 0 to 65535' })
  .int({ error: 'must be a whole port number from 0 to 65535' })
  .min(0, { error: 'must be from 0 to 65535' })
  .max(65535, { error: 'must be from 0 to 65535' });

const ServerConfig = z.object({
  host: z.string().trim().min(1, { error: 'must name an interface, e.g. 127.0.0.1' }).default('127.0.0.1'),
  port: port.default(4780),
  db: z.string().trim().min(1, { error: 'must be a file path or a postgres:// URL' }).default('./rapport.db'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Cookies marked Secure: on when the server sits behind HTTPS (a proxy that terminates TLS). */
  secureCookies: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  /** Load the sample organisation into an empty database on first start. */
  demo: z.boolean().default(true),
  /** Request bodies larger than this many megabytes are refused (uploads have their own limit). */
  bodyLimitMb: z.coerce.number({ error: 'must be a number of megabytes' }).positive().max(1024).default(1),
  uploadLimitMb: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .positive()
    .max(4096)
    .default(200),
  /**
   * Every this many seconds, one line on stderr with the process's memory and its caches' sizes
   * (0: never). For soak benchmarks, which read it from outside: see bench/api.ts.
   */
  memoryLogS: z.coerce.number({ error: 'must be a number of seconds' }).min(0).max(86_400).default(0),
});
export type ServerConfig = z.output<typeof ServerConfig>;

const ENV_OF: Record<string, string> = {
  host: 'RAPPORT_HOST',
  port: 'RAPPORT_PORT',
  db: 'RAPPORT_DB',
  logLevel: 'RAPPORT_LOG_LEVEL',
  secureCookies: 'RAPPORT_SECURE_COOKIES',
  bodyLimitMb: 'RAPPORT_BODY_LIMIT_MB',
  uploadLimitMb: 'RAPPORT_UPLOAD_LIMIT_MB',
  memoryLogS: 'RAPPORT_MEMORY_LOG_S',
};

export class ConfigError extends Error {}

/** The settings from the environment and the flags, or a ConfigError naming the bad one. */
export function readServerConfig(flags: Partial<Record<keyof ServerConfig, unknown>>): ServerConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_OF)) {
    const v = process.env[name];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  for (const [key, v] of Object.entries(flags)) if (v !== undefined) raw[key] = v;
  const parsed = ServerConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? 'setting');
  const from =
    flags[key as keyof ServerConfig] !== undefined
      ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
      : (ENV_OF[key] ?? key);
  throw new ConfigError(`${from} ${issue.message}; got ${JSON.stringify(raw[key])}.`);
}
