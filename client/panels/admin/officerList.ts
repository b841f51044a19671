import { OFFICER_ROLES, type OfficerRole } from "../../../shared/officers.js";
import type { OfficerWire } from "../../api/types.js";
import type { Language } from "../../i18n/index.js";

/** Filtering and ordering of officer lists, as plain functions the views and tests share. */

export function isOnLeave(o: Pick<OfficerWire, "on_leave">): boolean {
  return o.on_leave === true || o.on_leave === 1;
}

export function officerName(o: Pick<OfficerWire, "name" | "name_hi">, lng: Language): string {
  return lng === "hi" ? o.name_hi || o.name : o.name;
}

/** Highest rank first (MD … JE), then by name in the current language. */
export function sortOfficers(list: readonly OfficerWire[], lng: Language): OfficerWire[] {
  const c = new Intl.Collator(lng === "hi" ? "hi-IN" : "en-IN", { sensitivity: "base" });
  const rank = (r: OfficerRole) => OFFICER_ROLES.indexOf(r);
  return [...list].sort(
    (a, b) =>
      rank(b.role) - rank(a.role) ||
      c.compare(officerName(a, lng), officerName(b, lng)) ||
      a.id.localeCompare(b.id),
  );
}

/** Officers of a rank whose name (English or Hindi) contains `q`. */
export function filterOfficers(
  list: readonly OfficerWire[],
  role: OfficerRole | "",
  q: string,
): OfficerWire[] {
  const needle = q.trim().toLowerCase();
  return list.filter(
    (o) =>
      (!role || o.role === role) &&
      (!needle || o.name.toLowerCase().includes(needle) || o.name_hi.includes(needle)),
  );
}

/** Who may stand in for `officer`: others of the same rank in the area, not on leave themselves. */
export function standInCandidates(
  officer: OfficerWire,
  area: readonly OfficerWire[],
): OfficerWire[] {
  return area.filter((o) => o.id !== officer.id && o.role === officer.role && !isOnLeave(o));
}
