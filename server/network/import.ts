/**
 * Loads a discom's own network (CSV or GeoJSON, format in IMPORT.md) in place of the synthetic
 * one. All or nothing: every row is checked, every problem is reported with its line, and a file
 * with any problem yields no units, so a half-loaded network can never route complaints.
 */
import {
  A_CLASS_CITY_DISTRICTS,
  ROOT_UNIT_ID,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
} from "../../shared/domain.js";
import type { UnitKind } from "../../shared/domain.js";
import type { District, Unit } from "../../shared/network.js";
import { unitImportRowSchema } from "../../shared/schemas.js";
import type { UnitImportRow } from "../../shared/schemas.js";
import { readCsv, readGeoJson } from "./import-rows.js";
import type { RawRow } from "./import-rows.js";
import { districtGeometries } from "./districts.js";
import { pointInGeometry } from "./geo.js";

export interface ImportError {
  /** CSV: line in the file (header = 1). GeoJSON: feature index + 1. 0: the file as a whole. */
  line: number;
  field: string | null;
  message: string;
}
export { IMPORT_COLUMNS } from "./import-rows.js";
export type ImportResult = { ok: true; units: Unit[] } | { ok: false; errors: ImportError[] };

interface Row {
  line: number;
  data: UnitImportRow;
}

/** Parses and validates a whole network file; see the module comment. */
export function parseNetworkImport(
  content: string,
  format: "csv" | "geojson",
  districts: District[],
): ImportResult {
  const errors: ImportError[] = [];
  const raw = format === "csv" ? readCsv(content, errors) : readGeoJson(content, errors);
  const rows: Row[] = [];
  for (const r of raw) {
    // Spreadsheets write TRUE/Yes; the schema wants lower case.
    if (typeof r.values.urban === "string") r.values.urban = r.values.urban.toLowerCase();
    const parsed = unitImportRowSchema.safeParse(r.values);
    if (parsed.success) {
      rows.push({ line: r.line, data: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys)
          errors.push({ line: r.line, field: k, message: "is not a known column" });
        continue;
      }
      const field = issue.path.length ? String(issue.path[0]) : null;
      const missing = field !== null && r.values[field] === undefined;
      const notNumber = (field === "lat" || field === "lon") && issue.code === "invalid_type";
      const message = missing ? "is required" : notNumber ? "must be a number" : issue.message;
      errors.push({ line: r.line, field, message });
    }
  }
  const units = checkWhole(raw, rows, districts, errors);
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, units };
}

const A_CLASS = new Set<string>(A_CLASS_CITY_DISTRICTS);
const CIRCLE_LEVEL = UNIT_KINDS.indexOf("circle");

/** Checks that need the whole file (ids, parents, districts, codes) and builds the units. */
function checkWhole(
  raw: RawRow[],
  rows: Row[],
  districts: District[],
  errors: ImportError[],
): Unit[] {
  // Every id in the file, even on rows that failed validation, so that one bad row does not also
  // produce "parent not found" on each of its children.
  const known = new Map<string, { line: number; kind: UnitKind | null }>();
  for (const r of raw) {
    const id = typeof r.values.id === "string" ? r.values.id.trim() : String(r.values.id ?? "");
    const kind = (UNIT_KINDS as readonly string[]).includes(String(r.values.kind))
      ? (r.values.kind as UnitKind)
      : null;
    if (id && !known.has(id)) known.set(id, { line: r.line, kind });
  }
  const districtIds = new Set(districts.map((d) => d.id));
  const geometries = districtGeometries();
  const circleCodes = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const good: Row[] = [];
  for (const row of rows) {
    const { data: d, line } = row;
    const before = errors.length;
    const err = (field: string | null, message: string) => errors.push({ line, field, message });
    const prior = firstLine.get(d.id);
    if (prior !== undefined) err("id", `duplicate id ${d.id} (first on line ${prior})`);
    else firstLine.set(d.id, line);
    const level = UNIT_KINDS.indexOf(d.kind);
    if (d.kind === "network") {
      if (d.id !== ROOT_UNIT_ID) err("id", `the root unit must have id "${ROOT_UNIT_ID}"`);
      if (d.parent) err("parent", "the root unit has no parent");
    } else if (d.kind === "state") {
      if (d.parent && d.parent !== ROOT_UNIT_ID)
        err("parent", `a state's parent must be "${ROOT_UNIT_ID}" (or empty)`);
    } else if (!d.parent) {
      err("parent", `is required for a ${d.kind}`);
    } else {
      const parent = known.get(d.parent);
      const want = UNIT_KINDS[level - 1];
      if (!parent) err("parent", `${d.parent} is not in the file`);
      else if (parent.kind && parent.kind !== want)
        err("parent", `${d.parent} is a ${parent.kind}; a ${d.kind}'s parent must be a ${want}`);
    }
    if (d.kind === "feeder") {
      if (!d.district) err("district", "is required for a feeder");
      else if (!districtIds.has(d.district))
        err("district", `${d.district} is not a known district`);
      else {
        const geometry = geometries.get(d.district);
        if (geometry && !pointInGeometry(d.lat, d.lon, geometry))
          err("district", `the point (${d.lat}, ${d.lon}) lies outside district ${d.district}`);
      }
    } else if (d.district && level >= CIRCLE_LEVEL && !districtIds.has(d.district)) {
      err("district", `${d.district} is not a known district`);
    }
    if (d.kind === "circle") {
      if (!d.code) err("code", "is required for a circle (it prefixes ticket numbers)");
      else if (!/^[A-Z0-9]{2,8}$/.test(d.code))
        err("code", "must be 2 to 8 capital letters or digits");
      else if (circleCodes.has(d.code))
        err("code", `${d.code} is already used by the circle on line ${circleCodes.get(d.code)}`);
      else circleCodes.set(d.code, line);
    }
    if (errors.length === before) good.push(row);
  }
  if (!rows.some((r) => r.data.kind === "feeder") && !errors.length)
    errors.push({ line: 0, field: null, message: "the file has no feeders" });
  if (errors.length) return [];
  return buildUnits(good);
}

