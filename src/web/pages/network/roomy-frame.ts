/** Up to this many people, the network is framed with room around it. */
export const ROOMY_BELOW = 40;

/**
 * The part of the plane sigma fits to the box, for a small network: centred on the people, larger
 * than they are, and as wide for its height as the box (`aspect`, height / width). Sigma fits the
 * people's own extent to the box, so four people in a row stood at its far edges, the last name
 * cut off; a handful now stand together in the middle, the fewer the roomier. Null (sigma's own
 * fit) for larger networks, which fill the box.
 */
export function roomyFrame(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  aspect: number,
): { x: [number, number]; y: [number, number] } | null {
  const n = x.length;
  if (n === 0 || n >= ROOMY_BELOW) return null;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const room = 1.2 + (0.6 * (ROOMY_BELOW - n)) / ROOMY_BELOW;
  const fit = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  // The larger of the two extents the box's shape asks for; a lone person or a row has none of
  // its own in one direction. Never narrower than the coordinates' rounding can tell apart: two
  // people a few ulps apart had the frame's edges on them (found by the property below).
  const least = 1e-9 * Math.max(1, Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY));
  const extent = Math.max(maxX - minX, (maxY - minY) / fit);
  const width = extent === 0 ? 1 : Math.max(extent, least) * room;
  const height = width * fit;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { x: [cx - width / 2, cx + width / 2], y: [cy - height / 2, cy + height / 2] };
}
