import { describe, expect, it } from "vitest";
import type { Polygon, MultiPolygon } from "geojson";
import type { Unit } from "../../../shared/network.js";
import {
  FeederIndex,
  areaKm2,
  haversineKm,
  mulberry32,
  pointInGeometry,
  randomPointInArea,
  toArea,
} from "../../../server/network/geo.js";
import { generateNetwork } from "../../../server/network/generate.js";

// A 1x1 degree square with a 0.5x0.5 hole in the middle, and a second square further east.
const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [80, 26],
      [81, 26],
      [81, 27],
      [80, 27],
      [80, 26],
    ],
    [
      [80.25, 26.25],
      [80.75, 26.25],
      [80.75, 26.75],
      [80.25, 26.75],
      [80.25, 26.25],
    ],
  ],
};
const multi: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    square.coordinates,
    [
      [
        [85, 25],
        [86, 25],
        [86, 26],
        [85, 26],
        [85, 25],
      ],
    ],
  ],
};

function feederAt(id: string, lat: number, lon: number): Unit {
  return {
    id,
    kind: "feeder",
    parentId: null,
    name: id,
    nameHi: id,
    lat,
    lon,
    path: [id],
    districtId: null,
    synthetic: true,
  };
}

describe("point in polygon", () => {
  it("counts a point in the ring but not in the hole as inside", () => {
    expect(pointInGeometry(26.1, 80.1, square)).toBe(true);
    expect(pointInGeometry(26.5, 80.5, square)).toBe(false);
    expect(pointInGeometry(27.5, 80.5, square)).toBe(false);
  });

  it("checks every part of a MultiPolygon", () => {
    expect(pointInGeometry(25.5, 85.5, multi)).toBe(true);
    expect(pointInGeometry(26.5, 80.5, multi)).toBe(false);
    expect(pointInGeometry(25.5, 83, multi)).toBe(false);
  });

  it("computes the area without the hole", () => {
    // 1 deg x 1 deg at 26 N is about 111 km x 100 km; the hole removes a quarter.
    expect(areaKm2(square)).toBeGreaterThan(0.75 * 11_000 * 0.95);
    expect(areaKm2(square)).toBeLessThan(0.75 * 11_200);
  });
});

describe("haversineKm", () => {
  it("gives the Lucknow-Patna distance (about 440 km)", () => {
    expect(haversineKm(26.8467, 80.9462, 25.5941, 85.1376)).toBeGreaterThan(430);
    expect(haversineKm(26.8467, 80.9462, 25.5941, 85.1376)).toBeLessThan(450);
    expect(haversineKm(26, 80, 26, 80)).toBe(0);
  });
});

describe("seeded sampling", () => {
  it("repeats the same sequence for the same seed and not for another", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("samples random points inside the polygon and never in its hole", () => {
    const rng = mulberry32(1);
    const area = toArea(square);
    for (let i = 0; i < 500; i++) {
      const p = randomPointInArea(area, rng);
      expect(pointInGeometry(p.lat, p.lon, square)).toBe(true);
    }
  });
});

describe("FeederIndex.nearest", () => {
  function bruteForce(feeders: Unit[], lat: number, lon: number): { id: string; km: number } {
    let best = { id: "", km: Infinity };
    for (const f of feeders) {
      const km = haversineKm(lat, lon, f.lat, f.lon);
      if (km < best.km) best = { id: f.id, km };
    }
    return best;
  }

  it("agrees with brute force on random points over the generated network", () => {
    const feeders = generateNetwork({ seed: 3, feeders: 3000 }).filter((u) => u.kind === "feeder");
    const index = new FeederIndex(feeders);
    const rng = mulberry32(99);
    let found = 0;
    for (let i = 0; i < 2000; i++) {
      const lat = 23.5 + rng() * 7.5;
      const lon = 77 + rng() * 11.5;
      const want = bruteForce(feeders, lat, lon);
      const got = index.nearest(lat, lon, 50);
      if (want.km > 50) {
        expect(got).toBeNull();
        continue;
      }
      found++;
      expect(got?.km).toBeCloseTo(want.km, 9);
      expect(got?.feeder.id).toBe(want.id);
    }
    expect(found).toBeGreaterThan(1000);
  });

  it("finds far feeders when allowed to look far, and nothing beyond maxKm", () => {
    const feeders = [feederAt("a", 26, 80), feederAt("b", 26, 80.5), feederAt("c", 30, 88)];
    const index = new FeederIndex(feeders);
    expect(index.nearest(26.01, 80.01)?.feeder.id).toBe("a");
    expect(index.nearest(26.0, 80.4)?.feeder.id).toBe("b");
    expect(index.nearest(29.9, 87.9, 50)?.feeder.id).toBe("c");
    expect(index.nearest(28, 84, 50)).toBeNull();
    expect(index.nearest(28, 84, 1000)?.feeder.id).toBe(bruteForce(feeders, 28, 84).id);
    expect(index.nearest(40, 70, Infinity)?.feeder.id).toBe("a");
    expect(new FeederIndex([]).nearest(26, 80)).toBeNull();
  });
});
