import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/**
 * The headers @fastify/helmet sets with these options, worked out once by the plugin itself on
 * a throwaway instance. The plugin rebuilds helmet's middleware (parsing the whole policy) on
 * every request, though the headers never differ between requests: that was a few per cent of a
 * cached API answer's CPU (BENCHMARKS.md, the API under load).
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify();
    if (withHelmet) await probe.register(helmet, options);
    probe.get('/', async () => 'probe');
    const res = await probe.inject('/');
    await probe.close();
    return res.headers;
  };
  const [bare, secured] = await Promise.all([answer(false), answer(true)]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(secured))
    if (!(name in bare) && value !== undefined) headers[name] = String(value);
  return headers;
}
