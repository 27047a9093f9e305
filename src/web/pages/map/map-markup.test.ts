import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, MapEntry } from '../../api/types';
import { escapeMarkup, peopleMarkup, trailsPath } from './map-markup';
import { px, py } from './map-scales';

const entry = (id: number, name: string, influence: number, stance: number): MapEntry => ({
  person: { id, name },
  influence,
  stance,
  assessedAt: '2026-11-01T00:00:00.000Z',
  trend: null,
  trendNote: { code: 'first-assessment', params: {}, text: 'first assessment' },
});
const readBack = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

describe('the map drawn as markup', () => {
  it('escapes any name so it stays text, and reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const safe = escapeMarkup(name);
        expect(safe).not.toMatch(/[<>"']/);
        expect(readBack(safe)).toBe(name);
      }),
    );
  });

  it('draws a hostile name as text, not as elements or attributes', () => {
    const markup = peopleMarkup([entry(7, `<img src=x onerror="alert(1)"> O'Neil & Co`, 80, 40)], 20);
    // One group, one title, one dot, one name: nothing the name brought in.
    expect(markup.match(/<[a-z]+/g)).toEqual(['<g', '<title', '<circle', '<text']);
    expect(markup).toContain(
      'data-person="&#60;img src=x onerror=&#34;alert(1)&#34;&#62; O&#39;Neil &#38; Co"',
    );
  });

  it('places each person by stance and influence, classed by side', () => {
    const markup = peopleMarkup(
      [entry(1, 'Ana', 80, 40), entry(2, 'Bo', 10, -50), entry(3, 'Cy', 50, 0)],
      20,
    );
    expect(markup).toContain(
      `class="map-person supporter" data-id="1" data-person="Ana" transform="translate(${px(40)} ${py(80)})"`,
    );
    expect(markup).toContain('class="map-person detractor" data-id="2"');
    expect(markup).toContain('class="map-person neutral" data-id="3"');
  });

  it('draws one trail per person with two assessments or more', () => {
    const a = (personId: number, influence: number, stance: number) =>
      ({ personId, influence, stance }) as Assessment;
    const trails = new Map([
      [1, [a(1, 0, -100), a(1, 100, 100)]],
      [2, [a(2, 50, 0)]],
    ]);
    expect(trailsPath(trails)).toBe(
      `M${Math.round(px(-100))} ${Math.round(py(0))}L${Math.round(px(100))} ${Math.round(py(100))}`,
    );
  });
});
