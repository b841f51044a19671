/**
 * Builds server/triage/corpus/generated.jsonl from the hand-written fragments (seeded, so the
 * output is the same on every run) and converts handwritten.txt to handwritten.jsonl.
 * Run: npx tsx server/triage/corpus/build.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { foldOf } from "../evaluate.js";
import { loadDistrictList, type DistrictRecord } from "../gazetteer.js";
import type { Label } from "../model.js";
import { mulberry32 } from "../rng.js";
import { billGeneration, connectionTransfer } from "./fragments/commercial.js";
import { meterJumping, meterReading } from "./fragments/meter.js";
import { withBoundaries } from "./fragments/boundaries.js";
import { other } from "./fragments/other.js";
import { poleWire } from "./fragments/pole.js";
import * as style from "./fragments/style.js";
import { supplyCut } from "./fragments/supply.js";
import type { Cores } from "./fragments/types.js";
import type { CorpusRecord, Lang } from "./records.js";

const SEED = 20240611;
const COUNT = 5600;
// Reset by buildCorpus(), so every build (and every call in one process) draws the same stream.
let rand = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number): boolean => rand() < p;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** supply_cut largest, as in real complaint streams. */
const LABEL_WEIGHTS: [Label, Cores, number][] = (
  [
    ["supply_cut", supplyCut, 24],
    ["bill_generation", billGeneration, 17],
    ["other", other, 18],
    ["meter_reading", meterReading, 12],
    ["meter_jumping", meterJumping, 11],
    ["pole_wire", poleWire, 11],
    ["connection_transfer", connectionTransfer, 7],
  ] as [Label, Cores, number][]
).map(([label, cores, weight]) => [label, withBoundaries(label, cores), weight]);
const CHANNELS: [CorpusRecord["channel"], number][] = [["call_centre", 27], ["x", 25], ["whatsapp", 25], ["app", 13], ["portal", 10]];

function weighted<T>(items: [T, ...unknown[]][], weightAt: number): T {
  const total = items.reduce((a, it) => a + (it[weightAt] as number), 0);
  let r = rand() * total;
  for (const it of items) if ((r -= it[weightAt] as number) < 0) return it[0];
  return items[0][0];
}

/** Expands "{a|b}" alternatives and <slot> placeholders. */
function expand(template: string): string {
  return template
    .replace(/\{([^{}]*)\}/g, (_, alts: string) => pick(alts.split("|")))
    .replace(/<h>/g, () => String(pick([2, 3, 4, 5, 6, 8, 10, 12, 14, 18, 24])))
    .replace(/<d>/g, () => String(int(2, 9)))
    .replace(/<n>/g, () => String(pick([2, 3, 4, 5, 6, 10, 15, 20, 30])))
    .replace(/<amt>/g, () => money())
    .replace(/<units>/g, () => String(int(8, 90) * 10))
    .replace(/<read>/g, () => String(int(1000, 19999)))
    .replace(/<acct>/g, () => String(int(1000000000, 9999999999)))
    .replace(/<kw>/g, () => String(int(3, 9)));
}

function money(): string {
  const n = int(3, 300) * 50;
  const s = n.toLocaleString("en-IN");
  return pick([`₹${s}`, `₹${n}`, `Rs ${s}`, `${n} rupaye`, `Rs.${n}`, `₹ ${s}`]);
}

// ---- places -------------------------------------------------------------------------------
interface PlaceData {
  localities: Record<string, string[]>;
  ambiguous: Record<string, string[]>;
}
const placeData = JSON.parse(readFileSync(new URL("../data/places.json", import.meta.url), "utf8")) as PlaceData;
const districts = loadDistrictList();
const districtById = new Map(districts.map((d) => [d.id, d]));
const isDevanagari = (s: string): boolean => /[\u0900-\u097F]/.test(s);
/** Real locality names only: skip the "Chowk Lucknow"-style qualified keys. */
const localityPool = Object.entries(placeData.localities).flatMap(([id, names]) => {
  const d = districtById.get(id);
  return d ? names.filter((n) => !n.endsWith(" " + d.name) && !n.includes(d.name.split(" ")[0] + " ")).map((n) => ({ name: n, district: d })) : [];
});
const ambiguousNames = Object.entries(placeData.ambiguous).filter(([, ds]) => ds.length > 1).map(([n]) => n);

