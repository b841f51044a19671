import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Unit } from "../../../shared/network.js";
import { loadDistricts } from "../../../server/network/districts.js";
import { generateNetwork } from "../../../server/network/generate.js";
import { parseNetworkImport } from "../../../server/network/import.js";
import type { ImportError } from "../../../server/network/import.js";

const districts = loadDistricts();
const HEADER = "id,kind,parent,name,name_hi,lat,lon,urban,district,code";

// A small but complete network: one state down to two feeders in Lucknow.
const GOOD_ROWS = [
  "UP,state,,Uttar Pradesh,उत्तर प्रदेश,26.8467,80.9462,,,",
  "MVVNL,discom,UP,Madhyanchal Vidyut Vitran Nigam Ltd,मध्यांचल विद्युत वितरण निगम लिमिटेड,26.8467,80.9462,,,",
  "MV-Z1,zone,MVVNL,Lucknow Zone,लखनऊ क्षेत्र,26.8467,80.9462,,,",
  "LKO-C1,circle,MV-Z1,Lucknow Circle I,लखनऊ मंडल प्रथम,26.8467,80.9462,,,LKO",
  "LKO-D1,division,LKO-C1,Electricity Distribution Division Gomti Nagar,विद्युत वितरण खंड गोमती नगर,26.85,81.0,,,",
  "LKO-D1-S1,subdivision,LKO-D1,Electricity Distribution Sub-division Chinhat,विद्युत वितरण उपखंड चिनहट,26.88,81.04,,,",
  "LKO-SS-CHN,substation,LKO-D1-S1,33/11 kV Substation Chinhat,33/11 केवी उपकेंद्र चिनहट,26.881,81.045,,,",
  "LKO-F-CHN-3,feeder,LKO-SS-CHN,11 kV Feeder Chinhat-3 (Urban),11 केवी फीडर चिनहट-3 (शहरी),26.883,81.048,true,lucknow,",
  "LKO-F-CHN-4,feeder,LKO-SS-CHN,11 kV Feeder Chinhat-4 (Rural),11 केवी फीडर चिनहट-4 (ग्रामीण),26.90,81.07,false,lucknow,",
];
const goodCsv = [HEADER, ...GOOD_ROWS].join("\n") + "\n";

function units(result: ReturnType<typeof parseNetworkImport>): Unit[] {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.units;
}

