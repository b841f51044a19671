import type { Language } from "./index.js";

/** Indian digit grouping (12,34,567) in both languages. */
export function numberLocale(lng: Language): string {
  return lng === "hi" ? "hi-IN" : "en-IN";
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function formatCount(n: number, lng: Language): string {
  const locale = numberLocale(lng);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/** "12 sec ago", "3 min ago", "now" in the chosen language. */
export function formatAge(ageMs: number, lng: Language): string {
  const locale = numberLocale(lng);
  let f = relativeFormats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
    relativeFormats.set(locale, f);
  }
  const s = Math.max(0, Math.round(ageMs / 1000));
  if (s < 5) return f.format(0, "second");
  if (s < 60) return f.format(-s, "second");
  const m = Math.floor(s / 60);
  if (m < 60) return f.format(-m, "minute");
  const h = Math.floor(m / 60);
  if (h < 24) return f.format(-h, "hour");
  return f.format(-Math.floor(h / 24), "day");
}

/** Picks the English or Hindi form of a label from shared/domain.ts. */
export function domainLabel(label: { en: string; hi: string }, lng: Language): string {
  return label[lng];
}

/** A unit's or district's name in the chosen language (Hindi falls back to English). */
export function placeName(place: { name: string; nameHi: string }, lng: Language): string {
  return lng === "hi" ? place.nameHi || place.name : place.name;
}
