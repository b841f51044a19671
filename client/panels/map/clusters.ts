import Supercluster, { type PointFeature } from "supercluster";
import type { MapCounts } from "../../../shared/counts.js";
import type { ProjectedFeeders } from "./aggregate.js";

/**
 * Groups the feeders with open tickets for the map: supercluster's hierarchical grouping first
 * (so groups follow where the feeders are, at any count), then a pass that merges any groups whose
 * circles and numbers would still touch on screen. Pure, so it is tested without a browser.
 */

/** Feeders closer than this many screen pixels join one group (supercluster's radius). */
export const CLUSTER_RADIUS_PX = 30;
/** Above this zoom supercluster keeps every feeder apart; only touching circles still merge. */
export const CLUSTER_MAX_ZOOM = 12;
/** Empty space kept between two circles (and their numbers). */
export const CIRCLE_GAP_PX = 2;

interface FeederProps {
  i: number;
  open: number;
  atRisk: number;
  breached: number;
}

interface GroupProps {
  open: number;
  atRisk: number;
  breached: number;
  /** Index of one feeder of the group, for a group that turns out to hold one feeder. */
  last: number;
}

export type ClusterIndex = Supercluster<FeederProps, GroupProps>;

/** A group (or one feeder) as found by the index, in world pixels at zoom 0. */
export interface Group {
  wx: number;
  wy: number;
  open: number;
  atRisk: number;
  breached: number;
  feeders: number;
  /** Index of the feeder when the group is one feeder, else -1. */
  feeder: number;
}

/** Indexes the feeders that have open tickets; rebuilt when counts change (a few ms for 20,000). */
export function buildClusterIndex(
  points: ProjectedFeeders,
  countsOf: (i: number) => MapCounts | undefined,
): ClusterIndex {
  const features: PointFeature<FeederProps>[] = [];
  const n = points.length / 2;
  for (let i = 0; i < n; i++) {
    const c = countsOf(i);
    if (!c || c.open <= 0) continue;
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: unproject(points[2 * i], points[2 * i + 1]) },
      properties: { i, open: c.open, atRisk: c.atRisk, breached: c.breached },
    });
  }
  // extent 256 makes the radius screen pixels: Leaflet's world is 256 pixels wide at zoom 0.
  return new Supercluster<FeederProps, GroupProps>({
    radius: CLUSTER_RADIUS_PX,
    extent: 256,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ open: p.open, atRisk: p.atRisk, breached: p.breached, last: p.i }),
    reduce: (a, b) => {
      a.open += b.open;
      a.atRisk += b.atRisk;
      a.breached += b.breached;
      a.last = b.last;
    },
  }).load(features);
}

/** The groups inside a box of world pixels (at zoom 0) at a zoom. */
export function groupsIn(
  index: ClusterIndex,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  zoom: number,
): Group[] {
  const [w, n] = unproject(Math.max(0, box.minX), Math.max(0, box.minY));
  const [e, s] = unproject(Math.min(256, box.maxX), Math.min(256, box.maxY));
  // Zoom is floored by supercluster: on fractional zooms screen distances only grow.
  const found = index.getClusters([w, s, e, n], Math.floor(zoom + 1e-6));
  return found.map((f) => {
    const [wx, wy] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    const p = f.properties;
    if ("cluster" in p && p.cluster) {
      return {
        wx,
        wy,
        open: p.open,
        atRisk: p.atRisk,
        breached: p.breached,
        feeders: p.point_count,
        feeder: -1,
      };
    }
    const one = p as FeederProps;
    return {
      wx,
      wy,
      open: one.open,
      atRisk: one.atRisk,
      breached: one.breached,
      feeders: 1,
      feeder: one.i,
    };
  });
}

/** A circle on screen with the half-size of the square it and its number need. */
export interface Placed {
  x: number;
  y: number;
  /** Half the side of the square kept free for the circle and its number. */
  half: number;
  open: number;
  atRisk: number;
  breached: number;
  feeders: number;
  feeder: number;
}

/**
 * Merges circles whose squares (plus the gap) overlap, the smaller into the larger, until none
 * do: so no two circles, and no two numbers, ever touch. `halfOf` gives a circle's half-size for
 * its counts (it grows as groups merge). Squares rather than circles, because a number is a box.
 */
export function separate(
  circles: Placed[],
  halfOf: (c: Pick<Placed, "open" | "feeders">) => number,
): Placed[] {
  let kept = circles;
  for (;;) {
    kept.sort((a, b) => b.open - a.open || b.feeders - a.feeders);
    const next: Placed[] = [];
    let merged = false;
    for (const c of kept) {
      const hit = next.find((k) => touches(k, c));
      if (!hit) {
        next.push(c);
        continue;
      }
      merged = true;
      // The merged circle sits where the open tickets are (weighted by them).
      const total = hit.open + c.open;
      hit.x = (hit.x * hit.open + c.x * c.open) / total;
      hit.y = (hit.y * hit.open + c.y * c.open) / total;
      hit.open = total;
      hit.atRisk += c.atRisk;
      hit.breached += c.breached;
      hit.feeders += c.feeders;
      hit.feeder = -1;
      hit.half = halfOf(hit);
    }
    kept = next;
    // A merge moves and grows a circle, which may now touch another: check again.
    if (!merged) return kept;
  }
}

function touches(a: Placed, b: Placed): boolean {
  const reach = a.half + b.half + CIRCLE_GAP_PX;
  return Math.abs(a.x - b.x) < reach && Math.abs(a.y - b.y) < reach;
}

/** Web Mercator: lon/lat to world pixels at zoom 0 (256 px world), as Leaflet projects. */
export function project(lon: number, lat: number): [number, number] {
  const max = 85.0511287798;
  const sin = Math.sin((Math.max(Math.min(max, lat), -max) * Math.PI) / 180);
  return [
    (256 * (lon + 180)) / 360,
    256 * (0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI),
  ];
}

/** World pixels at zoom 0 back to lon/lat. */
export function unproject(x: number, y: number): [number, number] {
  const lon = (x / 256) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 256))) * 180) / Math.PI;
  return [lon, lat];
}
