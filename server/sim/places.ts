/**
 * Where simulated complaints come from: each feeder's discom, district names and substation, and a
 * weighted picker so volume follows the 1912 statistics (DOMAIN.md section c) rather than the
 * number of feeders the demo network happens to have.
 */
import type { Unit } from "../../shared/network.js";

export type DiscomKey =
  | "MVVNL"
  | "PVVNL"
  | "DVVNL"
  | "PuVVNL"
  | "KESCO"
  | "NPCL"
  | "TORRENT"
  | "NBPDCL"
  | "SBPDCL"
  | "OTHER";

/**
 * Relative complaint volume per discom. UP: 1912 complaints in the year to July 2023, in lakh
 * (MVVNL 25.74, PVVNL 13.41, DVVNL 10.54, PuVVNL 8.76). KESCO runs its own helpline, so it is small
 * on 1912; Bihar's two discoms are moderate (no published split, estimated).
 */
export const DISCOM_SHARE: Readonly<Record<DiscomKey, number>> = {
  MVVNL: 25.74,
  PVVNL: 13.41,
  DVVNL: 10.54,
  PuVVNL: 8.76,
  KESCO: 0.6,
  NPCL: 0.5,
  TORRENT: 1,
  NBPDCL: 8,
  SBPDCL: 9,
  OTHER: 5,
};

/** An urban feeder serves more, denser consumers than a rural one, so it hears more complaints. */
export const URBAN_WEIGHT = 2;

// Matched against a discom unit's id, name and code, since imported networks spell them differently.
const DISCOM_PATTERNS: readonly (readonly [DiscomKey, RegExp])[] = [
  ["PuVVNL", /puvvnl|purvanchal/],
  ["PVVNL", /pvvnl|paschimanchal/],
  ["MVVNL", /mvvnl|madhyanchal/],
  ["DVVNL", /dvvnl|dakshinanchal/],
  ["KESCO", /kesco|kanpur electricity/],
  ["NPCL", /npcl|noida power/],
  ["TORRENT", /torrent/],
  ["NBPDCL", /nbpdcl|north bihar/],
  ["SBPDCL", /sbpdcl|south bihar/],
];

export interface FeederPlace {
  feeder: Unit;
  discom: DiscomKey;
  substation: Unit | null;
  district: { en: string; hi: string };
  /** The feeder as people name it ("Daliganj-2"), without "11 kV Feeder" and "(Urban)". */
  feederShort: { en: string; hi: string };
  /** Substation as people name it ("Indrakhera"), or null. */
  substationShort: { en: string; hi: string } | null;
  /** Town or locality names the feeder and its substation are named after (not the district's own). */
  localities: { en: string; hi: string }[];
  weight: number;
}

/** "11 kV Feeder Daliganj-2 (Urban)" -> "Daliganj-2"; "33/11 kV Substation Indrakhera" -> "Indrakhera". */
export function shortName(name: string): string {
  return name
    .replace(/^\s*(33\/11|11)\s*kv\s*/i, "")
    .replace(/^(sub-?station|feeder)\s+/i, "")
    .replace(/^(33\/11|11)\s*केवी\s*/, "")
    .replace(/^(उपकेंद्र|फीडर)\s+/, "")
    .replace(/\s*\((urban|rural|शहरी|ग्रामीण)\)\s*$/i, "")
    .replace(/\s+(feeder|sub-?station|फीडर|उपकेंद्र)\s*$/i, "")
    .trim();
}

function localitiesOf(
  district: { en: string; hi: string },
  units: (Unit | null)[],
): { en: string; hi: string }[] {
  const out: { en: string; hi: string }[] = [];
  for (const u of units) {
    if (!u) continue;
    const en = shortName(u.name).replace(/[-\s]*\d+$/, "");
    const hi = shortName(u.nameHi).replace(/[-\s]*\d+$/, "");
    if (
      !en ||
      !hi ||
      en.toLowerCase() === district.en.toLowerCase() ||
      out.some((o) => o.en === en)
    )
      continue;
    out.push({ en, hi });
  }
  return out;
}

