/**
 * Wall-clock time in a named IANA zone to a UTC instant, for calendars that say
 * TZID=Europe/Berlin without shipping the VTIMEZONE block (allowed in practice, not by RFC).
 * Returns null when the runtime does not know the zone.
 */
export function zonedToUtcMs(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  tzid: string,
): number | null {
  const format = formatter(tzid);
  if (format === null) return null;
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two passes settle the offset across a DST change.
  let guess = asUtc - offsetMs(format, asUtc);
  guess = asUtc - offsetMs(format, guess);
  return guess;
}

const cache = new Map<string, Intl.DateTimeFormat | null>();

function formatter(tzid: string): Intl.DateTimeFormat | null {
  if (!cache.has(tzid)) {
    try {
      cache.set(
        tzid,
        new Intl.DateTimeFormat('en-US', {
          timeZone: tzid,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      cache.set(tzid, null);
    }
  }
  return cache.get(tzid) ?? null;
}

function offsetMs(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}
