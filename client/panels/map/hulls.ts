import { ROOT_UNIT_ID } from "../../../shared/domain.js";
import type { Unit } from "../../../shared/network.js";

/**
 * Outlines for a drill-down map: no open data gives the boundaries of divisions or sub-divisions,
 * so each unit is drawn as the convex hull of its feeders, padded so that a unit of one or two
 * feeders still has an area. Pure, so it is tested without a browser.
 */

/** Kinds drawn over the district base, whose maps need no outlines of their own. */
const WIDE = new Set(["network", "state", "discom", "zone"]);

/** Padding around each feeder, in degrees (about 1.5 km): the hull encloses the feeders' dots. */
export const HULL_PAD_DEG = 0.014;

export interface UnitHull {
  id: string;
  /** The focused unit itself (drawn bolder) or one of its children. */
  role: "focus" | "child";
  /** [lat, lon] corners, counter-clockwise. */
  points: [number, number][];
}

/**
 * The focused unit's hull and one hull per child unit (a circle's divisions, a division's
 * sub-divisions, ...), or none for the wide maps and for a feeder.
 */
export function unitHulls(
  focusId: string | undefined,
  units: ReadonlyMap<string, Unit>,
  feeders: readonly Unit[],
): UnitHull[] {
  const focus = focusId ? units.get(focusId) : undefined;
  if (!focus || focus.id === ROOT_UNIT_ID || WIDE.has(focus.kind) || focus.kind === "feeder")
    return [];
  const all: [number, number][] = [];
  const byChild = new Map<string, [number, number][]>();
  for (const f of feeders) {
    const at = f.path.indexOf(focus.id);
    if (at < 0) continue;
    const p: [number, number] = [f.lat, f.lon];
    all.push(p);
    // A substation's children are its feeders: each its own small square, not worth drawing.
    const child = f.path[at + 1];
    if (!child) continue;
    let list = byChild.get(child);
    if (!list) byChild.set(child, (list = []));
    list.push(p);
  }
  if (all.length === 0) return [];
  const out: UnitHull[] = [];
  for (const [id, points] of byChild) out.push({ id, role: "child", points: paddedHull(points) });
  out.push({ id: focus.id, role: "focus", points: paddedHull(all, HULL_PAD_DEG * 1.6) });
  return out;
}

/** The convex hull of the points, each first widened to a small square of `pad` degrees. */
export function paddedHull(
  points: readonly [number, number][],
  pad = HULL_PAD_DEG,
): [number, number][] {
  const corners: [number, number][] = [];
  for (const [lat, lon] of points) {
    corners.push(
      [lat - pad, lon - pad],
      [lat - pad, lon + pad],
      [lat + pad, lon + pad],
      [lat + pad, lon - pad],
    );
  }
  return convexHull(corners);
}

/** Andrew's monotone chain: the hull's corners counter-clockwise (x = lon, y = lat). */
export function convexHull(points: readonly [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  if (sorted.length < 3) return sorted;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
  const lower: [number, number][] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}