export interface PlaceDeps {
  feeders: Unit[];
  units: Map<string, Unit>;
  districtNames: Map<string, { name: string; nameHi: string }>;
}

function ancestor(units: Map<string, Unit>, unit: Unit, kind: Unit["kind"]): Unit | null {
  const parent = unit.parentId ? units.get(unit.parentId) : undefined;
  if (parent?.kind === kind) return parent;
  for (let i = unit.path.length - 1; i >= 0; i--) {
    const u = units.get(unit.path[i]);
    if (u?.kind === kind) return u;
  }
  return null;
}

export function discomOf(units: Map<string, Unit>, feeder: Unit): DiscomKey {
  const discom = ancestor(units, feeder, "discom");
  if (!discom) return "OTHER";
  const label = `${discom.id} ${discom.name} ${discom.code ?? ""}`.toLowerCase();
  for (const [key, re] of DISCOM_PATTERNS) if (re.test(label)) return key;
  return "OTHER";
}

function districtOf(deps: PlaceDeps, feeder: Unit): { en: string; hi: string } {
  const known = feeder.districtId ? deps.districtNames.get(feeder.districtId) : undefined;
  if (known) return { en: known.name, hi: known.nameHi };
  // Without a district name, the circle (usually one per district) is the best place name we have.
  const circle = ancestor(deps.units, feeder, "circle") ?? ancestor(deps.units, feeder, "division");
  if (circle) return { en: circle.name, hi: circle.nameHi };
  return { en: feeder.name, hi: feeder.nameHi };
}

/** Resolves every feeder once; weights are the discom's share spread over its feeders by urban/rural. */
export function buildPlaces(deps: PlaceDeps): FeederPlace[] {
  const raw = deps.feeders.map((feeder) => ({
    feeder,
    discom: discomOf(deps.units, feeder),
    substation: ancestor(deps.units, feeder, "substation"),
    district: districtOf(deps, feeder),
    local: feeder.urban ? URBAN_WEIGHT : 1,
  }));
  const perDiscom = new Map<DiscomKey, number>();
  for (const r of raw) perDiscom.set(r.discom, (perDiscom.get(r.discom) ?? 0) + r.local);
  return raw.map((r) => ({
    feeder: r.feeder,
    discom: r.discom,
    substation: r.substation,
    district: r.district,
    feederShort: { en: shortName(r.feeder.name), hi: shortName(r.feeder.nameHi) },
    substationShort: r.substation
      ? { en: shortName(r.substation.name), hi: shortName(r.substation.nameHi) }
      : null,
    localities: localitiesOf(r.district, [r.feeder, r.substation]),
    weight: (DISCOM_SHARE[r.discom] * r.local) / (perDiscom.get(r.discom) ?? 1),
  }));
}

/** Picks items with probability proportional to weight by binary search over the cumulative sums. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  readonly total: number;

  constructor(entries: readonly { item: T; weight: number }[]) {
    let sum = 0;
    for (const e of entries) {
      if (!(e.weight > 0)) continue;
      sum += e.weight;
      this.cumulative.push(sum);
      this.items.push(e.item);
    }
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  /** `u` uniform in [0, 1). */
  pick(u: number): T | null {
    if (this.items.length === 0) return null;
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** Feeders grouped under their substation, for storms. */
export function bySubstation(places: readonly FeederPlace[]): Map<string, FeederPlace[]> {
  const groups = new Map<string, FeederPlace[]>();
  for (const p of places) {
    if (!p.substation) continue;
    const list = groups.get(p.substation.id) ?? [];
    list.push(p);
    groups.set(p.substation.id, list);
  }
  return groups;
}

/** A point a few hundred metres from the feeder's point, as a phone's location pin would be. */
export function jitter(
  lat: number,
  lon: number,
  normal: () => number,
): { lat: number; lon: number } {
  const sigmaDeg = 0.0025; // about 280 m
  const dLat = normal() * sigmaDeg;
  const dLon = (normal() * sigmaDeg) / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  return { lat: Math.round((lat + dLat) * 1e6) / 1e6, lon: Math.round((lon + dLon) * 1e6) / 1e6 };
}
