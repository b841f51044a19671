/**
 * Geometry for the network: point-in-polygon on district boundaries, distances, seeded sampling
 * of points inside a district, and a grid index answering "which feeder is nearest to this pin?".
 * Everything is plain lon/lat (WGS84); districts are small enough that a flat-earth bbox is fine
 * for sampling, while distances use the haversine formula.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

/** A seeded PRNG returning floats in [0, 1); the same seed gives the same sequence everywhere. */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent seed from a seed and a label, so sub-generators do not share a stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A standard normal deviate (Box-Muller), for clustering points around a centre. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

export type AreaGeometry = Polygon | MultiPolygon;
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Even-odd ray casting on one ring; [lon, lat] positions as in GeoJSON. */
function inRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygonRings(lon: number, lat: number, rings: Position[][]): boolean {
  if (!rings.length || !inRing(lon, lat, rings[0])) return false;
  // Rings after the first are holes: a point in a hole is outside.
  for (let h = 1; h < rings.length; h++) if (inRing(lon, lat, rings[h])) return false;
  return true;
}

/** True when the point lies inside the Polygon or MultiPolygon (holes excluded). */
export function pointInGeometry(lat: number, lon: number, geometry: AreaGeometry): boolean {
  if (geometry.type === "Polygon") return inPolygonRings(lon, lat, geometry.coordinates);
  return geometry.coordinates.some((poly) => inPolygonRings(lon, lat, poly));
}

export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys)
    for (const [lon, lat] of poly[0] ?? []) {
      if (lon < box.minLon) box.minLon = lon;
      if (lon > box.maxLon) box.maxLon = lon;
      if (lat < box.minLat) box.minLat = lat;
      if (lat > box.maxLat) box.maxLat = lat;
    }
  return box;
}

/** Area in km2 on a local equirectangular projection: plenty for weighting districts. */
export function areaKm2(geometry: AreaGeometry): number {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const poly of polys)
    poly.forEach((ring, r) => {
      let twice = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
        twice += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      const midLat = ring.length ? ring[0][1] * RAD : 0;
      const km2 = (Math.abs(twice) / 2) * 111.32 * 111.32 * Math.cos(midLat);
      total += r === 0 ? km2 : -km2;
    });
  return total;
}

/** A polygon prepared for repeated sampling (bbox computed once). */
export interface Area {
  geometry: AreaGeometry;
  bbox: BBox;
}

export function toArea(geometry: AreaGeometry): Area {
  return { geometry, bbox: bboxOf(geometry) };
}

/**
 * A uniformly distributed point inside the area, by rejection sampling in its bbox. Deterministic
 * for a given rng state; districts fill 40-70 % of their bbox, so a few tries suffice.
 */
export function randomPointInArea(area: Area, rng: Rng): { lat: number; lon: number } {
  const { minLon, minLat, maxLon, maxLat } = area.bbox;
  for (let i = 0; i < 1000; i++) {
    const lon = minLon + rng() * (maxLon - minLon);
    const lat = minLat + rng() * (maxLat - minLat);
    if (pointInGeometry(lat, lon, area.geometry)) return { lat, lon };
  }
  throw new Error("could not sample a point inside the polygon (degenerate geometry?)");
}

/**
 * A point scattered around a centre (normal, sigma in km) that stays inside the area. After a few
 * misses (centre near the border) it falls back to the centre itself, which the caller guarantees
 * is inside, so points never leak into the next district.
 */
export function pointNear(
  area: Area,
  center: { lat: number; lon: number },
  sigmaKm: number,
  rng: Rng,
): { lat: number; lon: number } {
  const kmPerDegLon = 111.32 * Math.cos(center.lat * RAD);
  for (let i = 0; i < 12; i++) {
    const lat = center.lat + (gaussian(rng) * sigmaKm) / 110.57;
    const lon = center.lon + (gaussian(rng) * sigmaKm) / kmPerDegLon;
    if (pointInGeometry(lat, lon, area.geometry)) return { lat, lon };
  }
  return { lat: center.lat, lon: center.lon };
}

/** Rounds to 5 decimals (~1 m): keeps payloads small and output stable. */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export { FeederIndex } from "./feeder-index.js";
