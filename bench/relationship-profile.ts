// Where the time of the relationship use cases goes, step by step (a helper for tuning).
// Run on a database kept by `BENCH_KEEP=1 node dist-bench/bench/relationship.js`.
import { coverage, focusUncached, nurture, openRapport } from '../src/app/index.js';
import { nurtureFrom } from '../src/app/relationship/nurture.js';
import { loadBase } from '../src/app/relationship/relationship-data.js';

const location = process.argv[2]!;
const NOW = new Date('2026-11-23T10:00:00.000Z');
const r = await openRapport({ db: location, now: () => NOW });
const t = async (name: string, fn: () => Promise<unknown>) => {
  await fn();
  const s = performance.now();
  for (let i = 0; i < 5; i++) await fn();
  console.log(name.padEnd(20), ((performance.now() - s) / 5).toFixed(1), 'ms');
};
await t('settings', () => r.store.settings.all(r.ws));
await t('people', () => r.store.relationship.people(r.ws));
await t('activeAssessments', () => r.store.relationship.activeAssessments(r.ws));
await t('capitalStale', () =>
  r.store.relationship.capitalStale(r.ws, { halfLifeDays: 180, largeMeeting: 6 }),
);
await t('capitalRollup', () => r.store.relationship.capitalRollup(r.ws));
await t('loadBase', () => loadBase(r));
const base = await loadBase(r);
await t('nurtureFrom(base)', () => nurtureFrom(r, base));
await t('initiatives', () => r.store.initiatives.list(r.ws));
await t('plans due', () => r.store.plans.withStepsDue(r.ws, '2026-11-23'));
await t('nurture', () => nurture(r));
await t('focus', () => focusUncached(r));
await t('coverage', () => coverage(r));
await r.close();
