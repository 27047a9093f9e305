/**
 * The balance as it stood on each of the last `days` days: every deposit or withdrawal made by
 * then, halved per half-life of its age on that day (the same decay as the ledger's balance).
 */
export function balanceSeries(
  entries: { occurredAt: string; capital: number }[],
  halfLifeDays: number,
  now: Date,
  days = 180,
): { day: string; balance: number }[] {
  const points: { day: string; balance: number }[] = [];
  const times = entries.map((e) => ({ t: new Date(e.occurredAt).getTime(), capital: e.capital }));
  const step = Math.max(1, Math.round(days / 60));
  for (let d = days; d >= 0; d -= step) {
    const at = now.getTime() - d * 86_400_000;
    let balance = 0;
    for (const e of times) {
      if (e.t > at) continue;
      balance += e.capital * 0.5 ** ((at - e.t) / 86_400_000 / halfLifeDays);
    }
    points.push({ day: new Date(at).toISOString().slice(0, 10), balance: Math.round(balance * 100) / 100 });
  }
  return points;
}
