import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";
import type { OfficerRole } from "../../../shared/officers.js";
import type { SettingsUpdate } from "../../../shared/schemas.js";
import type { LifecycleSettings, RoutingRule, SlaLimit } from "./types.js";

/**
 * The settings form as the user types it: numbers stay strings until saved, so "8." or an empty
 * box is an error to show, not a value to lose. Error keys follow the server's field paths
 * ("slaLimits.1.urbanHours"), so its 400 answers land next to the same inputs.
 */

export const LIMIT_FIELDS = [
  "aClassHours",
  "urbanHours",
  "ruralHours",
  "compensationPerDay",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export type LimitDraft = { category: CategoryId; verified: boolean; source: string } & Record<
  LimitField,
  string
>;

export interface OverrideDraft {
  /** Stable React key for a rule being edited. */
  key: string;
  category: CategoryId;
  role: OfficerRole;
  unitId: string;
}

export interface SettingsDraft {
  limits: LimitDraft[];
  general: Record<CategoryId, OfficerRole>;
  overrides: OverrideDraft[];
  confirmWindowHours: string;
  otpMaxAttempts: string;
}

/** Why a value is refused; the screen words it in the current language. */
export type DraftProblem =
  | "number"
  | "positive"
  | "notNegative"
  | "tooLarge"
  | "wholeNumber"
  | "unitRequired"
  | "duplicateRule"
  | "sourceRequired";

export type DraftErrors = Record<string, DraftProblem>;

const MAX_HOURS = 24 * 90;
const MAX_RUPEES = 100_000;
const MAX_CONFIRM_HOURS = 24 * 30;

let nextKey = 0;
export function newOverrideKey(): string {
  nextKey += 1;
  return `rule-${nextKey}`;
}

/** The wing's usual owner when the stored table has no general rule for a category. */
function defaultRole(category: CategoryId): OfficerRole {
  return CATEGORIES[category].wing === "technical" ? "je" : "sdo";
}

export function toDraft(s: LifecycleSettings): SettingsDraft {
  const general = Object.fromEntries(CATEGORY_IDS.map((c) => [c, defaultRole(c)])) as Record<
    CategoryId,
    OfficerRole
  >;
  const overrides: OverrideDraft[] = [];
  for (const r of s.routing) {
    if (r.unitId)
      overrides.push({
        key: newOverrideKey(),
        category: r.category,
        role: r.role,
        unitId: r.unitId,
      });
    else general[r.category] = r.role;
  }
  const limits = CATEGORY_IDS.map((c): LimitDraft | null => {
    const l = s.slaLimits.find((x) => x.category === c);
    if (!l) return null;
    return {
      category: c,
      verified: l.verified,
      source: l.source,
      aClassHours: String(l.aClassHours),
      urbanHours: String(l.urbanHours),
      ruralHours: String(l.ruralHours),
      compensationPerDay: String(l.compensationPerDay),
    };
  }).filter((l): l is LimitDraft => l !== null);
  return {
    limits,
    general,
    overrides,
    confirmWindowHours: String(s.confirmWindowHours),
    otpMaxAttempts: String(s.otpMaxAttempts),
  };
}

function parse(raw: string): number | null {
  const s = raw.trim();
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The routing table in the order it is sent: one general rule per category, then the overrides. */
export function draftRouting(d: SettingsDraft): RoutingRule[] {
  return [
    ...CATEGORY_IDS.map((category) => ({ category, role: d.general[category] })),
    ...d.overrides.map((o) => ({ category: o.category, role: o.role, unitId: o.unitId.trim() })),
  ];
}

/** Checks the draft like the server would; returns the PUT body when nothing is wrong. */
export function validateDraft(d: SettingsDraft): {
  errors: DraftErrors;
  patch: SettingsUpdate | null;
} {
  const errors: DraftErrors = {};
  const num = (path: string, raw: string, min: "positive" | "notNegative", max: number) => {
    const n = parse(raw);
    if (n === null) errors[path] = "number";
    else if (min === "positive" && n <= 0) errors[path] = "positive";
    else if (min === "notNegative" && n < 0) errors[path] = "notNegative";
    else if (n > max) errors[path] = "tooLarge";
    return n ?? 0;
  };
  const slaLimits: SlaLimit[] = d.limits.map((l, i) => {
    const p = `slaLimits.${i}`;
    if (l.verified && !l.source.trim()) errors[`${p}.source`] = "sourceRequired";
    return {
      category: l.category,
      aClassHours: num(`${p}.aClassHours`, l.aClassHours, "positive", MAX_HOURS),
      urbanHours: num(`${p}.urbanHours`, l.urbanHours, "positive", MAX_HOURS),
      ruralHours: num(`${p}.ruralHours`, l.ruralHours, "positive", MAX_HOURS),
      compensationPerDay: num(
        `${p}.compensationPerDay`,
        l.compensationPerDay,
        "notNegative",
        MAX_RUPEES,
      ),
      verified: l.verified,
      source: l.source.trim().slice(0, 500),
    };
  });
  const routing = draftRouting(d);
  const seen = new Set<string>();
  routing.forEach((r, i) => {
    if (!("unitId" in r)) return;
    if (!r.unitId) errors[`routing.${i}.unitId`] = "unitRequired";
    const id = `${r.category}@${r.unitId}`;
    if (r.unitId && seen.has(id)) errors[`routing.${i}.unitId`] = "duplicateRule";
    seen.add(id);
  });
  const confirmWindowHours = num(
    "confirmWindowHours",
    d.confirmWindowHours,
    "positive",
    MAX_CONFIRM_HOURS,
  );
  const otp = parse(d.otpMaxAttempts);
  if (otp === null) errors.otpMaxAttempts = "number";
  else if (!Number.isInteger(otp)) errors.otpMaxAttempts = "wholeNumber";
  else if (otp < 1) errors.otpMaxAttempts = "positive";
  else if (otp > 20) errors.otpMaxAttempts = "tooLarge";
  if (Object.keys(errors).length > 0) return { errors, patch: null };
  return {
    errors,
    patch: { routing, slaLimits, confirmWindowHours, otpMaxAttempts: otp ?? 1 },
  };
}

/** The override a server field path points at ("routing.7.unitId" → the second override), if any. */
export function overrideIndexOf(path: string): number | null {
  const m = /^routing\.(\d+)/.exec(path);
  if (!m) return null;
  const i = Number(m[1]) - CATEGORY_IDS.length;
  return i >= 0 ? i : null;
}

/** Comparable form of a draft, to know whether anything changed since the last load or save. */
export function snapshot(d: SettingsDraft): string {
  return JSON.stringify([
    d.limits,
    draftRouting(d),
    d.confirmWindowHours.trim(),
    d.otpMaxAttempts.trim(),
  ]);
}

/** The largest value a field accepts, for the "at most" message. */
export function maxFor(path: string): string {
  if (path.endsWith("compensationPerDay")) return "1,00,000";
  if (path === "confirmWindowHours") return "720";
  if (path === "otpMaxAttempts") return "20";
  return "2160";
}
