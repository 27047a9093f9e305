const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const formatDay = (iso: string | null | undefined): string => (iso ? day.format(new Date(iso)) : '—');

/** "3 days ago", "yesterday", "in 2 weeks". */
export function relative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const days = Math.round((new Date(iso).getTime() - now) / 86_400_000);
  if (Math.abs(days) >= 60) return rtf.format(Math.round(days / 30), 'month');
  if (Math.abs(days) >= 14) return rtf.format(Math.round(days / 7), 'week');
  return rtf.format(days, 'day');
}

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
/** A count with the reader's digit grouping: 60,000 (en), 60 000 (fr). */
export const formatCount = (n: number): string => whole.format(n);

export const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
