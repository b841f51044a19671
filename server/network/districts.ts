/**
 * The district gazetteer: 75 UP and 38 Bihar districts with their discom, HQ and boundary. Read
 * from the files shipped next to this module (data/, see data/SOURCES.md) and cached, since
 * several modules ask for them and they never change while the server runs.
 */
import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { District } from "../../shared/network.js";
import {
  areaKm2 as polygonArea,
  mulberry32,
  pointInGeometry,
  randomPointInArea,
  toArea,
} from "./geo.js";
import type { AreaGeometry } from "./geo.js";

/** Properties of one feature of the merged district layer served to the map. */
export interface DistrictFeatureProps {
  id: string;
  name: string;
  name_hi: string;
  state: "UP" | "BR";
  discom: string;
}
export type DistrictFeatureCollection = FeatureCollection<
  Polygon | MultiPolygon,
  DistrictFeatureProps
>;

/** A district row with the extra facts the generator needs (not part of the wire type). */
export interface DistrictFacts extends District {
  revenueDivision: string;
  /** Approximate area from the boundary polygon. */
  areaKm2: number;
  hqNameHi: string;
  note: string | null;
}

interface RawDistrict {
  id: string;
  name: string;
  name_hi: string;
  revenue_division: string;
  discom: string;
  discom_confidence: District["discomConfidence"];
  note?: string;
  area_km2_approx?: number;
  hq: { name: string; name_hi?: string; lat: number; lon: number };
  label_point?: { lat: number; lon: number };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), "utf8")) as T;
}

let factsCache: DistrictFacts[] | null = null;
let geoCache: DistrictFeatureCollection | null = null;
let districtsCache: District[] | null = null;

/** UP HQ towns whose name differs from the district's: the Hindi name is not in the source file. */
const UP_HQ_HI: Record<string, string> = {
  "ambedkar-nagar": "अकबरपुर",
  amethi: "गौरीगंज",
  ayodhya: "अयोध्या",
  farrukhabad: "फतेहगढ़",
  "gautam-buddha-nagar": "नोएडा",
  jalaun: "उरई",
  "kanpur-dehat": "अकबरपुर",
  "kanpur-nagar": "कानपुर",
  kaushambi: "मंझनपुर",
  kushinagar: "पडरौना",
  "lakhimpur-kheri": "लखीमपुर",
  pratapgarh: "प्रतापगढ़",
  prayagraj: "प्रयागराज",
  sambhal: "बहजोई",
  "sant-kabir-nagar": "खलीलाबाद",
  shravasti: "भिनगा",
  siddharthnagar: "सिद्धार्थनगर",
  sonbhadra: "रॉबर्ट्सगंज",
};

/** HQ names in the UP source carry the old name in brackets ("Prayagraj (Allahabad)"): keep the first. */
function cleanHqName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, "").trim();
}

function areaOf(geometry: AreaGeometry | undefined): number {
  return geometry ? polygonArea(geometry) : 0;
}

/**
 * The HQ point, or a point inside the polygon when the HQ is not: the generator clusters city
 * units around the HQ and relies on it being inside. All shipped HQs are inside (a test checks);
 * this guards hand-edited data files.
 */
function hqInside(
  raw: RawDistrict,
  geometry: AreaGeometry | undefined,
): { lat: number; lon: number } {
  if (!geometry || pointInGeometry(raw.hq.lat, raw.hq.lon, geometry))
    return { lat: raw.hq.lat, lon: raw.hq.lon };
  if (raw.label_point && pointInGeometry(raw.label_point.lat, raw.label_point.lon, geometry))
    return { ...raw.label_point };
  return randomPointInArea(toArea(geometry), mulberry32(1));
}

/** Every district with the facts the generator uses, UP first, each state in file order. */
export function loadDistrictFacts(): DistrictFacts[] {
  if (factsCache) return factsCache;
  const geometries = districtGeometries();
  const build = (raw: RawDistrict, state: "UP" | "BR"): DistrictFacts => ({
    id: raw.id,
    name: raw.name,
    nameHi: raw.name_hi,
    state,
    discom: raw.discom,
    discomConfidence: raw.discom_confidence,
    hq: { ...hqInside(raw, geometries.get(raw.id)), name: cleanHqName(raw.hq.name) },
    revenueDivision: raw.revenue_division,
    areaKm2: raw.area_km2_approx ?? Math.round(areaOf(geometries.get(raw.id))),
    hqNameHi: raw.hq.name_hi ?? UP_HQ_HI[raw.id] ?? raw.name_hi,
    note: raw.note ?? null,
  });
  const up = readJson<{ districts: RawDistrict[] }>("up-districts.json").districts.map((d) =>
    build(d, "UP"),
  );
  const br = readJson<{ districts: RawDistrict[] }>("bihar-districts.json").districts.map((d) =>
    build(d, "BR"),
  );
  factsCache = [...up, ...br];
  return factsCache;
}

/** The 113 districts (75 UP, 38 Bihar) in the shape the rest of the product uses. */
export function loadDistricts(): District[] {
  districtsCache ??= loadDistrictFacts().map((d) => ({
    id: d.id,
    name: d.name,
    nameHi: d.nameHi,
    state: d.state,
    discom: d.discom,
    discomConfidence: d.discomConfidence,
    hq: { ...d.hq },
  }));
  return districtsCache;
}

/** UP and Bihar boundaries as one FeatureCollection with `{ id, name, name_hi, state, discom }`. */
export function loadDistrictGeoJson(): DistrictFeatureCollection {
  if (geoCache) return geoCache;
  type RawProps = { id: string; name: string; name_hi?: string; discom?: string };
  const features: Feature<Polygon | MultiPolygon, DistrictFeatureProps>[] = [];
  const bihar = new Map(
    readJson<{ districts: RawDistrict[] }>("bihar-districts.json").districts.map((d) => [d.id, d]),
  );
  const add = (file: string, state: "UP" | "BR") => {
    const fc = readJson<FeatureCollection<Polygon | MultiPolygon, RawProps>>(file);
    for (const f of fc.features) {
      const extra = bihar.get(f.properties.id);
      features.push({
        type: "Feature",
        geometry: f.geometry,
        properties: {
          id: f.properties.id,
          name: f.properties.name,
          name_hi: f.properties.name_hi ?? extra?.name_hi ?? f.properties.name,
          state,
          discom: f.properties.discom ?? extra?.discom ?? "",
        },
      });
    }
  };
  add("up-districts.geojson", "UP");
  add("bihar-districts.geojson", "BR");
  geoCache = { type: "FeatureCollection", features };
  return geoCache;
}

let geometryCache: Map<string, AreaGeometry> | null = null;

/** District id -> boundary geometry, for point-in-district checks. */
export function districtGeometries(): Map<string, AreaGeometry> {
  geometryCache ??= new Map(
    loadDistrictGeoJson().features.map((f) => [f.properties.id, f.geometry]),
  );
  return geometryCache;
}
