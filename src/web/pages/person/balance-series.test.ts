import { describe, expect, it } from 'vitest';
import { balanceSeries } from './balance-series.js';

describe('balance over time', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('is zero before the first entry and halves after one half-life', () => {
    const series = balanceSeries([{ occurredAt: '2026-04-02T12:00:00Z', capital: 4 }], 30, now, 120);
    expect(series[0]!.balance).toBe(0);
    const later = series.find((p) => p.day === '2026-05-02');
    expect(later?.balance).toBeCloseTo(2, 1);
    expect(series.at(-1)!.day).toBe('2026-06-01');
    expect(series.at(-1)!.balance).toBeCloseTo(1, 1);
  });
  it('adds withdrawals as negative capital', () => {
    const series = balanceSeries(
      [
        { occurredAt: '2026-06-01T00:00:00Z', capital: 3 },
        { occurredAt: '2026-06-01T00:00:00Z', capital: -2 },
      ],
      60,
      now,
      10,
    );
    expect(series.at(-1)!.balance).toBeCloseTo(1, 1);
  });
});
