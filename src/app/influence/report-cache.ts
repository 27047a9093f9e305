import { InfluenceReport } from '../../contract/influence.js';
import { toDay } from '../../domain/dates.js';
import type { InfluenceSettings, TieSource } from '../../domain/influence.js';
import type { Rapport } from '../core/context.js';

/**
 * Raise this whenever the influence computation or its report changes (a kernel, a rule, a
 * field): reports cached by an older Rapport are then recomputed instead of served.
 */
export const INFLUENCE_ALGORITHM = 4;

export interface ReportQuestion {
  top: number;
  sources: readonly TieSource[];
  weighted: boolean;
}

/** One cached report per question; its version says what it was computed from. */
export const reportKey = (q: ReportQuestion): string =>
  `influence:${q.sources.join(',')}:${q.weighted ? 'w' : 'u'}:${q.top}`;

/**
 * What a report depends on besides the question: the data (the network's version), the
 * settings, the code that computed it and, when shared meetings or my own interactions make
 * ties, the day, since those ties fade with every day that passes.
 */
export function reportVersion(
  data: string,
  settings: InfluenceSettings,
  q: ReportQuestion,
  now: Date,
): string {
  const decays = q.sources.includes('meetings') || q.sources.includes('mine');
  return [`a${INFLUENCE_ALGORITHM}`, data, JSON.stringify(settings), decays ? toDay(now) : 'undated'].join(
    '|',
  );
}

/**
 * The cached report for this version, parsed with the report's schema: a row written in
 * another shape (an older Rapport, a damaged row) counts as a miss and is recomputed.
 */
export async function cachedReport(
  r: Rapport,
  key: string,
  version: string,
): Promise<InfluenceReport | null> {
  const payload = await r.store.network.cached(r.ws, key, version);
  if (payload === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = InfluenceReport.safeParse(json);
  return parsed.success && parsed.data.version === version ? { ...parsed.data, cached: true } : null;
}

export async function cacheReport(r: Rapport, key: string, report: InfluenceReport): Promise<void> {
  await r.store.network.cache(r.ws, key, report.version, JSON.stringify(report), r.now().toISOString());
}
