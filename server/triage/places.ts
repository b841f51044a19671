/**
 * The locator: finds the district (and, with a network, the substation or feeder) a complaint
 * names. Every mention of a place is weighed (a district name beats a locality, a "जनपद"/"district"
 * marker or hashtag adds weight, the last place in an address is usually the district) and the
 * district with the most weight wins. Names that are not places in context are dropped: "Sitapur
 * Road" is a road in Lucknow, "Rampur Buzurg" a village, "Madhubani mohalla" a mohalla.
 */
import { memoised } from "./memo.js";
import type { PlaceMatch } from "./types.js";
import { buildGazetteer, loadDistrictList, type Entry, type Gazetteer } from "./gazetteer.js";
import { editDistance, placeKey, tokenise, type Token } from "./place-text.js";

export { buildGazetteer, loadDistrictList, type Gazetteer } from "./gazetteer.js";

const key = (words: string[]): Set<string> => new Set(words.map(placeKey));
/** Words after a district name that make it a road, mohalla or village of somewhere else. */
const NOT_A_DISTRICT_AFTER = key([
  "road",
  "rd",
  "marg",
  "gate",
  "bypass",
  "highway",
  "mohalla",
  "mohalle",
  "tola",
  "tole",
  "colony",
  "buzurg",
  "khurd",
  "kalan",
  "रोड",
  "मार्ग",
  "गेट",
  "मोहला",
  "मोहले",
  "मोहल्ला",
  "मोहल्ले",
  "टोला",
  "टोले",
  "कॉलोनी",
  "कालोनी",
  "बुजुर्ग",
  "खुर्द",
  "कलां",
  "कला",
]);
const MARKERS = key([
  "district",
  "distt",
  "dist",
  "jila",
  "jile",
  "jilla",
  "janpad",
  "jnpd",
  "shahar",
  "city",
  "जिला",
  "जिले",
  "जिल्ला",
  "जनपद",
  "शहर",
]);
const CONTAINER_AFTER = key(["ke", "ki", "ka", "s", "के", "की", "का"]);
/** Words that look like a place by one letter but are not (the Bhojpuri language, a Banarasi saree). */
const NOT_TYPOS = new Set(["bojpuri", "banarasi", "lucnovi", "kanpuri", "bihari"]);

interface Mention {
  entry: Entry;
  start: number;
  end: number;
  weight: number;
}

let defaultGazetteer: Gazetteer | undefined;
/** The gazetteer of the 113 districts with no network: what the CLI uses. */
export function districtGazetteer(): Gazetteer {
  defaultGazetteer ??= buildGazetteer(loadDistrictList());
  return defaultGazetteer;
}

/** Finds the district, and the unit when one is named with it, in a complaint's text. */
export function findPlace(text: string, gazetteer: Gazetteer = districtGazetteer()): PlaceMatch {
  const { tokens, handles } = tokenise(text);
  const placeMentions = scan(tokens, gazetteer, false);
  const unitMentions = scan(tokens, gazetteer, true);
  const state = stateHint(handles, gazetteer);

  const scores = new Map<string, { score: number; last: number; best: Mention | null }>();
  const credit = (id: string, weight: number, m: Mention | null): void => {
    const s = scores.get(id) ?? { score: 0, last: -1, best: null };
    s.score += weight;
    if (m) {
      s.last = Math.max(s.last, m.start);
      if (!s.best || m.weight > s.best.weight) s.best = m;
    }
    scores.set(id, s);
  };
  const firm = placeMentions.filter((m) => m.entry.kind !== "ambiguous");
  const lastStart = Math.max(-1, ...firm.map((m) => m.start));
  for (const m of firm) credit(m.entry.districts[0], m.weight + (m.start === lastStart ? 1 : 0), m);
  for (const h of handles) {
    const id = gazetteer.handles.get(h);
    if (id) credit(id, 1.5, null);
  }
  for (const m of placeMentions.filter((p) => p.entry.kind === "ambiguous")) {
    const inState = state
      ? m.entry.districts.filter((d) => gazetteer.districts.get(d)?.state === state)
      : [];
    if (inState.length === 1) credit(inState[0], 2, m);
    // Otherwise an ambiguous name only supports a candidate that the text names anyway.
    else for (const d of m.entry.districts) if (scores.has(d)) credit(d, 0.5, m);
  }

  let districtId: string | null = null;
  let best: { score: number; last: number; best: Mention | null } | null = null;
  for (const [id, s] of scores) {
    if (!best || s.score > best.score || (s.score === best.score && s.last > best.last))
      [districtId, best] = [id, s];
  }
  const unit = chooseUnit(unitMentions, districtId, gazetteer);
  const shown = unit?.mention ?? best?.best ?? null;
  return {
    districtId,
    unitId: unit?.id ?? null,
    matched: shown ? text.slice(shown.start, shown.end) : null,
  };
}

/**
 * Greedy longest-match scan for place phrases (or, with `units`, substation and feeder names).
 * Phrases are grown a word at a time only while some phrase starts with them, so a word that
 * begins no place name costs one lookup.
 */
