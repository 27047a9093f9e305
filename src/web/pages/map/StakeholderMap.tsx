import { scaleLinear } from 'd3-scale';
import { forwardRef, memo, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Assessment, MapEntry, MapView } from '../../api/types';

export const W = 860;
export const H = 560;
const M = { top: 24, right: 24, bottom: 44, left: 52 };

export const x = scaleLinear()
  .domain([-100, 100])
  .range([M.left, W - M.right]);
export const y = scaleLinear()
  .domain([0, 100])
  .range([H - M.bottom, M.top]);
const side = (stance: number, t: number) =>
  stance >= t ? 'supporter' : stance <= -t ? 'detractor' : 'neutral';
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * One person on the map. Memoised: a drag re-renders only the person dragged, not the other
 * hundreds (a 500-person map spent most of each pointer move re-rendering every dot).
 */
const MapPerson = memo(function MapPerson({
  entry,
  influence,
  stance,
  threshold,
  dragging,
  onStart,
  onOpen,
}: {
  entry: MapEntry;
  influence: number;
  stance: number;
  threshold: number;
  dragging: boolean;
  onStart: (entry: MapEntry, svg: SVGSVGElement, pointerId: number) => void;
  onOpen: (id: number) => void;
}) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer dragging; the list below the map is the keyboard way
    <g
      className={`map-person ${side(stance, threshold)}${dragging ? ' dragging' : ''}`}
      data-person={entry.person.name}
      transform={`translate(${x(stance)} ${y(influence)})`}
      onPointerDown={(ev) => onStart(entry, ev.currentTarget.ownerSVGElement as SVGSVGElement, ev.pointerId)}
      onDoubleClick={() => onOpen(entry.person.id)}
    >
      <title>{`${entry.person.name}: influence ${influence}, stance ${stance}. ${entry.trendNote.text}`}</title>
      <circle r={9} className="map-dot" />
      <text x={13} y={4} className="map-name">
        {entry.person.name}
      </text>
    </g>
  );
});

interface Props {
  map: MapView;
  trails: Map<number, Assessment[]>;
  showTrails: boolean;
  editable: boolean;
  onMove: (entry: MapEntry, influence: number, stance: number) => void;
}

/** The stakeholder map: stance across, influence up, the four quadrants labelled; drag a person to re-assess. */
export const StakeholderMap = forwardRef<SVGSVGElement, Props>(function StakeholderMap(
  { map, trails, showTrails, editable, onMove },
  ref,
) {
  const navigate = useNavigate();
  const [drag, setDrag] = useState<{ id: number; influence: number; stance: number } | null>(null);
  const entries = useMemo(() => Object.values(map.quadrants).flat(), [map]);
  const open = useCallback((id: number) => navigate(`/people/${id}`), [navigate]);
  const startDrag = useCallback(
    (e: MapEntry, svg: SVGSVGElement, pointerId: number) => {
      if (!editable) return;
      svg.setPointerCapture?.(pointerId);
      setDrag({ id: e.person.id, influence: e.influence, stance: e.stance });
    },
    [editable],
  );
  const trailLines = useMemo(
    () =>
      showTrails &&
      [...trails.entries()].map(([id, path]) =>
        path.length > 1 ? (
          <polyline
            key={`t${id}`}
            className="map-trail"
            points={path.map((a) => `${x(a.stance)},${y(a.influence)}`).join(' ')}
          />
        ) : null,
      ),
    [trails, showTrails],
  );
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

  return (
    <svg
      ref={ref}
      viewBox={`0 0 ${W} ${H}`}
      className="stakeholder-map"
      role="img"
      aria-label={`Stakeholder map of ${map.initiative.name}`}
      onPointerMove={(e) => {
        if (!drag) return;
        const v = toValues(e.currentTarget, e.clientX, e.clientY);
        if (v.influence !== drag.influence || v.stance !== drag.stance) setDrag({ id: drag.id, ...v });
      }}
      onPointerUp={() => {
        if (!drag) return;
        const entry = entries.find((en) => en.person.id === drag.id);
        setDrag(null);
        if (entry && (entry.influence !== drag.influence || entry.stance !== drag.stance))
          onMove(entry, drag.influence, drag.stance);
      }}
      onPointerLeave={() => setDrag(null)}
    >
      <rect x={tx} y={M.top} width={W - M.right - tx} height={ty - M.top} className="map-bg champion" />
      <rect x={M.left} y={M.top} width={tx - M.left} height={ty - M.top} className="map-bg convert" />
      <rect x={tx} y={ty} width={W - M.right - tx} height={H - M.bottom - ty} className="map-bg ally" />
      <rect x={M.left} y={ty} width={tx - M.left} height={H - M.bottom - ty} className="map-bg monitor" />
      <line x1={tx} x2={tx} y1={M.top} y2={H - M.bottom} className="map-axis" />
      <line x1={M.left} x2={W - M.right} y1={ty} y2={ty} className="map-axis" />
      {quadrant('Champions', 'high influence · supporters', W - M.right - 10, M.top + 22, 'end', 'champion')}
      {quadrant('Convert', 'high influence · detractors', M.left + 10, M.top + 22, 'start', 'convert')}
      {quadrant('Allies', 'lower influence · supporters', W - M.right - 10, H - M.bottom - 30, 'end', 'ally')}
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
      {trailLines}
      {entries.map((e) => {
        const at = drag?.id === e.person.id ? drag : e;
        return (
          <MapPerson
            key={e.person.id}
            entry={e}
            influence={at.influence}
            stance={at.stance}
            threshold={map.thresholds.stance}
            dragging={drag?.id === e.person.id}
            onStart={startDrag}
            onOpen={open}
          />
        );
      })}
    </svg>
  );
});
