/**
 * Reading a network file into raw rows (column -> value) with the line each came from; no
 * validation beyond the file's own syntax (CSV shape, JSON, Point geometry). See IMPORT.md.
 */
import { parseCsv } from "./csv.js";
import type { ImportError } from "./import.js";

export const IMPORT_COLUMNS = [
  "id",
  "kind",
  "parent",
  "name",
  "name_hi",
  "lat",
  "lon",
  "urban",
  "district",
  "code",
] as const;
const REQUIRED_COLUMNS = ["id", "kind", "parent", "name", "name_hi", "lat", "lon"];

export interface RawRow {
  line: number;
  values: Record<string, unknown>;
}

export function readCsv(content: string, errors: ImportError[]): RawRow[] {
  const { records, errors: csvErrors } = parseCsv(content);
  for (const e of csvErrors) errors.push({ line: e.line, field: null, message: e.message });
  const [header, ...body] = records;
  if (!header) {
    errors.push({
      line: 1,
      field: null,
      message: `the file is empty; the first line must be the header (${IMPORT_COLUMNS.join(",")})`,
    });
    return [];
  }
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  columns.forEach((c, i) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(c))
      errors.push({
        line: header.line,
        field: c || null,
        message: `is not a known column (columns: ${IMPORT_COLUMNS.join(",")})`,
      });
    else if (columns.indexOf(c) !== i)
      errors.push({ line: header.line, field: c, message: "appears twice in the header" });
  });
  for (const c of REQUIRED_COLUMNS)
    if (!columns.includes(c))
      errors.push({ line: header.line, field: c, message: "column is missing from the header" });
  if (errors.length) return [];
  const rows: RawRow[] = [];
  for (const rec of body) {
    if (rec.fields.length !== columns.length) {
      errors.push({
        line: rec.line,
        field: null,
        message: `has ${rec.fields.length} fields; the header has ${columns.length}`,
      });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      // An empty cell means "not given", so optional columns may be left blank.
      const v = rec.fields[i].trim();
      if (v !== "") values[c] = v;
    });
    rows.push({ line: rec.line, values });
  }
  return rows;
}

export function readGeoJson(content: string, errors: ImportError[]): RawRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (e) {
    errors.push({ line: 0, field: null, message: `not valid JSON: ${(e as Error).message}` });
    return [];
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (
    !fc ||
    typeof fc !== "object" ||
    fc.type !== "FeatureCollection" ||
    !Array.isArray(fc.features)
  ) {
    errors.push({ line: 0, field: null, message: "must be a GeoJSON FeatureCollection" });
    return [];
  }
  const rows: RawRow[] = [];
  (fc.features as unknown[]).forEach((f, i) => {
    const line = i + 1;
    const feature = f as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: unknown;
    };
    const coords = feature?.geometry?.coordinates;
    if (feature?.geometry?.type !== "Point" || !Array.isArray(coords) || coords.length < 2) {
      errors.push({ line, field: "geometry", message: "must be a Point with [lon, lat]" });
      return;
    }
    const props =
      feature.properties && typeof feature.properties === "object"
        ? { ...(feature.properties as Record<string, unknown>) }
        : {};
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === "") delete props[k];
      // Numeric ids are common in GIS exports; ids are strings here.
      else if (typeof v === "number" && ["id", "parent", "district", "code"].includes(k))
        props[k] = String(v);
    }
    // The geometry is the unit's location; lat/lon properties, if any, are overridden.
    rows.push({ line, values: { ...props, lon: coords[0], lat: coords[1] } });
  });
  return rows;
}
