import { forwardRef, memo, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Assessment, MapEntry, MapView } from '../../api/types';
import { peopleMarkup, trailsPath } from './map-markup';
import { H, M, px, py, side, W, x, y } from './map-scales';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

interface Place {
  influence: number;
  stance: number;
}
interface DragLayerHandle {
  /** Null when the person is put down. */
  move(place: Place | null): void;
}

/**
 * The person being dragged, in an SVG of its own above the map. A pointer move re-renders and
 * repaints this one element: the map below (hundreds of people and trails, which Chrome paints
 * as one layer) stays untouched until the person is put down.
 */
const DragLayer = memo(
  forwardRef<DragLayerHandle, { entry: MapEntry | null; threshold: number }>(function DragLayer(
    { entry, threshold },
    ref,
  ) {
    const [place, setPlace] = useState<Place | null>(null);
    useImperativeHandle(ref, () => ({ move: setPlace }), []);
    const at = place ?? entry;
    return (
      <svg viewBox={`0 0 ${W} ${H}`} className="map-drag-layer" aria-hidden>
        {entry && at && (
          <g
            className={`map-person dragging ${side(at.stance, threshold)}`}
            transform={`translate(${px(at.stance)} ${py(at.influence)})`}
          >
            <circle r={9} className="map-dot" />
            <text x={13} y={4} className="map-name">
              {`${entry.person.name} · ${at.influence}, ${at.stance > 0 ? '+' : ''}${at.stance}`}
            </text>
          </g>
        )}
      </svg>
    );
  }),
);

interface Props {
  map: MapView;
  trails: Map<number, Assessment[]>;
  showTrails: boolean;
  editable: boolean;
  onMove: (entry: MapEntry, influence: number, stance: number) => void;
}

/**
 * The stakeholder map: stance across, influence up, the four quadrants labelled; drag a person to
 * re-assess. Memoised: the page's other state (the people list arriving, a filter menu opening)
 * does not draw it again.
 */