function scan(tokens: Token[], g: Gazetteer, units: boolean): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    let found: { entries: Entry[]; n: number } | null = null;
    let phrase = "";
    for (let n = 1; n <= Math.min(g.maxWords, tokens.length - i); n++) {
      phrase = n === 1 ? tokens[i].key : `${phrase} ${tokens[i + n - 1].key}`;
      if (!g.prefixes.has(phrase)) break;
      const entries = (g.phrases.get(phrase) ?? []).filter((e) => (e.kind === "unit") === units);
      if (entries.length > 0) found = { entries, n };
    }
    if (!found && !units) found = fuzzy(tokens[i], g);
    if (!found) {
      i++;
      continue;
    }
    const mention = units ? unitMention(tokens, i, found) : placeMention(tokens, i, found);
    if (mention) out.push(mention);
    i += found.n;
  }
  return out;
}

function placeMention(
  tokens: Token[],
  i: number,
  found: { entries: Entry[]; n: number },
): Mention | null {
  const first = tokens[i];
  const last = tokens[i + found.n - 1];
  const next = tokens[i + found.n];
  const prev = tokens[i - 1];
  const nextKey = next && !next.afterComma ? next.key : "";
  // Prefer the strongest reading of a phrase that is both a district and a locality elsewhere.
  const entry = [...found.entries].sort((a, b) => rank(b) - rank(a))[0];
  const strong = entry.kind === "district" || entry.kind === "alias";
  if (strong && NOT_A_DISTRICT_AFTER.has(nextKey)) return null;
  const marked =
    MARKERS.has(nextKey) || (prev !== undefined && MARKERS.has(prev.key) && !first.afterComma);
  if (entry.common && !first.hashtag && !marked && !looksLikeName(first, prev)) return null;
  let weight = strong ? 3 : 2;
  if (marked) weight += 2;
  if (first.hashtag) weight += 1;
  if (strong && CONTAINER_AFTER.has(nextKey) && tokens[i + found.n + 1]) weight += 1.5;
  return { entry, start: first.start, end: last.end, weight };
}

function rank(e: Entry): number {
  return { district: 4, alias: 3, locality: 2, ambiguous: 1, unit: 0 }[e.kind];
}

/** An everyday word counts as a place only where an address puts it: capitalised, or after a comma. */
function looksLikeName(t: Token, prev: Token | undefined): boolean {
  if (/^[A-Z]/.test(t.surface)) return prev !== undefined || t.afterComma;
  return t.afterComma && /[\u0900-\u097F]/.test(t.surface);
}

function fuzzy(t: Token, g: Gazetteer): { entries: Entry[]; n: number } | null {
  if (!/^[a-z]{6,}$/.test(t.key) || NOT_TYPOS.has(t.key)) return null;
  const hit = typoOf(g)(t.key);
  const entries = hit === null ? undefined : g.phrases.get(hit);
  return entries ? { entries: entries.filter((e) => e.kind !== "unit"), n: 1 } : null;
}

/**
 * Per gazetteer, the one place key a word is a typo of (null for none or several), remembered per
 * word: the edit distances against every name with the same initial were most of findPlace.
 */
const typos = new WeakMap<Gazetteer, (key: string) => string | null>();

function typoOf(g: Gazetteer): (key: string) => string | null {
  let find = typos.get(g);
  if (!find) {
    find = memoised((key: string) => {
      const hits = (g.fuzzy.get(key[0]) ?? []).filter((k) => editDistance(key, k, 1) <= 1);
      return hits.length === 1 ? hits[0] : null;
    });
    typos.set(g, find);
  }
  return find;
}

function unitMention(tokens: Token[], i: number, found: { entries: Entry[]; n: number }): Mention {
  const entry: Entry = { ...found.entries[0], unitIds: found.entries.flatMap((e) => e.unitIds) };
  return { entry, start: tokens[i].start, end: tokens[i + found.n - 1].end, weight: 2 };
}

/**
 * The unit the text names: within the chosen district if there is one; with no district, only a
 * name that is unique in the whole network. Feeders beat substations (more specific).
 */
function chooseUnit(
  mentions: Mention[],
  districtId: string | null,
  g: Gazetteer,
): { id: string; mention: Mention } | null {
  let best: { id: string; mention: Mention; feeder: boolean } | null = null;
  for (const m of mentions) {
    const ids = [...new Set(m.entry.unitIds)];
    const candidates = districtId
      ? ids.filter((id) => g.units.get(id)?.districtId === districtId)
      : ids;
    if (candidates.length !== 1) continue;
    const feeder = g.units.get(candidates[0])?.kind === "feeder";
    if (!best || (feeder && !best.feeder)) best = { id: candidates[0], mention: m, feeder };
  }
  return best ? { id: best.id, mention: best.mention } : null;
}

function stateHint(handles: string[], g: Gazetteer): string | null {
  for (const h of handles) {
    for (const [prefix, state] of g.stateHandles) if (h.startsWith(prefix)) return state;
  }
  return null;
}