interface Place {
  text: string;
  district: DistrictRecord | null;
}

function place(hindi: boolean): Place | null {
  if (!chance(0.68)) return null;
  const r = rand();
  const districtName = (d: DistrictRecord): string => (hindi ? d.nameHi : d.name);
  const loc = (): { name: string; district: DistrictRecord } => {
    for (;;) {
      const l = pick(localityPool);
      if (isDevanagari(l.name) === hindi) return l;
    }
  };
  if (r < 0.45) {
    const l = loc();
    return { text: `${l.name}, ${districtName(l.district)}`, district: l.district };
  }
  if (r < 0.8) {
    const d = pick(districts);
    return { text: chance(0.2) && !hindi ? `${d.name} district` : districtName(d), district: d };
  }
  if (r < 0.92) {
    const l = loc();
    return { text: l.name, district: l.district };
  }
  const names = ambiguousNames.filter((n) => isDevanagari(n) === hindi);
  return names.length > 0 ? { text: pick(names), district: null } : null;
}

// ---- noise ----------------------------------------------------------------------------------
function latinNoise(text: string, rate: number): string {
  return text.replace(/[A-Za-z]+/g, (w, offset: number, whole: string) => {
    // Handles and hashtags are typed by the app, not the thumb.
    if (/[@#_]/.test(whole.charAt(offset - 1))) return w;
    const lower = w.toLowerCase();
    const variants = style.latinVariants[lower];
    if (variants && chance(rate * 2)) return pick(variants);
    if (w.length > 4 && chance(rate)) return typo(w);
    return w;
  });
}

function typo(w: string): string {
  const i = int(1, w.length - 2);
  const op = int(0, 3);
  if (op === 0) return w.slice(0, i) + w.slice(i + 1);
  if (op === 1) return w.slice(0, i) + w[i] + w.slice(i);
  if (op === 2) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return w.replace(/ee|oo|i|u/, (m) => ({ ee: "i", oo: "u", i: "ee", u: "oo" })[m] ?? m);
}

function devanagariNoise(text: string, rate: number): string {
  return text.replace(/[\u0900-\u097F]+/g, (w) => {
    if (!chance(rate)) return w;
    return pick([w.replace("ी", "ि"), w.replace("ि", "ी"), w.replace("ू", "ु"), w.replace("ं", ""), w.replace("ज", "ज़"), w]);
  });
}

function toMixed(text: string): string {
  return text.replace(/[\u0900-\u097F]+/g, (w) => (style.latinSwaps[w] && chance(0.65) ? pick(style.latinSwaps[w]) : w));
}

// ---- composition ----------------------------------------------------------------------------
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function compose(n: number): CorpusRecord {
  const [label, cores] = ((): [Label, Cores] => {
    const l = weighted(LABEL_WEIGHTS, 2);
    const row = LABEL_WEIGHTS.find((x) => x[0] === l);
    return [l, row ? row[1] : supplyCut];
  })();
  const channel = weighted(CHANNELS, 1);
  let pool: keyof Cores;
  let lang: Lang;
  if (channel === "call_centre") {
    pool = chance(0.55) ? "agentEn" : "agentHl";
    lang = pool === "agentEn" ? "en" : "hinglish";
  } else {
    const r = rand();
    [pool, lang] = r < 0.3 ? ["hi", "hi"] : r < 0.4 ? ["hi", "mixed"] : r < 0.72 ? ["hinglish", "hinglish"] : ["en", "en"];
  }
  const templates = cores[pool];
  const idx = Math.floor(rand() * templates.length);
  let core = expand(templates[idx]);
  if (lang === "mixed") core = toMixed(core);
  const hindi = lang === "hi" || (lang === "mixed" && chance(0.5));
  if (chance(0.08)) {
    const others = LABEL_WEIGHTS.map((x) => x[0]).filter((l) => l !== label);
    const note = style.sideNotes[pick(others)];
    core += hindi ? `, ${pick(note.hi)}` : `, ${pick(note.latin)}`;
  }
  const where = place(hindi);
  const text = wrap(channel, lang, core, where);
  const noisy = lang === "hi" ? devanagariNoise(text, 0.08) : latinNoise(devanagariNoise(text, 0.05), channel === "whatsapp" || channel === "x" ? 0.12 : 0.04);
  return {
    id: `g${String(n).padStart(4, "0")}`,
    text: noisy,
    label,
    lang,
    channel,
    district: where?.district?.name ?? null,
    group: `${label}/${pool}/${idx}`,
  };
}

function wrap(channel: CorpusRecord["channel"], lang: Lang, core: string, where: Place | null): string {
  const hi = lang === "hi";
  const end = hi ? "।" : ".";
  const acct = chance(0.4) ? (hi ? ` खाता संख्या ${expand("<acct>")}` : ` ${pick(["A/c", "Account", "CA", "Acct no"])} ${expand("<acct>")}`) : "";
  const mob = ` Mob ${int(60, 99)}XXXXXX${int(10, 99)}.`;
  if (channel === "call_centre") {
    const add = where ? ` Add ${where.text}.` : "";
    const tail = pick([`${add}${acct ? acct + "." : ""}`, `${acct ? acct + "." : ""}${add}${chance(0.5) ? mob : ""}`, `${add}${mob}`]);
    return `${sentence(core)}.${tail}`;
  }
  if (channel === "x") {
    const state = where?.district?.state ?? (chance(0.75) ? "UP" : "BR");
    const handle = pick(state === "BR" ? style.handlesBr : style.handlesUp);
    const tag = where ? (chance(0.5) ? ` #${(where.district?.name ?? where.text).replace(/[\s,]+/g, "")}` : ` ${where.text}`) : "";
    const extra = chance(0.3) ? ` ${pick(style.hashtags)}` : "";
    return chance(0.6) ? `${handle} ${core}${end}${tag}${extra}` : `${sentence(core)}${end} ${handle}${tag}${extra}`;
  }
  if (channel === "whatsapp") {
    const body = chance(0.5) ? core : sentence(core);
    return `${pick(style.whatsappOpeners)}${body}${where ? (chance(0.5) ? ", " : " ") + where.text : ""}${pick(style.whatsappClosers)}`;
  }
  const opener = pick(hi ? style.formOpenersHi : style.formOpenersEn);
  const body = opener ? core : sentence(core);
  return `${opener}${body}${end}${acct ? acct + (hi ? "," : ",") : ""}${where ? " " + where.text + end : ""}`.trim();
}

function parseHandwritten(path: URL): CorpusRecord[] {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  return lines.map((line, i) => {
    const [label, lang, channel, district, ...rest] = line.split(" | ");
    const text = rest.join(" | ").trim();
    if (!text) throw new Error(`handwritten.txt line ${i + 1}: expected "label | lang | channel | district | text"`);
    return {
      id: `h${String(i + 1).padStart(4, "0")}`,
      text,
      label: label.trim() as Label,
      lang: lang.trim() as Lang,
      channel: channel.trim() as CorpusRecord["channel"],
      district: district.trim() === "-" ? null : district.trim(),
      group: `hand/${i + 1}`,
    };
  });
}

function writeJsonl(path: URL, rows: CorpusRecord[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
}

/** The whole corpus, built afresh: the same records on every call and every machine. */
export function buildCorpus(): { generated: CorpusRecord[]; hand: CorpusRecord[]; heldOut: CorpusRecord[] } {
  rand = mulberry32(SEED);
  const generated = Array.from({ length: COUNT }, (_, i) => compose(i + 1));
  const hand = parseHandwritten(new URL("./handwritten.txt", import.meta.url));
  // Fold 0 of the template-group split: the documented held-out set for `npm run triage -- --eval`.
  const heldOut = [...generated, ...hand].filter((r) => foldOf(r) === 0);
  return { generated, hand, heldOut };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { generated, hand, heldOut } = buildCorpus();
  writeJsonl(new URL("./generated.jsonl", import.meta.url), generated);
  writeJsonl(new URL("./handwritten.jsonl", import.meta.url), hand);
  writeJsonl(new URL("./heldout.jsonl", import.meta.url), heldOut);
  console.log(`generated ${generated.length}, handwritten ${hand.length}, held out (fold 0) ${heldOut.length}`);
}
