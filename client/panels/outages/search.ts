import type { PublicOutage } from "../../../shared/public.js";
import type { Language } from "../../i18n/index.js";
import { shortUnitName } from "../../stats/format.js";

/**
 * Finding outages by place on the public page: district, town (division and sub-division names),
 * substation or feeder, in English or Hindi, whatever the case or spacing, with or without the
 * nukta (people type ज for ज़).
 */
export function placeKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/\u093C/g, "")
    .replace(/[.,()/-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function names(o: PublicOutage): string[] {
  const out: string[] = [];
  for (const p of [o.district, o.division, o.subdivision, o.substation])
    if (p) out.push(p.name.en, p.name.hi);
  for (const f of o.feeders) out.push(f.name.en, f.name.hi);
  return out;
}

export function outageMatches(o: PublicOutage, query: string): boolean {
  const q = placeKey(query);
  if (!q) return true;
  return names(o).some((n) => placeKey(n).includes(q));
}

export interface DistrictGroup {
  /** The district id, or "" for outages whose district is not known. */
  id: string;
  name: string;
  outages: PublicOutage[];
  consumersAffected: number;
}

/** Outages by district, the districts with most consumers off first, newest outage first within. */
export function groupByDistrict(outages: readonly PublicOutage[], lng: Language): DistrictGroup[] {
  const groups = new Map<string, DistrictGroup>();
  for (const o of outages) {
    const id = o.district?.id ?? "";
    let g = groups.get(id);
    if (!g) {
      g = { id, name: o.district ? o.district.name[lng] : "", outages: [], consumersAffected: 0 };
      groups.set(id, g);
    }
    g.outages.push(o);
    g.consumersAffected += o.consumersAffected;
  }
  for (const g of groups.values()) g.outages.sort((a, b) => b.since.localeCompare(a.since));
  return [...groups.values()].sort(
    (a, b) =>
      b.consumersAffected - a.consumersAffected ||
      (a.id === "" ? 1 : 0) - (b.id === "" ? 1 : 0) ||
      a.name.localeCompare(b.name, lng),
  );
}

/**
 * A unit's name as a reader says it: "33/11 kV Substation Chinhat" -> "Chinhat",
 * "विद्युत वितरण खंड बिधूना" -> "बिधूना" (the label in front says what kind of unit it is).
 */
export function shortPlace(name: string): string {
  const short = shortUnitName(name)
    .replace(/^33\/11 (kV|केवी) (Substation|उपकेंद्र)\s+/i, "")
    .trim();
  return short || name;
}
