import type { CommunitySummary, InfluenceEntry, InfluenceReport } from '../app/influence/index.js';
import { table } from './format.js';
import { displayWidth, fitWidth } from './terminal-text.js';

export { fitWidth };

// The influence report as text that fits a 100-column terminal: one short reason per row (the
// full reasons are in --json and `person show`), clusters limited like people.

export const REPORT_WIDTH = 100;

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Brokerage as far as the measurement supports it: four decimals when exact; when sampled, to the
 * decimal place of the error bound's first digit (±0.0082 → 0.035, ±0.16 → 0.4) and "< bound"
 * below it (a sampled 0.0000 would claim a precision the sample does not have). Brokers also get
 * their percentile.
 */
export function brokerageText(e: InfluenceEntry, b: InfluenceReport['brokerage']): string {
  const percentile = e.reasons.find((r) => r.code === 'broker')?.params.percentile;
  const value = b.exact
    ? e.brokerage.toFixed(4)
    : e.brokerage >= b.errorBound
      ? e.brokerage.toFixed(Math.max(1, Math.ceil(-Math.log10(b.errorBound))))
      : `<${b.errorBound.toPrecision(1)}`;
  return typeof percentile === 'number' ? `${value} p${percentile}` : value;
}

// "pull", not "influence": the map's influence is a 0–100 judgement; this is the network's own measure.
const HEAD = ['rank', 'person', 'level', 'pull', 'brokerage', 'role', 'why'];

type Reason = InfluenceEntry['reasons'][number];
const num = (r: Reason, key: string): number =>
  typeof r.params[key] === 'number' ? (r.params[key] as number) : 0;

/** A reason in a few words for a table cell; the rank is in its own column already. */
function shortReason(r: Reason): string {
  switch (r.code) {
    case 'rank': {
      const parts = [];
      if (num(r, 'declaredTies')) parts.push(`sought in ${num(r, 'declaredTies')} ties`);
      if (num(r, 'reports')) parts.push(`${num(r, 'reports')} reports`);
      if (num(r, 'sharedMeetings')) parts.push(`meets ${num(r, 'sharedMeetings')}`);
      if (num(r, 'fromSenior')) parts.push(`${num(r, 'fromSenior')} from seniors`);
      return parts.join(', ') || r.text;
    }
    case 'hidden-influencer':
      return `pull p${num(r, 'influencePercentile')}, level ${num(r, 'level')} only p${num(r, 'seniorityPercentile')}`;
    default:
      return r.text;
  }
}

/** A table of people whose last column, the reason, is cut so that the rows fit REPORT_WIDTH. */
function peopleTable(
  list: InfluenceEntry[],
  b: InfluenceReport['brokerage'],
  reasonCodes: string[] | null,
): string {
  const rows = list.map((e) => {
    const reasons = reasonCodes
      ? e.reasons.filter((r) => reasonCodes.includes(r.code))
      : e.reasons.slice(0, 1);
    return [
      String(e.influenceRank),
      e.person.name,
      e.level === null ? '—' : String(e.level),
      pct(e.influence),
      brokerageText(e, b),
      [e.hidden ? 'hidden' : '', e.gatekeeper ? 'gatekeeper' : ''].filter(Boolean).join(', '),
      reasons.map(shortReason).join('; '),
    ];
  });
  const used = HEAD.slice(0, -1).reduce(
    (sum, h, i) => sum + Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))) + 2,
    0,
  );
  const room = Math.max(24, REPORT_WIDTH - used);
  for (const r of rows) r[6] = fitWidth(r[6]!, room);
  return table(HEAD, rows);
}

/** The largest `limit` clusters plus every one where I know nobody (those are the gaps). */
export function shownClusters(all: CommunitySummary[], limit: number): CommunitySummary[] {
  const largest = [...all].sort((a, b) => b.size - a.size || a.id - b.id).slice(0, limit);
  const keep = new Set(largest.map((c) => c.id));
  for (const c of all) if (c.knownByMe === 0) keep.add(c.id);
  return all.filter((c) => keep.has(c.id));
}

export function influenceText(rep: InfluenceReport, clusterLimit: number): string {
  if (rep.ties === 0 || rep.people < 3) {
    return `The network is ${rep.ties === 0 ? 'empty' : 'too small to rank'} (${rep.people} people, ${rep.ties} ties): declare who goes to whom for advice (\`rapport tie A B\`), import an org chart with managers, or import a calendar, then ask again.`;
  }
  const b = rep.brokerage;
  const parts = [
    `${rep.people} people, ${rep.ties} ties (${rep.sources.join(', ')}); brokerage ${b.exact ? 'exact' : `sampled (${b.sources} shortest-path searches), ±${b.errorBound.toPrecision(2)} at ${b.confidence * 100}%`}.`,
    "Pull = share of the network's weighted PageRank (100 % in all), not the map's influence.",
    peopleTable(rep.top, b, null),
  ];
  if (rep.hiddenInfluencers.length)
    parts.push(
      `Hidden influencers (${rep.hiddenCount}):`,
      peopleTable(rep.hiddenInfluencers, b, ['hidden-influencer']),
    );
  if (rep.gatekeepers.length)
    parts.push(`Gatekeepers (${rep.gatekeeperCount}):`, peopleTable(rep.gatekeepers, b, ['gatekeeper']));
  const unknown = rep.communities.filter((c) => c.knownByMe === 0);
  const shown = shownClusters(rep.communities, clusterLimit);
  parts.push(
    `Clusters (${rep.communities.length}, modularity ${rep.modularity.toFixed(3)}): ${
      unknown.length === 0
        ? 'you know someone in each.'
        : `you know nobody in ${unknown.length} of ${rep.communities.length}, including the one around ${unknown[0]!.leader.name}.`
    }`,
    table(
      ['cluster', 'people', 'department', 'around', 'you know'],
      shown.map((c) => [c.id, c.size, c.department ?? '—', c.leader.name, c.knownByMe]),
    ),
  );
  if (shown.length < rep.communities.length)
    parts.push(
      `… and ${rep.communities.length - shown.length} smaller clusters where you know someone; use --clusters N or --json.`,
    );
  parts.push('Full reasons: --json, or `rapport person show NAME`.');
  return parts.join('\n\n');
}
