import { describe, expect, it } from "vitest";
import { A_CLASS_CITY_DISTRICTS, ROOT_UNIT_ID, UNIT_KINDS } from "../../../shared/domain.js";
import type { Unit } from "../../../shared/network.js";
import { districtGeometries, loadDistricts } from "../../../server/network/districts.js";
import { generateNetwork } from "../../../server/network/generate.js";
import { pointInGeometry } from "../../../server/network/geo.js";

const small = generateNetwork({ seed: 42, feeders: 3000 });
const feedersOf = (units: Unit[]) => units.filter((u) => u.kind === "feeder");

describe("generateNetwork", () => {
  it("is deterministic: the same seed and size give identical units", () => {
    expect(generateNetwork({ seed: 42, feeders: 3000 })).toEqual(small);
  });

  it("gives a different network for a different seed, with the same skeleton", () => {
    const other = generateNetwork({ seed: 43, feeders: 3000 });
    expect(other).not.toEqual(small);
    const points = (us: Unit[]) => feedersOf(us).map((u) => `${u.lat},${u.lon}`);
    expect(points(other)).not.toEqual(points(small));
    const top = (us: Unit[]) => us.filter((u) => ["network", "state", "discom"].includes(u.kind));
    expect(top(other)).toEqual(top(small));
  });

  it("has exactly the requested number of feeders for 3,000 and 20,000", () => {
    expect(feedersOf(small)).toHaveLength(3000);
    const big = generateNetwork({ seed: 1, feeders: 20_000 });
    expect(feedersOf(big)).toHaveLength(20_000);
    // Realistic proportions at 20k: several feeders per substation, several divisions per circle.
    const count = (k: string) => big.filter((u) => u.kind === k).length;
    expect(20_000 / count("substation")).toBeGreaterThan(3);
    expect(20_000 / count("substation")).toBeLessThan(7);
    expect(count("division") / count("circle")).toBeGreaterThan(3);
  });

  it("builds the hierarchy root > states > the seven discoms", () => {
    const byId = new Map(small.map((u) => [u.id, u]));
    expect(byId.get(ROOT_UNIT_ID)?.kind).toBe("network");
    expect(small.filter((u) => u.kind === "state").map((u) => u.id)).toEqual(["UP", "BR"]);
    const discoms = small.filter((u) => u.kind === "discom");
    expect(discoms.map((u) => u.id).sort()).toEqual([
      "DVVNL",
      "KESCO",
      "MVVNL",
      "NBPDCL",
      "PVVNL",
      "PuVVNL",
      "SBPDCL",
    ]);
    for (const d of discoms)
      expect(d.parentId).toBe(["NBPDCL", "SBPDCL"].includes(d.id) ? "BR" : "UP");
    for (const u of small) {
      expect(u.synthetic, u.id).toBe(!["network", "state", "discom"].includes(u.kind));
      if (u.kind === "zone")
        expect(u.id).toMatch(/^(PuVVNL|MVVNL|PVVNL|DVVNL|KESCO|NBPDCL|SBPDCL)-Z\d+$/);
    }
  });

  it("has unique ids, paths that follow parentIds and kinds one level apart", () => {
    const byId = new Map(small.map((u) => [u.id, u]));
    expect(byId.size).toBe(small.length);
    for (const u of small) {
      expect(u.path[u.path.length - 1]).toBe(u.id);
      expect(u.path[0]).toBe(ROOT_UNIT_ID);
      if (u.parentId === null) {
        expect(u.id).toBe(ROOT_UNIT_ID);
        continue;
      }
      const parent = byId.get(u.parentId);
      expect(parent, u.id).toBeDefined();
      expect(u.path.slice(0, -1)).toEqual(parent?.path);
      expect(UNIT_KINDS.indexOf(u.kind) - UNIT_KINDS.indexOf(parent?.kind ?? "network")).toBe(1);
      expect(u.path).toHaveLength(UNIT_KINDS.indexOf(u.kind) + 1);
    }
  });

  it("gives circles unique three-character codes", () => {
    const big = generateNetwork({ seed: 9, feeders: 20_000 });
    for (const units of [small, big]) {
      const codes = units.filter((u) => u.kind === "circle").map((u) => u.code ?? "");
      expect(codes.length).toBeGreaterThan(113);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9]{2}$/);
    }
    const lucknow = small.filter((u) => u.kind === "circle" && u.districtId === "lucknow");
    expect(lucknow.map((u) => u.code)).toEqual(["LKO", "LK2"]);
    expect(lucknow.map((u) => u.name)).toEqual(["Lucknow Circle I", "Lucknow Circle II"]);
    expect(lucknow.map((u) => u.nameHi)).toEqual(["लखनऊ मंडल प्रथम", "लखनऊ मंडल द्वितीय"]);
  });

  it("puts every feeder and substation inside its district's polygon", () => {
    const geometries = districtGeometries();
    for (const units of [small, generateNetwork({ seed: 7, feeders: 20_000 })]) {
      for (const u of units) {
        if (u.kind !== "feeder" && u.kind !== "substation") continue;
        const g = geometries.get(u.districtId ?? "");
        expect(g, u.id).toBeDefined();
        if (g && !pointInGeometry(u.lat, u.lon, g))
          expect.fail(`${u.id} at ${u.lat},${u.lon} is outside ${u.districtId}`);
      }
    }
  });

  it("covers every district, each circle and everything below it in one district", () => {
    const districts = loadDistricts();
    const byId = new Map(small.map((u) => [u.id, u]));
    expect(new Set(feedersOf(small).map((u) => u.districtId))).toEqual(
      new Set(districts.map((d) => d.id)),
    );
    for (const u of small) {
      const level = UNIT_KINDS.indexOf(u.kind);
      if (level < UNIT_KINDS.indexOf("circle")) expect(u.districtId).toBeNull();
      else expect(u.districtId).toBe(byId.get(u.path[4])?.districtId);
    }
    // Each feeder's discom serves its district (Kanpur Nagar is shared by KESCO and DVVNL).
    const discomOf = new Map(districts.map((d) => [d.id, d.discom]));
    for (const f of feedersOf(small)) {
      if (f.districtId === "kanpur-nagar") continue;
      expect(f.path[2], f.id).toBe(discomOf.get(f.districtId ?? ""));
    }
  });

  it("keeps KESCO to urban Kanpur Nagar and gives DVVNL rural Kanpur Nagar", () => {
    const kesco = small.filter((u) => u.path.includes("KESCO") && u.kind !== "discom");
    expect(kesco.length).toBeGreaterThan(10);
    for (const u of kesco) if (u.kind !== "zone") expect(u.districtId, u.id).toBe("kanpur-nagar");
    const circles = small.filter((u) => u.kind === "circle" && u.districtId === "kanpur-nagar");
    expect(circles.map((u) => [u.path[2], u.code])).toEqual([
      ["DVVNL", "KN3"],
      ["KESCO", "KNP"],
      ["KESCO", "KN2"],
    ]);
    const kanpur = feedersOf(small).filter((f) => f.districtId === "kanpur-nagar");
    expect(kanpur.filter((f) => f.path[2] === "KESCO").every((f) => f.urban)).toBe(true);
    const rural = kanpur.filter((f) => f.path[2] === "DVVNL");
    expect(rural.length).toBeGreaterThan(0);
    expect(rural.every((f) => f.urban === false)).toBe(true);
  });

  it("marks urban feeders of the five A-class cities as aClass and no others", () => {
    const aClass = new Set<string>(A_CLASS_CITY_DISTRICTS);
    for (const city of A_CLASS_CITY_DISTRICTS) {
      const f = feedersOf(small).filter((u) => u.districtId === city);
      expect(
        f.some((u) => u.aClass && u.urban),
        city,
      ).toBe(true);
    }
    for (const f of feedersOf(small)) {
      expect(typeof f.urban).toBe("boolean");
      expect(f.aClass, f.id).toBe(Boolean(f.urban) && aClass.has(f.districtId ?? ""));
    }
    // Cities are mostly urban, rural districts mostly not.
    const share = (id: string) => {
      const f = feedersOf(small).filter((u) => u.districtId === id);
      return f.filter((u) => u.urban).length / f.length;
    };
    expect(share("lucknow")).toBeGreaterThan(0.6);
    expect(share("shravasti")).toBeLessThan(0.4);
  });

  it("names every unit in English and Hindi in the discoms' style", () => {
    for (const u of small) {
      expect(u.name.trim(), u.id).not.toBe("");
      expect(u.nameHi, u.id).toMatch(/[\u0900-\u097F]/);
    }
    const one = (kind: string) => small.find((u) => u.kind === kind && u.districtId === "lucknow");
    expect(one("division")?.name).toMatch(/^Electricity Distribution Division /);
    expect(one("division")?.nameHi).toMatch(/^विद्युत वितरण खंड /);
    expect(one("substation")?.name).toMatch(/^33\/11 kV Substation /);
    expect(one("substation")?.nameHi).toMatch(/^33\/11 केवी उपकेंद्र /);
    expect(one("feeder")?.name).toMatch(/^11 kV Feeder .+-\d+ \(Urban\)$/);
    expect(one("feeder")?.nameHi).toMatch(/^11 केवी फीडर .+-\d+ \(शहरी\)$/);
    // Siblings never share a name.
    const seen = new Set<string>();
    for (const u of small) {
      const key = `${u.parentId}|${u.name}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it("uses short, readable ids", () => {
    for (const u of small) expect(u.id.length, u.id).toBeLessThanOrEqual(24);
    expect(small.some((u) => /^LKO1-D\d+-S\d+-SS\d+-F\d+$/.test(u.id))).toBe(true);
  });
});
