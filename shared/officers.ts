import type { UnitKind } from "./domain.js";

/** The escalation ladder, bottom to top, and the unit each officer heads. */
export const OFFICER_ROLES = ["je", "sdo", "xen", "se", "ce", "md"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const ROLE_UNIT_KIND: Record<OfficerRole, UnitKind> = {
  je: "substation",
  sdo: "subdivision",
  xen: "division",
  se: "circle",
  ce: "zone",
  md: "discom",
};

export const ROLE_TITLES: Record<OfficerRole, { en: string; hi: string; short: string }> = {
  je: { en: "Junior Engineer", hi: "अवर अभियंता", short: "JE" },
  sdo: { en: "Sub-Divisional Officer", hi: "उपखंड अधिकारी", short: "SDO" },
  xen: { en: "Executive Engineer", hi: "अधिशासी अभियंता", short: "XEN" },
  se: { en: "Superintending Engineer", hi: "अधीक्षण अभियंता", short: "SE" },
  ce: { en: "Chief Engineer (Distribution)", hi: "मुख्य अभियंता (वितरण)", short: "CE" },
  md: { en: "Managing Director", hi: "प्रबंध निदेशक", short: "MD" },
};

/** The role one step above, or null at the top of the ladder. */
export function nextRole(role: OfficerRole): OfficerRole | null {
  const i = OFFICER_ROLES.indexOf(role);
  return i >= 0 && i < OFFICER_ROLES.length - 1 ? OFFICER_ROLES[i + 1] : null;
}
