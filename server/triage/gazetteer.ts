/**
 * The gazetteer: every place phrase the locator knows, keyed by its folded words. Built once from
 * the district list, the place data in data/places.json and, when the server has a network, the
 * substations and feeders.
 */
import { readFileSync } from "node:fs";
import { placeKey } from "./place-text.js";

export interface GazetteerDistrict {
  id: string;
  name: string;
  nameHi: string;
}

export interface GazetteerUnit {
  id: string;
  kind: string;
  name: string;
  nameHi: string;
  districtId: string | null;
}

export type EntryKind = "district" | "alias" | "locality" | "ambiguous" | "unit";

export interface Entry {
  kind: EntryKind;
  /** Candidate districts: one for a district, alias or locality; several for an ambiguous name. */
  districts: string[];
  /** Units (substation or feeder) for a unit phrase. */
  unitIds: string[];
  /** A name that is also an everyday word (gaya, banda, basti): needs more evidence. */
  common: boolean;
}

export interface Gazetteer {
  phrases: Map<string, Entry[]>;
  /** Every phrase's leading words ("gomti", "gomti nagar" of "gomti nagar extension"). */
  prefixes: Set<string>;
  maxWords: number;
  districts: Map<string, GazetteerDistrict & { state: string | null }>;
  units: Map<string, GazetteerUnit>;
  /** City-specific handles (lower case, no @) to a district id. */
  handles: Map<string, string>;
  /** Handle prefixes that tell the state ("sbpdcl" -> "BR"). */
  stateHandles: [string, string][];
  /** Single-word Latin keys of districts and aliases, by first letter, for typo matching. */
  fuzzy: Map<string, string[]>;
}

interface PlacesFile {
  aliases: Record<string, string[]>;
  localities: Record<string, string[]>;
  ambiguous: Record<string, string[]>;
  common: string[];
  handles: Record<string, string>;
  stateHandles: Record<string, string>;
}

let placesFile: PlacesFile | undefined;
function places(): PlacesFile {
  placesFile ??= JSON.parse(
    readFileSync(new URL("./data/places.json", import.meta.url), "utf8"),
  ) as PlacesFile;
  return placesFile;
}

export interface DistrictRecord extends GazetteerDistrict {
  state: "UP" | "BR";
}

let districtFile: DistrictRecord[] | undefined;
/** The 113 districts (UP 75, Bihar 38) shipped in data/districts.json. */
export function loadDistrictList(): DistrictRecord[] {
  districtFile ??= JSON.parse(
    readFileSync(new URL("./data/districts.json", import.meta.url), "utf8"),
  ) as DistrictRecord[];
  return districtFile;
}

export function phraseKey(phrase: string): string {
  return phrase
    .split(/[^\p{L}\p{M}\d]+/u)
    .map(placeKey)
    .filter((k) => k.length > 0)
    .join(" ");
}

/** Builds the gazetteer. Districts are `{ id, name, nameHi }`; units are substations and feeders. */
export function buildGazetteer(
  districts: GazetteerDistrict[],
  units: GazetteerUnit[] = [],
): Gazetteer {
  const data = places();
  const known = new Set(districts.map((d) => d.id));
  const stateOf = new Map(loadDistrictList().map((d) => [d.id, d.state]));
  const common = new Set(data.common.map(phraseKey));
  const g: Gazetteer = {
    phrases: new Map(),
    prefixes: new Set(),
    maxWords: 1,
    districts: new Map(districts.map((d) => [d.id, { ...d, state: stateOf.get(d.id) ?? null }])),
    units: new Map(),
    handles: new Map(Object.entries(data.handles).filter(([, id]) => known.has(id))),
    stateHandles: Object.entries(data.stateHandles),
    fuzzy: new Map(),
  };
  const add = (phrase: string, kind: EntryKind, ds: string[], unitIds: string[] = []): void => {
    const key = phraseKey(phrase);
    if (!key) return;
    const isCommon = common.has(key);
    // Index the spaced and the run-together spelling (Gomti Nagar / Gomtinagar).
    for (const k of new Set([key, key.replaceAll(" ", "")])) {
      const list = g.phrases.get(k) ?? [];
      list.push({ kind, districts: ds, unitIds, common: isCommon });
      g.phrases.set(k, list);
      const words = k.split(" ");
      g.maxWords = Math.max(g.maxWords, words.length);
      for (let n = 1; n <= words.length; n++) g.prefixes.add(words.slice(0, n).join(" "));
    }
    if (
      (kind === "district" || kind === "alias") &&
      !key.includes(" ") &&
      /^[a-z]{6,}$/.test(key) &&
      !isCommon
    ) {
      const bucket = g.fuzzy.get(key[0]) ?? [];
      bucket.push(key);
      g.fuzzy.set(key[0], bucket);
    }
  };
  for (const d of districts) {
    add(d.name, "district", [d.id]);
    add(d.nameHi, "district", [d.id]);
    if (d.id.includes("-")) add(d.id.replaceAll("-", " "), "district", [d.id]);
  }
  for (const [id, names] of Object.entries(data.aliases))
    if (known.has(id)) for (const n of names) add(n, "alias", [id]);
  for (const [id, names] of Object.entries(data.localities))
    if (known.has(id)) for (const n of names) add(n, "locality", [id]);
  for (const [name, ids] of Object.entries(data.ambiguous)) {
    const ds = ids.filter((id) => known.has(id));
    add(name, ds.length === 1 ? "locality" : "ambiguous", ds);
  }
  for (const u of units) addUnit(g, u, add);
  return g;
}

const KIND_WORDS: Record<string, string[]> = {
  substation: [
    "substation",
    "sub station",
    "ss",
    "s s",
    "power house",
    "bijlighar",
    "bijli ghar",
    "उपकेंद्र",
    "सबस्टेशन",
    "बिजलीघर",
    "पावर हाउस",
  ],
  feeder: ["feeder", "fidar", "फीडर"],
};

/** "33/11 kV Substation Chinhat" -> "Chinhat"; "11 kV Feeder Chinhat-3" -> "Chinhat-3". */
export function unitCore(name: string): string {
  return name
    .replace(/\d+(?:\/\d+)?\s*(?:kv|केवी|के\.वी\.)/giu, " ")
    .replace(/\b(?:sub-?\s?station|feeder)\b|उपकेंद्र|फीडर/giu, " ")
    .trim()
    .replace(/\s+/g, " ");
}

function addUnit(
  g: Gazetteer,
  u: GazetteerUnit,
  add: (p: string, k: EntryKind, ds: string[], ids: string[]) => void,
): void {
  if (u.kind !== "substation" && u.kind !== "feeder") return;
  g.units.set(u.id, u);
  const ds = u.districtId ? [u.districtId] : [];
  for (const core of new Set([unitCore(u.name), unitCore(u.nameHi)])) {
    if (!core) continue;
    for (const word of KIND_WORDS[u.kind]) {
      add(`${core} ${word}`, "unit", ds, [u.id]);
      add(`${word} ${core}`, "unit", ds, [u.id]);
    }
    // A numbered feeder ("Chinhat-3") is specific enough without the word "feeder".
    if (u.kind === "feeder" && /\d\s*$/.test(core)) add(core, "unit", ds, [u.id]);
  }
}
