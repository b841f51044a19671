import type { MapCounts } from "../../../shared/counts.js";
import { worstSla } from "../../../shared/counts.js";
import type { SlaState } from "../../../shared/domain.js";
import { feederRadius } from "./scales.js";

/**
 * Pure geometry for the feeder canvas: which circles to draw for a view. Zoomed out, feeders with
 * open tickets are binned into square cells of the world's pixel grid (so panning never reshuffles
 * the bins); zoomed in, each feeder is drawn on its own. Kept free of Leaflet so it can be tested
 * and timed without a browser.
 */

/** Below this zoom, active feeders are aggregated into cells. */
export const AGGREGATE_BELOW_ZOOM = 9;
/** Side of an aggregation cell, in screen pixels. */
export const CELL_PX = 26;
/** Largest circle drawn for a cell of many feeders. */
export const MAX_CELL_RADIUS = 24;

/** Feeder positions projected once at zoom 0 (Web Mercator world pixels), two numbers per feeder. */
export type ProjectedFeeders = Float64Array;

export interface View {
  /** 2^zoom: world pixels at zoom 0 are multiplied by this. */
  scale: number;
  /** World pixel (at the current zoom) of the canvas's top-left corner. */
  originX: number;
  originY: number;
  width: number;
  height: number;
  aggregate: boolean;
  /** Multiplier for circle radii (smaller on phones, larger zoomed in). */
  radiusScale: number;
  /** Side of an aggregation cell in pixels (default CELL_PX; larger when circles are drawn larger). */
  cell?: number;
}

/** One circle to draw: a single feeder (`feeder` >= 0) or a cell of several (`feeder` = -1). */
export interface ActiveItem {
  x: number;
  y: number;
  r: number;
  sla: SlaState;
  open: number;
  atRisk: number;
  breached: number;
  /** Feeders with open tickets in this circle. */
  feeders: number;
  /** Index of the feeder when the circle is one feeder, else -1. */
  feeder: number;
}

export interface Frame {
  /** Canvas x, y of every idle feeder in view, deduplicated to one per 2-pixel square. */
  idle: Float32Array;
  idleCount: number;
  /** Circles with open tickets, in drawing order (least severe first, so breached is on top). */
  active: ActiveItem[];
}

const SEVERITY: Record<SlaState, number> = { on_track: 0, at_risk: 1, breached: 2 };

/** Builds what one redraw needs; `countsOf(i)` answers the open-ticket counts of feeder i. */
export function buildFrame(
  points: ProjectedFeeders,
  countsOf: (i: number) => MapCounts | undefined,
  view: View,
): Frame {
  const n = points.length / 2;
  const { scale, originX, originY, width, height } = view;
  const idle = new Float32Array(n * 2);
  let idleCount = 0;
  // One bit per 2x2 pixel square: 20,000 overlapping dots cost the same as the few hundred visible.
  const gridW = Math.ceil(width / 2) + 1;
  const seen = new Uint8Array(gridW * (Math.ceil(height / 2) + 1));
  const cells = new Map<number, Cell>();
  const singles: ActiveItem[] = [];
  const margin = MAX_CELL_RADIUS * 2;
  const cellPx = view.cell ?? CELL_PX;
  for (let i = 0; i < n; i++) {
    const wx = points[2 * i] * scale;
    const wy = points[2 * i + 1] * scale;
    const x = wx - originX;
    const y = wy - originY;
    const c = countsOf(i);
    if (!c || c.open <= 0) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const g = (y >> 1) * gridW + (x >> 1);
      if (seen[g]) continue;
      seen[g] = 1;
      idle[2 * idleCount] = x;
      idle[2 * idleCount + 1] = y;
      idleCount++;
      continue;
    }
    if (x < -margin || y < -margin || x >= width + margin || y >= height + margin) continue;
    if (!view.aggregate) {
      singles.push(item(x, y, c.open, c.atRisk, c.breached, 1, i, view.radiusScale));
      continue;
    }
    const key = Math.floor(wx / cellPx) * 1_000_003 + Math.floor(wy / cellPx);
    let cell = cells.get(key);
    if (!cell) {
      cell = { sx: 0, sy: 0, w: 0, open: 0, atRisk: 0, breached: 0, feeders: 0, last: i };
      cells.set(key, cell);
    }
    // Weighted by open tickets, so the circle sits where the trouble is.
    cell.sx += x * c.open;
    cell.sy += y * c.open;
    cell.w += c.open;
    cell.open += c.open;
    cell.atRisk += c.atRisk;
    cell.breached += c.breached;
    cell.feeders++;
    cell.last = i;
  }
  const active = singles;
  for (const cell of cells.values()) {
    active.push(
      item(
        cell.sx / cell.w,
        cell.sy / cell.w,
        cell.open,
        cell.atRisk,
        cell.breached,
        cell.feeders,
        cell.feeders === 1 ? cell.last : -1,
        view.radiusScale,
      ),
    );
  }
  active.sort((a, b) => SEVERITY[a.sla] - SEVERITY[b.sla] || b.r - a.r);
  return { idle, idleCount, active };
}

interface Cell {
  sx: number;
  sy: number;
  w: number;
  open: number;
  atRisk: number;
  breached: number;
  feeders: number;
  last: number;
}

function item(
  x: number,
  y: number,
  open: number,
  atRisk: number,
  breached: number,
  feeders: number,
  feeder: number,
  radiusScale: number,
): ActiveItem {
  const sla = worstSla({ open, atRisk, breached }) ?? "on_track";
  const base = feederRadius(open) * radiusScale;
  const cap = feeders > 1 ? MAX_CELL_RADIUS * Math.max(1, radiusScale) : 18 * radiusScale;
  return {
    x,
    y,
    r: Math.max(2.5, Math.min(cap, base)),
    sla,
    open,
    atRisk,
    breached,
    feeders,
    feeder,
  };
}

/** The topmost circle under a canvas point, or null (drawn last = on top, so search backwards). */
export function hitTest(active: readonly ActiveItem[], x: number, y: number): ActiveItem | null {
  for (let i = active.length - 1; i >= 0; i--) {
    const a = active[i];
    const dx = a.x - x;
    const dy = a.y - y;
    const r = Math.max(a.r, 6);
    if (dx * dx + dy * dy <= r * r) return a;
  }
  return null;
}

/** Web Mercator projection of lat/lon to world pixels at zoom 0 (256 px world), as Leaflet does. */
export function projectFeeders(feeders: readonly { lat: number; lon: number }[]): ProjectedFeeders {
  const out = new Float64Array(feeders.length * 2);
  const max = 85.0511287798;
  for (let i = 0; i < feeders.length; i++) {
    const lat = Math.max(Math.min(max, feeders[i].lat), -max);
    const sin = Math.sin((lat * Math.PI) / 180);
    out[2 * i] = (256 * (feeders[i].lon + 180)) / 360;
    out[2 * i + 1] = 256 * (0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI);
  }
  return out;
}
