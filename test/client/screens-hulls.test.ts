import { describe, expect, it } from "vitest";
import type { Unit } from "../../shared/network.js";
import { convexHull, paddedHull, unitHulls } from "../../client/panels/map/hulls.js";

const unit = (id: string, kind: Unit["kind"], path: string[], lat = 26.8, lon = 80.9): Unit =>
  ({ id, kind, parentId: path.at(-1) ?? null, name: id, nameHi: id, lat, lon, path }) as Unit;

describe("unit outlines on a drill-down map", () => {
  it("finds the convex hull, leaving out points inside it", () => {
    const hull = convexHull([
      [0, 0],
      [0, 2],
      [2, 2],
      [2, 0],
      [1, 1],
      [0.5, 1.5],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).not.toContainEqual([1, 1]);
  });

  it("gives a unit of one feeder an area around it", () => {
    const hull = paddedHull([[26.8, 80.9]], 0.01);
    expect(hull).toHaveLength(4);
    for (const [lat, lon] of hull) {
      expect(Math.abs(lat - 26.8)).toBeCloseTo(0.01);
      expect(Math.abs(lon - 80.9)).toBeCloseTo(0.01);
    }
  });

  it("outlines a circle and each of its divisions around their own feeders, and nothing on wide maps", () => {
    const root = ["network", "UP", "PuVVNL", "Z1"];
    const units = new Map<string, Unit>();
    const add = (u: Unit) => units.set(u.id, u);
    add(unit("C1", "circle", root));
    add(unit("D1", "division", [...root, "C1"]));
    add(unit("D2", "division", [...root, "C1"]));
    const feeders = [
      unit("F1", "feeder", [...root, "C1", "D1", "S1", "SS1"], 26.0, 80.0),
      unit("F2", "feeder", [...root, "C1", "D1", "S1", "SS1"], 26.2, 80.3),
      unit("F3", "feeder", [...root, "C1", "D2", "S2", "SS2"], 27.0, 81.0),
      unit("F9", "feeder", [...root, "C9", "D9", "S9", "SS9"], 25.0, 79.0),
    ];
    for (const f of feeders) add(f);
    const hulls = unitHulls("C1", units, feeders);
    expect(hulls.map((h) => `${h.role}:${h.id}`).sort()).toEqual([
      "child:D1",
      "child:D2",
      "focus:C1",
    ]);
    const d1 = hulls.find((h) => h.id === "D1")!;
    const lats = d1.points.map((p) => p[0]);
    // D1's outline spans its two feeders (plus padding) and not D2's or another circle's.
    expect(Math.min(...lats)).toBeLessThan(26.0);
    expect(Math.max(...lats)).toBeGreaterThan(26.2);
    expect(Math.max(...lats)).toBeLessThan(26.3);
    const focus = hulls.find((h) => h.role === "focus")!;
    expect(Math.max(...focus.points.map((p) => p[0]))).toBeGreaterThan(27.0);
    expect(Math.min(...focus.points.map((p) => p[0]))).toBeGreaterThan(25.5);

    expect(unitHulls("network", units, feeders)).toEqual([]);
    expect(unitHulls("PuVVNL", units, feeders)).toEqual([]);
    expect(unitHulls("F1", units, feeders)).toEqual([]);
  });
});
