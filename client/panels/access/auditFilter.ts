import type { TFunction } from "i18next";
import { AUDIT_KINDS, type AuditKind, type AuditQuery } from "../../../shared/access.js";

/** The audit filters as typed: dates are the browser's yyyy-mm-dd, in the viewer's time zone. */
export interface AuditFilter {
  kind: AuditKind | "";
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilter = { kind: "", actor: "", from: "", to: "" };

export function isAuditKind(v: string): v is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(v);
}

/** Local midnight of a yyyy-mm-dd as an ISO instant; `endOfDay` gives the last millisecond. */
function dayBound(day: string, endOfDay: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (endOfDay) d.setHours(23, 59, 59, 999);
  return d.toISOString();
}

/** The query for GET /api/v1/audit, or the reason the period cannot be right. */
export function auditQuery(
  f: AuditFilter,
  t: TFunction<"access">,
): { ok: true; query: AuditQuery } | { ok: false; error: string } {
  const from = dayBound(f.from, false);
  const to = dayBound(f.to, true);
  if (from && to && from > to) return { ok: false, error: t("audit.errors.period") };
  const query: AuditQuery = { limit: 50 };
  if (f.kind) query.kind = f.kind;
  if (f.actor.trim()) query.actor = f.actor.trim();
  if (from) query.from = from;
  if (to) query.to = to;
  return { ok: true, query };
}

/** An entry's detail as short "key: value" pairs, for a table cell. */
export function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}
