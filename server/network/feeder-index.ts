import type { Unit } from "../../shared/network.js";
import { haversineKm } from "./geo.js";

const KM_PER_DEG_LAT = 110.57;

/**
 * A uniform lon/lat grid over the feeders, searched ring by ring outwards from the query's cell.
 * The answer is exact (haversine), not approximate: a ring is only skipped once no point in it can
 * beat the best distance found so far. Built once per network (20,000 feeders in a few ms).
 */
export class FeederIndex {
  private readonly feeders: Unit[];
  private readonly minLat: number;
  private readonly minLon: number;
  private readonly cellDeg: number;
  private readonly rows: number;
  private readonly cols: number;
  /** CSR layout: the feeders of cell c are order[start[c] .. start[c + 1]). */
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  /** The largest |latitude| of the grid (plus a margin), where a lon step is shortest. */
  private readonly topLat: number;

  constructor(feeders: Iterable<Unit>) {
    this.feeders = [...feeders].filter(
      (u) => u.kind === "feeder" && Number.isFinite(u.lat) && Number.isFinite(u.lon),
    );
    const n = this.feeders.length;
    let minLat = Infinity;
    let maxLat = -Infinity;
    let minLon = Infinity;
    let maxLon = -Infinity;
    for (const f of this.feeders) {
      minLat = Math.min(minLat, f.lat);
      maxLat = Math.max(maxLat, f.lat);
      minLon = Math.min(minLon, f.lon);
      maxLon = Math.max(maxLon, f.lon);
    }
    if (!n) [minLat, maxLat, minLon, maxLon] = [0, 0, 0, 0];
    // About two feeders per cell keeps both the grid and each cell's scan small.
    const spanArea = Math.max((maxLat - minLat) * (maxLon - minLon), 1e-4);
    this.cellDeg = Math.min(1, Math.max(0.005, Math.sqrt(spanArea / Math.max(1, n / 2))));
    this.minLat = minLat;
    this.minLon = minLon;
    this.rows = Math.floor((maxLat - minLat) / this.cellDeg) + 1;
    this.cols = Math.floor((maxLon - minLon) / this.cellDeg) + 1;
    this.topLat = Math.max(Math.abs(minLat), Math.abs(maxLat)) + 1;

    const cellOf = new Int32Array(n);
    const counts = new Int32Array(this.rows * this.cols + 1);
    this.feeders.forEach((f, i) => {
      const c = this.cell(this.rowOf(f.lat), this.colOf(f.lon));
      cellOf[i] = c;
      counts[c + 1]++;
    });
    for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
    this.start = counts.slice();
    this.order = new Int32Array(n);
    const fill = counts;
    for (let i = 0; i < n; i++) this.order[fill[cellOf[i]]++] = i;
  }

  get size(): number {
    return this.feeders.length;
  }

  /** The feeder nearest to the point within `maxKm`, or null when there is none that close. */
  nearest(lat: number, lon: number, maxKm = 50): { feeder: Unit; km: number } | null {
    if (!this.feeders.length || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    const r0 = this.rowOf(lat);
    const c0 = this.colOf(lon);
    let best = -1;
    let bestKm = Infinity;
    // Lower bound of the km per cell step in any direction, at the query's latitude or the grid's
    // top, whichever is further from the equator (the 0.99 absorbs the spherical approximation).
    const lat0 = Math.min(89, Math.max(this.topLat, Math.abs(lat) + 1));
    const cellKm =
      this.cellDeg * Math.min(KM_PER_DEG_LAT, 111.32 * Math.cos((lat0 * Math.PI) / 180)) * 0.99;
    const maxRing = Math.max(this.rows, this.cols) + Math.max(Math.abs(r0), Math.abs(c0)) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Any point in ring r is at least r - 1 whole cells away from the query.
      const bound = Math.max(0, ring - 1) * cellKm;
      if (bound > maxKm || bound > bestKm) break;
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const edgeRow = r === r0 - ring || r === r0 + ring;
        // Interior rows of the ring only contribute their two edge columns.
        const step = edgeRow ? 1 : Math.max(1, 2 * ring);
        for (let c = c0 - ring; c <= c0 + ring; c += step) {
          if (c < 0 || c >= this.cols) continue;
          const cell = this.cell(r, c);
          for (let k = this.start[cell]; k < this.start[cell + 1]; k++) {
            const i = this.order[k];
            const f = this.feeders[i];
            const km = haversineKm(lat, lon, f.lat, f.lon);
            if (km < bestKm || (km === bestKm && i < best)) {
              bestKm = km;
              best = i;
            }
          }
        }
      }
    }
    if (best < 0 || bestKm > maxKm) return null;
    return { feeder: this.feeders[best], km: bestKm };
  }

  private rowOf(lat: number): number {
    return Math.floor((lat - this.minLat) / this.cellDeg);
  }

  private colOf(lon: number): number {
    return Math.floor((lon - this.minLon) / this.cellDeg);
  }

  private cell(r: number, c: number): number {
    return r * this.cols + c;
  }
}