describe("parseNetworkImport (CSV)", () => {
  it("loads a good file with paths, the root, districts and no synthetic flag", () => {
    const got = units(parseNetworkImport(goodCsv, "csv", districts));
    const byId = new Map(got.map((u) => [u.id, u]));
    expect(got).toHaveLength(GOOD_ROWS.length + 1);
    expect(byId.get("network")?.kind).toBe("network");
    expect(byId.get("UP")?.parentId).toBe("network");
    const feeder = byId.get("LKO-F-CHN-3");
    expect(feeder).toMatchObject({
      kind: "feeder",
      parentId: "LKO-SS-CHN",
      path: [
        "network",
        "UP",
        "MVVNL",
        "MV-Z1",
        "LKO-C1",
        "LKO-D1",
        "LKO-D1-S1",
        "LKO-SS-CHN",
        "LKO-F-CHN-3",
      ],
      districtId: "lucknow",
      urban: true,
      aClass: true,
      synthetic: false,
      lat: 26.883,
      lon: 81.048,
      nameHi: "11 केवी फीडर चिनहट-3 (शहरी)",
    });
    expect(byId.get("LKO-F-CHN-4")).toMatchObject({ urban: false, aClass: false });
    expect(byId.get("LKO-C1")).toMatchObject({ code: "LKO", districtId: "lucknow" });
    // Levels below the circle without a district take their feeders' district; above, none.
    expect(byId.get("LKO-SS-CHN")?.districtId).toBe("lucknow");
    expect(byId.get("MV-Z1")?.districtId).toBeNull();
    expect(got.every((u) => u.synthetic === false)).toBe(true);
  });

  it("accepts the example in IMPORT.md", () => {
    const doc = readFileSync(new URL("../../../server/network/IMPORT.md", import.meta.url), "utf8");
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
    const got = units(parseNetworkImport(example, "csv", districts));
    expect(got.filter((u) => u.kind === "feeder")).toHaveLength(1);
  });

  it("accepts rows in any order, a BOM, CRLF line ends and columns in another order", () => {
    const reordered = [...GOOD_ROWS].reverse().map((r) => {
      const f = r.split(",");
      return [f[9], ...f.slice(0, 9)].join(",");
    });
    const csv =
      "\uFEFF" +
      ["code,id,kind,parent,name,name_hi,lat,lon,urban,district", ...reordered].join("\r\n");
    const got = units(parseNetworkImport(csv, "csv", districts));
    expect(got.map((u) => u.id).sort()).toEqual(
      units(parseNetworkImport(goodCsv, "csv", districts))
        .map((u) => u.id)
        .sort(),
    );
  });

  it("reads RFC 4180 quoted fields with commas, doubled quotes and line breaks", () => {
    const quoted = GOOD_ROWS.slice(0, 7)
      .join("\n")
      .replace(
        "LKO-SS-CHN,substation,LKO-D1-S1,33/11 kV Substation Chinhat,",
        'LKO-SS-CHN,substation,LKO-D1-S1,"33/11 kV Substation ""Chinhat"", Lucknow",',
      );
    const csv = [
      HEADER,
      quoted,
      '"LKO-F-CHN-3",feeder,LKO-SS-CHN,"11 kV Feeder Chinhat-3,\nnear ""the"" mandi",11 केवी फीडर चिनहट-3,26.883,81.048,TRUE,lucknow,',
      // The line after a quoted line break is line 11: a bad row here must say so.
      "BAD-1,feeder,LKO-SS-CHN,x,y,26.883,81.048,,lucknow,",
    ].join("\n");
    const withBad = parseNetworkImport(csv, "csv", districts);
    expect(withBad.ok ? [] : withBad.errors).toEqual([]);
    const byId = new Map(units(withBad).map((u) => [u.id, u]));
    expect(byId.get("LKO-SS-CHN")?.name).toBe('33/11 kV Substation "Chinhat", Lucknow');
    expect(byId.get("LKO-F-CHN-3")?.name).toBe('11 kV Feeder Chinhat-3,\nnear "the" mandi');
    expect(byId.get("LKO-F-CHN-3")?.urban).toBe(true);
    const broken = parseNetworkImport(
      csv.replace("BAD-1,feeder", "BAD-1,fedder"),
      "csv",
      districts,
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.errors).toEqual([{ line: 11, field: "kind", message: expect.any(String) }]);
  });

  it("reports every bad row with its line and field, and returns no units", () => {
    const rows = [
      HEADER, // line 1
      ...GOOD_ROWS, // lines 2-10
      "LKO-F-5,feedr,LKO-SS-CHN,Feeder 5,फीडर 5,26.88,81.05,true,lucknow,", // 11: bad kind
      "LKO-F-6,feeder,LKO-SS-GONE,Feeder 6,फीडर 6,26.88,81.05,true,lucknow,", // 12: missing parent
      "LKO-F-7,feeder,LKO-SS-CHN,Feeder 7,फीडर 7,25.5941,85.1376,true,lucknow,", // 13: Patna, not Lucknow
      "LKO-F-CHN-3,feeder,LKO-SS-CHN,Feeder 3 again,फीडर 3,26.88,81.05,true,lucknow,", // 14: duplicate id
      "LKO-F-8,feeder,LKO-SS-CHN,Feeder 8,फीडर 8,north,81.05,true,lucknow,", // 15: bad lat
      "LKO-F-9,feeder,LKO-D1,Feeder 9,फीडर 9,26.88,81.05,true,lucknow,", // 16: parent of the wrong kind
      "LKO-F-10,feeder,LKO-SS-CHN,Feeder 10,फीडर 10,26.88,81.05,true,atlantis,", // 17: unknown district
      "LKO-C2,circle,MV-Z1,Lucknow Circle II,लखनऊ मंडल द्वितीय,26.85,80.95,,,LKO", // 18: circle code taken
      "LKO-F-11,feeder,LKO-SS-CHN,Feeder 11,फीडर 11,95,81.05,true,lucknow,", // 19: lat out of range
      "LKO-F-12,feeder,LKO-SS-CHN,Feeder 12,,26.88,81.05,true,lucknow,", // 20: no Hindi name
    ];
    const result = parseNetworkImport(rows.join("\n"), "csv", districts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const brief = result.errors.map((e: ImportError) => [e.line, e.field]);
    expect(brief).toEqual([
      [11, "kind"],
      [12, "parent"],
      [13, "district"],
      [14, "id"],
      [15, "lat"],
      [16, "parent"],
      [17, "district"],
      [18, "code"],
      [19, "lat"],
      [20, "name_hi"],
    ]);
    const msg = (line: number) => result.errors.find((e) => e.line === line)?.message;
    expect(msg(12)).toBe("LKO-SS-GONE is not in the file");
    expect(msg(13)).toMatch(/outside district lucknow/);
    expect(msg(14)).toBe("duplicate id LKO-F-CHN-3 (first on line 9)");
    expect(msg(15)).toBe("must be a number");
    expect(msg(16)).toBe("LKO-D1 is a division; a feeder's parent must be a substation");
    expect(msg(17)).toBe("atlantis is not a known district");
    expect(msg(20)).toBe("is required");
    expect("units" in result).toBe(false);
  });

  it("does not cascade: children of a bad row are not reported again", () => {
    const csv = [
      HEADER,
      ...GOOD_ROWS.map((r) =>
        r.replace("LKO-SS-CHN,substation,LKO-D1-S1", "LKO-SS-CHN,substation,NOPE"),
      ),
    ].join("\n");
    const result = parseNetworkImport(csv, "csv", districts);
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([8]);
  });

  it("rejects a file without a header, with unknown columns, with ragged rows or without feeders", () => {
    const errorsOf = (csv: string) => {
      const r = parseNetworkImport(csv, "csv", districts);
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf("")).toEqual([
      { line: 1, field: null, message: expect.stringMatching(/header/) },
    ]);
    expect(errorsOf(GOOD_ROWS.join("\n")).every((e) => e.line === 1)).toBe(true);
    expect(errorsOf(`${HEADER},colour\n`)).toEqual([
      { line: 1, field: "colour", message: expect.any(String) },
    ]);
    expect(errorsOf([HEADER, "UP,state,,Uttar Pradesh"].join("\n"))).toEqual([
      { line: 2, field: null, message: "has 4 fields; the header has 10" },
    ]);
    expect(errorsOf([HEADER, GOOD_ROWS[0]].join("\n"))).toEqual([
      { line: 0, field: null, message: "the file has no feeders" },
    ]);
    expect(errorsOf([HEADER, 'UP,state,,"Uttar Pradesh'].join("\n"))[0]).toMatchObject({
      line: 2,
      field: null,
    });
  });

  it("round-trips the generated network through CSV", () => {
    const generated = generateNetwork({ seed: 4, feeders: 3000 });
    const cell = (v: unknown) => {
      const s = v === undefined || v === null ? "" : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = generated
      .filter((u) => u.kind !== "network")
      .map((u) =>
        [u.id, u.kind, u.parentId, u.name, u.nameHi, u.lat, u.lon, u.urban, u.districtId, u.code]
          .map(cell)
          .join(","),
      );
    const imported = units(parseNetworkImport([HEADER, ...lines].join("\n"), "csv", districts));
    const strip = (us: Unit[]) =>
      us
        .filter((u) => u.kind !== "network")
        .map((u) => ({ ...u, synthetic: false, urban: u.urban, aClass: u.aClass }));
    const byId = new Map(strip(imported).map((u) => [u.id, u]));
    for (const u of strip(generated)) expect(byId.get(u.id), u.id).toEqual(u);
  });
});

describe("parseNetworkImport (GeoJSON)", () => {
  function toGeoJson(csvRows: string[]) {
    const cols = HEADER.split(",");
    return {
      type: "FeatureCollection",
      features: csvRows.map((r) => {
        const f = r.split(",");
        const props: Record<string, unknown> = {};
        cols.forEach((c, i) => {
          if (c !== "lat" && c !== "lon" && f[i] !== "")
            props[c] = c === "urban" ? f[i] === "true" : f[i];
        });
        return {
          type: "Feature",
          geometry: { type: "Point", coordinates: [Number(f[6]), Number(f[5])] },
          properties: props,
        };
      }),
    };
  }

  it("loads a good FeatureCollection the same as the CSV", () => {
    const fromGeo = units(
      parseNetworkImport(JSON.stringify(toGeoJson(GOOD_ROWS)), "geojson", districts),
    );
    expect(fromGeo).toEqual(units(parseNetworkImport(goodCsv, "csv", districts)));
  });

  it("numbers errors by feature (index + 1) and checks geometry", () => {
    const doc = toGeoJson(GOOD_ROWS);
    doc.features[2].properties.kind = "zoen";
    doc.features[7].geometry = {
      type: "LineString",
      coordinates: [
        [81, 26],
        [81.1, 26.1],
      ],
    } as never;
    const result = parseNetworkImport(JSON.stringify(doc), "geojson", districts);
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "kind"],
      [8, "geometry"],
    ]);
    const notJson = parseNetworkImport("{", "geojson", districts);
    expect(notJson.ok ? [] : notJson.errors.map((e) => e.line)).toEqual([0]);
    const notFc = parseNetworkImport('{"type":"Feature"}', "geojson", districts);
    expect(notFc.ok ? [] : notFc.errors[0].message).toMatch(/FeatureCollection/);
  });
});
