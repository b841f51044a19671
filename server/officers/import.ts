import { fieldErrors, officerImportRowSchema } from "../../shared/schemas.js";
import type { Network } from "../network/loaded-network.js";
import { parseCsv } from "../network/csv.js";
import type { OfficerRow } from "./officers.js";
import { ROLE_UNIT_KIND, type OfficerRole } from "./roles.js";

export interface OfficerImportError {
  line: number;
  field: string | null;
  message: string;
}

/**
 * A discom's real officer list (CSV: id, unit_id, role, name, name_hi, designation,
 * designation_hi, phone, on_leave, stand_in_id, optional notify_by). Every row is checked against the loaded network
 * (the unit exists and is the kind the role heads); all errors are returned, and nothing is
 * returned unless the whole file is good.
 */
export function parseOfficerImport(
  text: string,
  network: Network,
): { ok: true; officers: OfficerRow[] } | { ok: false; errors: OfficerImportError[] } {
  const { records, errors: csvErrors } = parseCsv(text);
  const errors: OfficerImportError[] = csvErrors.map((e) => ({
    line: e.line,
    field: null,
    message: e.message,
  }));
  const [header, ...rows] = records;
  if (!header)
    return { ok: false, errors: [{ line: 0, field: null, message: "the file is empty" }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const known = Object.keys(officerImportRowSchema.shape);
  for (const c of columns)
    if (!known.includes(c))
      errors.push({
        line: header.line,
        field: c,
        message: `unknown column (expected ${known.join(", ")})`,
      });
  const officers: OfficerRow[] = [];
  const lines = new Map<string, number>();
  for (const r of rows) {
    const raw = Object.fromEntries(
      columns.map((c, i) => [c, r.fields[i] ?? ""]).filter(([, v]) => v !== ""),
    );
    const parsed = officerImportRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
        errors.push({ line: r.line, field, message });
      continue;
    }
    const o = parsed.data;
    const unit = network.unit(o.unit_id);
    if (!unit)
      errors.push({
        line: r.line,
        field: "unit_id",
        message: `no unit ${o.unit_id} in the network`,
      });
    else if (unit.kind !== ROLE_UNIT_KIND[o.role as OfficerRole]) {
      errors.push({
        line: r.line,
        field: "role",
        message: `a ${o.role.toUpperCase()} heads a ${ROLE_UNIT_KIND[o.role as OfficerRole]}, but ${o.unit_id} is a ${unit.kind}`,
      });
    }
    if (lines.has(o.id))
      errors.push({
        line: r.line,
        field: "id",
        message: `duplicate id (first on line ${lines.get(o.id)})`,
      });
    lines.set(o.id, r.line);
    const onLeave = o.on_leave === "true" || o.on_leave === "1" || o.on_leave === "yes";
    officers.push({
      ...o,
      on_leave: onLeave ? 1 : 0,
      stand_in_id: o.stand_in_id || null,
      notify_by: o.notify_by ?? null,
    });
  }
  for (const o of officers) {
    if (o.on_leave && !o.stand_in_id)
      errors.push({
        line: lines.get(o.id)!,
        field: "stand_in_id",
        message: "an officer on leave needs a stand-in",
      });
    if (o.stand_in_id && !lines.has(o.stand_in_id))
      errors.push({
        line: lines.get(o.id)!,
        field: "stand_in_id",
        message: `no officer ${o.stand_in_id} in the file`,
      });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, officers };
}
