/**
 * Outage markers that would overlap on screen share one marker with their count, so fifty
 * outages on a phone-sized map stay readable and leave the feeder groups' numbers visible.
 * Pure, so it is tested without a browser.
 */

/** Side of an outage marker in pixels: markers closer than this join one group. */
export const INCIDENT_MARKER_PX = 28;

export interface Placed<T> {
  item: T;
  /** Where the marker is drawn, in pixels at the current zoom. */
  x: number;
  y: number;
  /** Larger first: the group's marker sits on its largest outage. */
  weight: number;
}

export interface IncidentGroup<T> {
  /** The group's largest outage: its marker is drawn there. */
  lead: T;
  items: T[];
}

export function groupIncidents<T>(
  placed: readonly Placed<T>[],
  px = INCIDENT_MARKER_PX,
): IncidentGroup<T>[] {
  const sorted = [...placed].sort((a, b) => b.weight - a.weight);
  const groups: (IncidentGroup<T> & { x: number; y: number })[] = [];
  for (const p of sorted) {
    const near = groups.find((g) => Math.abs(g.x - p.x) < px && Math.abs(g.y - p.y) < px);
    if (near) near.items.push(p.item);
    else groups.push({ lead: p.item, items: [p.item], x: p.x, y: p.y });
  }
  return groups.map(({ lead, items }) => ({ lead, items }));
}
