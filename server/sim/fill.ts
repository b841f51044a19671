/**
 * Fills a template's placeholders with variable parts in the text's own script: durations that fit
 * the hour of day, amounts in rupees with Indian digit grouping, landmarks, counts.
 *
 * Placeholders: {place} {landmark} {dur} {since} {n} {k} {amt} {units} {units2} {days} {months}
 * {year} {kw} {x}.
 */
import { istHour } from "./curve.js";
import type { Rng } from "./random.js";
import { LANDMARKS } from "./texts/words.js";

/** The script the variable parts are written in ("mixed" texts draw Hindi or Latin per part). */
export type Script = "en" | "hinglish" | "hi";

export interface FillContext {
  rng: Rng;
  script: Script;
  /** Mixed-language texts: each variable part in either script. */
  mixed: boolean;
  atMs: number;
  /** The place phrase already built in the right script (empty when the text names no place). */
  place: string;
}

/** 124500 -> "1,24,500" (lakh grouping, as on Indian bills). */
export function groupIndian(n: number): string {
  const s = Math.round(n).toString();
  if (s.length <= 3) return s;
  const head = s.slice(0, -3);
  const tail = s.slice(-3);
  return `${head.replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${tail}`;
}

function partOfDay(hour: number, script: Script): string {
  const names =
    script === "hi"
      ? ["सुबह", "दोपहर", "शाम", "रात"]
      : script === "hinglish"
        ? ["subah", "dopahar", "shaam", "raat"]
        : [];
  if (hour >= 4 && hour < 12) return names[0] ?? "am";
  if (hour >= 12 && hour < 16) return names[1] ?? "pm";
  if (hour >= 16 && hour < 20) return names[2] ?? "pm";
  return names[3] ?? (hour < 12 ? "am" : "pm");
}

function since(ctx: FillContext, script: Script): string {
  const back = ctx.rng.int(1, 9);
  const hour = (Math.floor(istHour(ctx.atMs)) - back + 24) % 24;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const half = ctx.rng.chance(0.2);
  if (script === "en") return `since ${h12}${half ? ":30" : ""} ${hour < 12 ? "am" : "pm"}`;
  if (script === "hinglish") return `${partOfDay(hour, script)} ${h12}${half ? ":30" : ""} baje se`;
  return `${partOfDay(hour, script)} ${h12}${half ? ":30" : ""} बजे से`;
}

function duration(ctx: FillContext, script: Script): string {
  // Most outages people complain about are a few hours old; a long tail runs into half a day.
  const n = 1 + Math.floor(11 * ctx.rng.next() ** 2);
  const hour = istHour(ctx.atMs);
  const forms: Record<Script, string[]> = {
    en: [`for ${n} hours`, `for the last ${n} hours`, `for ${n} hrs`],
    hinglish: [`${n} ghante se`, `pichhle ${n} ghante se`, `${n} ghante se`],
    hi: [`${n} घंटे से`, `पिछले ${n} घंटे से`, `${n} घंटे से`],
  };
  if (n === 1) forms.en = ["for an hour", "for the last one hour"];
  if (hour >= 11)
    forms[script].push(script === "en" ? "since morning" : script === "hi" ? "सुबह से" : "subah se");
  if (hour < 14)
    forms[script].push(
      script === "en" ? "since last night" : script === "hi" ? "कल रात से" : "kal raat se",
    );
  return ctx.rng.pick(forms[script]);
}

function amount(ctx: FillContext, script: Script): string {
  const value = ctx.rng.int(30, 2500) * 10;
  const grouped = groupIndian(value);
  const forms: Record<Script, string[]> = {
    en: [`₹${grouped}`, `Rs ${grouped}`, `₹${grouped}`],
    hinglish: [`₹${grouped}`, `Rs ${value}`, `${value} rupaye`],
    hi: [`₹${grouped}`, `${grouped} रुपये`],
  };
  return ctx.rng.pick(forms[script]);
}

function value(key: string, ctx: FillContext): string | null {
  const { rng } = ctx;
  // In a mixed text, Hindi-script parts dominate but some come out in Latin script.
  const script: Script = ctx.mixed ? (rng.chance(0.6) ? "hi" : "hinglish") : ctx.script;
  switch (key) {
    case "place":
      return ctx.place;
    case "landmark": {
      const l = rng.pick(LANDMARKS);
      return script === "en" ? l[0] : script === "hinglish" ? l[1] : l[2];
    }
    case "dur":
      return duration(ctx, script);
    case "since":
      return since(ctx, script);
    case "amt":
      return amount(ctx, script);
    case "n":
      return String(rng.int(2, 8));
    case "k":
      return String(rng.int(3, 9));
    case "units":
      return groupIndian(rng.int(450, 2400));
    case "units2":
      return groupIndian(rng.int(90, 400));
    case "days":
      return String(rng.int(3, 25));
    case "months":
      return String(rng.int(2, 6));
    case "year":
      return String(rng.int(2018, 2024));
    case "kw":
      return String(rng.int(4, 9));
    case "x":
      return String(rng.int(2, 4));
    default:
      return null;
  }
}

export function fill(template: string, ctx: FillContext): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => value(key, ctx) ?? whole);
}
