import { IST_OFFSET_MINUTES } from "../../shared/domain.js";
import type { Language } from "../i18n/index.js";
import { numberLocale } from "../i18n/format.js";

/** Number formats for money, shares and days, cached per language (Indian digit grouping). */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

/** ₹12,34,567 (whole rupees). */
export function formatRupees(amount: number, lng: Language): string {
  return cached(
    `inr:${lng}`,
    () =>
      new Intl.NumberFormat(numberLocale(lng), {
        style: "currency",
        currency: "INR",
        maximumFractionDigits: 0,
      }),
  ).format(amount);
}

/** 92.5 % from a percentage (0–100); "–" when there is nothing to divide. */
export function formatPct(pct: number | null, lng: Language): string {
  if (pct === null || !Number.isFinite(pct)) return "–";
  return cached(
    `pct:${lng}`,
    () => new Intl.NumberFormat(numberLocale(lng), { style: "percent", maximumFractionDigits: 1 }),
  ).format(pct / 100);
}

/** A decimal with at most one digit after the point: 412.3. */
export function formatDecimal(n: number, lng: Language): string {
  return cached(
    `dec:${lng}`,
    () => new Intl.NumberFormat(numberLocale(lng), { maximumFractionDigits: 1 }),
  ).format(n);
}

/** "12 Nov" / "12 नव॰" for an IST day (YYYY-MM-DD). */
export function formatDay(day: string, lng: Language): string {
  const [y, m, d] = day.split("-").map(Number);
  return cached(
    `day:${lng}`,
    () =>
      new Intl.DateTimeFormat(numberLocale(lng), {
        day: "numeric",
        month: "short",
        timeZone: "UTC",
      }),
  ).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "18:00" for an hour of the day. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** The IST hour (0–23) of an instant. */
export function istHour(at: number): number {
  return new Date(at + IST_OFFSET_MINUTES * 60_000).getUTCHours();
}

/** "14:05" in IST, for "as of" lines. */
export function formatIstTime(at: number, lng: Language): string {
  return cached(
    `time:${lng}`,
    () =>
      new Intl.DateTimeFormat(numberLocale(lng), {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: "Asia/Kolkata",
      }),
  ).format(new Date(at));
}

/**
 * Short unit names for chart axes: "Electricity Distribution Division Bidhuna" -> "Bidhuna",
 * "विद्युत वितरण खंड बिधूना" -> "बिधूना". The full name stays in tooltips and tables.
 */
export function shortUnitName(name: string): string {
  const short = name
    .replace(
      /^Electricity (Distribution|Urban Distribution) (Division|Sub-?division|Circle|Zone)\s+/i,
      "",
    )
    .replace(/^विद्युत (नगरीय )?वितरण (खंड|उपखंड|मंडल|क्षेत्र)\s+/, "")
    .trim();
  return short || name;
}
