import type { MapCounts } from "../../../shared/counts.js";
import { worstSla } from "../../../shared/counts.js";
import type { SlaState } from "../../../shared/domain.js";
import {
  buildClusterIndex,
  groupsIn,
  project,
  separate,
  type ClusterIndex,
  type Placed,
} from "./clusters.js";
import { feederRadius } from "./scales.js";

/**
 * Pure geometry for the feeder canvas: which circles to draw for a view, and the numbers inside
 * them. Feeders with open tickets are grouped (clusters.ts) so that no two circles and no two
 * numbers overlap at any zoom or count; idle feeders are grey dots. Kept free of Leaflet so it
 * can be tested and timed without a browser.
 */

/** Largest circle drawn for a group of many feeders. */
export const MAX_CELL_RADIUS = 18;
/** A group's number, in pixels before the wall's scale. */
export const LABEL_FONT_PX = 11;

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
  /** Multiplier for circle radii (smaller on phones, larger zoomed in). */
  radiusScale: number;
  /** Multiplier for the numbers' type (the wall's scale); default 1. */
  textScale?: number;
}

/** One circle to draw: a single feeder (`feeder` >= 0) or a group of several (`feeder` = -1). */
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
  /** The number shown inside a group's circle (none for a single feeder). */
  label: ItemLabel | null;
}

/** A group's number: its text and the box it takes, centred on the circle. */
export interface ItemLabel {
  text: string;
  fontPx: number;
  width: number;
  height: number;
}

export interface Frame {
  /** Canvas x, y of every idle feeder in view, deduplicated to one per 2-pixel square. */
  idle: Float32Array;
  idleCount: number;
  /** Circles with open tickets, in drawing order (least severe first, so breached is on top). */
  active: ActiveItem[];
}

/** Width of a text at a font size in pixels; the canvas layer measures with the real font. */
export type MeasureText = (text: string, fontPx: number) => number;

/** Bold digits are about 0.62 em wide: the estimate used where no canvas can measure. */
export const estimateText: MeasureText = (text, fontPx) => text.length * 0.62 * fontPx;

const SEVERITY: Record<SlaState, number> = { on_track: 0, at_risk: 1, breached: 2 };

/**
 * Builds what one redraw needs; `countsOf(i)` answers the open-ticket counts of feeder i. Pass the
 * index built for the same counts (the canvas keeps it between redraws); without one it is built.
 */
export function buildFrame(
  points: ProjectedFeeders,
  countsOf: (i: number) => MapCounts | undefined,
  view: View,
  opts: { index?: ClusterIndex; measure?: MeasureText } = {},
): Frame {
  const n = points.length / 2;
  const { scale, originX, originY, width, height } = view;
  const idle = new Float32Array(n * 2);
  let idleCount = 0;
  // One bit per 2x2 pixel square: 20,000 overlapping dots cost the same as the few hundred visible.
  const gridW = Math.ceil(width / 2) + 1;
  const seen = new Uint8Array(gridW * (Math.ceil(height / 2) + 1));
  for (let i = 0; i < n; i++) {
    const c = countsOf(i);
    if (c && c.open > 0) continue;
    const x = points[2 * i] * scale - originX;
    const y = points[2 * i + 1] * scale - originY;
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const g = (y >> 1) * gridW + (x >> 1);
    if (seen[g]) continue;
    seen[g] = 1;
    idle[2 * idleCount] = x;
    idle[2 * idleCount + 1] = y;
    idleCount++;
  }

  const index = opts.index ?? buildClusterIndex(points, countsOf);
  const measure = opts.measure ?? estimateText;
  const fontPx = Math.round(LABEL_FONT_PX * (view.textScale ?? 1));
  const margin = MAX_CELL_RADIUS * 2 * Math.max(1, view.radiusScale);
  const groups = groupsIn(
    index,
    {
      minX: (originX - margin) / scale,
      minY: (originY - margin) / scale,
      maxX: (originX + width + margin) / scale,
      maxY: (originY + height + margin) / scale,
    },
    Math.log2(scale),
  );
  const labelOf = (c: { open: number; feeders: number }): ItemLabel | null => {
    if (c.feeders <= 1) return null;
    const text = compact(c.open);
    return { text, fontPx, width: Math.ceil(measure(text, fontPx)) + 4, height: fontPx + 2 };
  };
  const radiusOf = (c: { open: number; feeders: number }): number => {
    const base = feederRadius(c.open) * view.radiusScale;
    const cap =
      c.feeders > 1 ? MAX_CELL_RADIUS * Math.max(1, view.radiusScale) : 18 * view.radiusScale;
    const r = Math.max(2.5, Math.min(cap, base));
    const label = labelOf(c);
    // A group's circle is always large enough to hold its number.
    return label ? Math.max(r, label.width / 2 + 1, label.height / 2 + 1) : r;
  };
  const placed: Placed[] = groups.map((g) => ({
    x: g.wx * scale - originX,
    y: g.wy * scale - originY,
    half: radiusOf(g),
    open: g.open,
    atRisk: g.atRisk,
    breached: g.breached,
    feeders: g.feeders,
    feeder: g.feeder,
  }));
  const active = separate(placed, radiusOf).map((p): ActiveItem => ({
    x: p.x,
    y: p.y,
    r: p.half,
    sla: worstSla(p) ?? "on_track",
    open: p.open,
    atRisk: p.atRisk,
    breached: p.breached,
    feeders: p.feeders,
    feeder: p.feeders === 1 ? p.feeder : -1,
    label: labelOf(p),
  }));
  active.sort((a, b) => SEVERITY[a.sla] - SEVERITY[b.sla] || b.r - a.r);
  return { idle, idleCount, active };
}

/** Short numbers for inside a circle: 999, 1.2k, 12k (digits only, same in both languages). */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1)}k`;
  return `${Math.round(n / 1000)}k`;
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
  for (let i = 0; i < feeders.length; i++) {
    const [x, y] = project(feeders[i].lon, feeders[i].lat);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}
