import { describe, expect, it } from 'vitest';
import type { InfluenceEntry } from '../app/influence/index.js';
import { brokerageText, fitWidth, shownClusters } from './influence-text.js';

const entry = (brokerage: number, percentile?: number): InfluenceEntry => ({
  person: { id: 1, name: 'Ann' },
  level: 3,
  influence: 0.01,
  influenceRank: 1,
  brokerage,
  hidden: false,
  gatekeeper: false,
  community: 0,
  reasons:
    percentile === undefined
      ? []
      : [{ code: 'broker', params: { personId: 1, percentile }, text: `broker: more than ${percentile}%` }],
});

describe('influence report text', () => {
  it('prints sampled brokerage with the precision the sample supports, never a bare 0.0000', () => {
    const sampled = { exact: false, sources: 256, errorBound: 0.163, confidence: 0.95 };
    expect(brokerageText(entry(0.00004, 99), sampled)).toBe('<0.2 p99');
    expect(brokerageText(entry(0.41), sampled)).toBe('0.4');
    const tighter = { exact: false, sources: 4608, errorBound: 0.0082, confidence: 0.95 };
    expect(brokerageText(entry(0.0351, 97), tighter)).toBe('0.035 p97');
    expect(brokerageText(entry(0.0351), { ...tighter, errorBound: 0.012 })).toBe('0.04');
    const exact = { exact: true, sources: 150, errorBound: 0, confidence: 1 };
    expect(brokerageText(entry(0.00004), exact)).toBe('0.0000');
    expect(brokerageText(entry(0.0327, 99), exact)).toBe('0.0327 p99');
  });

  it('cuts a reason to the room left, by display width', () => {
    expect(fitWidth('short', 10)).toBe('short');
    const cut = fitWidth('shares meetings with 26 people', 12);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(12);
    expect(fitWidth('会議会議会議会議', 7)).toBe('会議会…');
  });

  it('lists the largest clusters and every one where I know nobody', () => {
    const c = (id: number, size: number, knownByMe: number) => ({
      id,
      size,
      department: null,
      departmentShare: 0,
      leader: { id, name: `L${id}` },
      knownByMe,
    });
    const all = [c(0, 50, 3), c(1, 40, 2), c(2, 30, 1), c(3, 3, 0), c(4, 2, 1)];
    expect(shownClusters(all, 2).map((x) => x.id)).toEqual([0, 1, 3]);
  });
});