export const StakeholderMap = memo(function StakeholderMap({
  map,
  trails,
  showTrails,
  editable,
  onMove,
}: Props) {
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const layer = useRef<DragLayerHandle>(null);
  const [lifted, setLifted] = useState<MapEntry | null>(null);
  /** Where the lifted person is now; a ref, so a move sets no state of the map's own. */
  const place = useRef<Place | null>(null);
  const entries = useMemo(() => Object.values(map.quadrants).flat(), [map]);
  const startDrag = (e: MapEntry, pointerId: number) => {
    if (!editable) return;
    svgRef.current?.parentElement?.setPointerCapture?.(pointerId);
    place.current = { influence: e.influence, stance: e.stance };
    setLifted(e);
  };
  const trailPath = useMemo(() => (showTrails ? trailsPath(trails) : ''), [trails, showTrails]);
  const markup = useMemo(
    () => ({ __html: peopleMarkup(entries, map.thresholds.stance) }),
    [entries, map.thresholds.stance],
  );
  const people = useRef<SVGGElement>(null);
  // The lifted person stays as a faint ghost where they were; a class on their group, so the
  // markup of the other hundreds is not parsed again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: markup parsed again loses the class
  useLayoutEffect(() => {
    if (!lifted) return;
    const g = people.current?.querySelector(`[data-id="${lifted.person.id}"]`);
    g?.classList.add('lifted');
    return () => g?.classList.remove('lifted');
  }, [lifted, markup]);
  const personAt = (target: EventTarget) => {
    const g = (target as Element).closest?.('.map-person');
    const id = Number(g?.getAttribute('data-id'));
    return entries.find((e) => e.person.id === id) ?? null;
  };
  const tx = x(0);
  const ty = y(map.thresholds.influence);

  const toValues = (svg: SVGSVGElement, clientX: number, clientY: number) => {
    const pt = svg.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    const p = pt.matrixTransform(svg.getScreenCTM()!.inverse());
    return {
      stance: Math.round(clamp(x.invert(p.x), -100, 100)),
      influence: Math.round(clamp(y.invert(p.y), 0, 100)),
    };
  };

  const quadrant = (
    label: string,
    sub: string,
    qx: number,
    qy: number,
    anchor: 'start' | 'end',
    cls: string,
  ) => (
    <g className={`map-quadrant ${cls}`}>
      <text x={qx} y={qy} textAnchor={anchor} className="map-quadrant-label">
        {label}
      </text>
      <text x={qx} y={qy + 16} textAnchor={anchor} className="map-quadrant-sub">
        {sub}
      </text>
    </g>
  );

  const drop = (commit: boolean) => {
    const e = lifted;
    const p = place.current;
    setLifted(null);
    layer.current?.move(null);
    place.current = null;
    if (commit && e && p && (e.influence !== p.influence || e.stance !== p.stance))
      onMove(e, p.influence, p.stance);
  };

  return (
    <div
      className="stakeholder-map-wrap"
      onPointerMove={(e) => {
        if (!lifted || !svgRef.current) return;
        const v = toValues(svgRef.current, e.clientX, e.clientY);
        const p = place.current;
        if (p && v.influence === p.influence && v.stance === p.stance) return;
        place.current = v;
        layer.current?.move(v);
      }}
      onPointerUp={() => lifted && drop(true)}
      onPointerCancel={() => lifted && drop(false)}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        className="stakeholder-map"
        role="img"
        aria-label={`Stakeholder map of ${map.initiative.name}`}
      >
        <rect x={tx} y={M.top} width={W - M.right - tx} height={ty - M.top} className="map-bg champion" />
        <rect x={M.left} y={M.top} width={tx - M.left} height={ty - M.top} className="map-bg convert" />
        <rect x={tx} y={ty} width={W - M.right - tx} height={H - M.bottom - ty} className="map-bg ally" />
        <rect x={M.left} y={ty} width={tx - M.left} height={H - M.bottom - ty} className="map-bg monitor" />
        <line x1={tx} x2={tx} y1={M.top} y2={H - M.bottom} className="map-axis" />
        <line x1={M.left} x2={W - M.right} y1={ty} y2={ty} className="map-axis" />
        {quadrant(
          'Champions',
          'high influence · supporters',
          W - M.right - 10,
          M.top + 22,
          'end',
          'champion',
        )}
        {quadrant('Convert', 'high influence · detractors', M.left + 10, M.top + 22, 'start', 'convert')}
        {quadrant(
          'Allies',
          'lower influence · supporters',
          W - M.right - 10,
          H - M.bottom - 30,
          'end',
          'ally',
        )}
        {quadrant(
          'Monitor',
          'lower influence · detractors',
          M.left + 10,
          H - M.bottom - 30,
          'start',
          'monitor',
        )}
        {x.ticks(10).map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - M.bottom + 18} textAnchor="middle" className="map-tick">
            {t}
          </text>
        ))}
        {y.ticks(5).map((t) => (
          <text key={`y${t}`} x={M.left - 10} y={y(t) + 4} textAnchor="end" className="map-tick">
            {t}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" className="map-axis-title">
          stance: detractor ← → supporter
        </text>
        <text
          transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="map-axis-title"
        >
          influence on the initiative
        </text>
        {trailPath && <path className="map-trail" d={trailPath} />}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: pointer dragging; the list below the map is the keyboard way */}
        <g
          ref={people}
          className="map-people"
          onPointerDown={(ev) => {
            const e = personAt(ev.target);
            if (e) startDrag(e, ev.pointerId);
          }}
          onDoubleClick={(ev) => {
            const e = personAt(ev.target);
            if (e) navigate(`/people/${e.person.id}`);
          }}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: built by peopleMarkup, every name escaped
          dangerouslySetInnerHTML={markup}
        />
      </svg>
      <DragLayer ref={layer} entry={lifted} threshold={map.thresholds.stance} />
    </div>
  );
});
