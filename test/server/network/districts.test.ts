import { describe, expect, it } from "vitest";
import {
  loadDistrictFacts,
  loadDistrictGeoJson,
  loadDistricts,
} from "../../../server/network/districts.js";
import { pointInGeometry } from "../../../server/network/geo.js";
import {
  cityLocalities,
  districtTowns,
  BIG_CITY_DISTRICTS,
} from "../../../server/network/places.js";

const DEVANAGARI = /^[\u0900-\u097F\s.()-]+$/;

describe("loadDistricts", () => {
  const districts = loadDistricts();

  it("has the 75 UP and 38 Bihar districts with unique ids", () => {
    expect(districts).toHaveLength(113);
    expect(districts.filter((d) => d.state === "UP")).toHaveLength(75);
    expect(districts.filter((d) => d.state === "BR")).toHaveLength(38);
    expect(new Set(districts.map((d) => d.id)).size).toBe(113);
  });

  it("gives every district a Hindi name, a discom of its state and a confidence", () => {
    const up = ["PuVVNL", "MVVNL", "PVVNL", "DVVNL", "KESCO"];
    for (const d of districts) {
      expect(d.nameHi, d.id).toMatch(DEVANAGARI);
      expect(d.state === "UP" ? up : ["NBPDCL", "SBPDCL"], d.id).toContain(d.discom);
      expect(["source", "split", "inferred"]).toContain(d.discomConfidence);
    }
    const bihar = districts.filter((d) => d.state === "BR");
    expect(bihar.filter((d) => d.discom === "NBPDCL")).toHaveLength(21);
    expect(bihar.filter((d) => d.discom === "SBPDCL")).toHaveLength(17);
    const byId = new Map(districts.map((d) => [d.id, d]));
    expect(byId.get("patna")?.discom).toBe("SBPDCL");
    expect(byId.get("buxar")?.discom).toBe("SBPDCL");
    expect(byId.get("muzaffarpur")?.discom).toBe("NBPDCL");
    expect(byId.get("bhagalpur")?.discomConfidence).toBe("inferred");
    expect(byId.get("banka")?.discomConfidence).toBe("inferred");
  });

  it("puts every HQ inside its own district polygon", () => {
    const geo = new Map(loadDistrictGeoJson().features.map((f) => [f.properties.id, f.geometry]));
    for (const d of districts) {
      const g = geo.get(d.id);
      expect(g, d.id).toBeDefined();
      if (g) expect(pointInGeometry(d.hq.lat, d.hq.lon, g), `${d.id} HQ ${d.hq.name}`).toBe(true);
    }
  });

  it("returns the same cached facts on a second call", () => {
    expect(loadDistrictFacts()).toBe(loadDistrictFacts());
  });
});

describe("loadDistrictGeoJson", () => {
  it("merges UP and Bihar with id, names, state and discom on every feature", () => {
    const fc = loadDistrictGeoJson();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(113);
    for (const f of fc.features) {
      expect(Object.keys(f.properties).sort()).toEqual([
        "discom",
        "id",
        "name",
        "name_hi",
        "state",
      ]);
      expect(f.properties.discom).not.toBe("");
      expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
    }
    const patna = fc.features.find((f) => f.properties.id === "patna");
    expect(patna?.properties).toEqual({
      id: "patna",
      name: "Patna",
      name_hi: "पटना",
      state: "BR",
      discom: "SBPDCL",
    });
  });
});

describe("place names", () => {
  it("has towns for every district and localities for every big city, in both scripts", () => {
    for (const d of loadDistricts()) {
      const towns = districtTowns(d.id);
      expect(towns.length, d.id).toBeGreaterThanOrEqual(3);
      for (const t of towns) expect(t.hi, `${d.id} ${t.en}`).toMatch(DEVANAGARI);
    }
    for (const id of BIG_CITY_DISTRICTS) {
      expect(cityLocalities(id).length, id).toBeGreaterThanOrEqual(15);
      for (const l of cityLocalities(id))
        expect(l.hi, `${id} ${l.en}`).toMatch(/^[\u0900-\u097F\s.()0-9-]+$/);
    }
  });
});