/** Turns validated rows into units: paths, districts for the levels above the feeder, the root. */
function buildUnits(rows: Row[]): Unit[] {
  const byId = new Map(rows.map((r) => [r.data.id, r.data]));
  const units = new Map<string, Unit>();
  const depth = (kind: UnitKind) => UNIT_KINDS.indexOf(kind);
  const sorted = [...rows].sort((a, b) => depth(a.data.kind) - depth(b.data.kind));
  if (!byId.has(ROOT_UNIT_ID)) {
    const states = rows.filter((r) => r.data.kind === "state").map((r) => r.data);
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    units.set(ROOT_UNIT_ID, {
      id: ROOT_UNIT_ID,
      kind: "network",
      parentId: null,
      name: UNIT_KIND_LABELS.network.en,
      nameHi: UNIT_KIND_LABELS.network.hi,
      lat: mean(states.map((s) => s.lat)),
      lon: mean(states.map((s) => s.lon)),
      path: [ROOT_UNIT_ID],
      districtId: null,
      synthetic: false,
    });
  }
  for (const { data: d } of sorted) {
    const parentId =
      d.kind === "network" ? null : d.kind === "state" ? ROOT_UNIT_ID : (d.parent ?? null);
    const parent = parentId ? units.get(parentId) : undefined;
    const unit: Unit = {
      id: d.id,
      kind: d.kind,
      parentId,
      name: d.name,
      nameHi: d.name_hi,
      lat: d.lat,
      lon: d.lon,
      path: parent ? [...parent.path, d.id] : [d.id],
      districtId: depth(d.kind) >= CIRCLE_LEVEL ? (d.district ?? null) : null,
      synthetic: false,
    };
    if (d.kind === "feeder") {
      unit.urban = d.urban;
      unit.aClass = d.urban && A_CLASS.has(d.district ?? "");
    }
    if (d.kind === "circle") unit.code = d.code;
    units.set(d.id, unit);
  }
  fillDistricts([...units.values()]);
  return [...units.values()];
}

/** A circle, division, sub-division or substation without a district takes its feeders' commonest one. */
function fillDistricts(units: Unit[]): void {
  const counts = new Map<string, Map<string, number>>();
  for (const u of units) {
    if (u.kind !== "feeder" || !u.districtId) continue;
    for (const id of u.path.slice(0, -1)) {
      const c = counts.get(id) ?? new Map<string, number>();
      c.set(u.districtId, (c.get(u.districtId) ?? 0) + 1);
      counts.set(id, c);
    }
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    if (u.districtId || UNIT_KINDS.indexOf(u.kind) < CIRCLE_LEVEL) continue;
    const c = counts.get(u.id);
    if (c)
      u.districtId = [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    // A unit with no feeders yet sits where its parent does (units are in top-down order).
    else u.districtId = (u.parentId && byId.get(u.parentId)?.districtId) || null;
  }
}
