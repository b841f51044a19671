import type { Language } from "../../i18n/index.js";
import { numberLocale } from "../../i18n/format.js";

/** Number formats for the administration screens: Indian grouping in both languages. */

const cache = new Map<string, Intl.NumberFormat>();

function format(lng: Language, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lng}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(lng), options);
    cache.set(id, f);
  }
  return f;
}

/** ₹12,34,567 (whole rupees). */
export function formatRupees(amount: number, lng: Language): string {
  return format(lng, "inr", {
    style: "currency",
    currency: "INR",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** A 0–1 rate as a percentage with one decimal: 0.1234 → "12.3%". */
export function formatRate(rate: number, lng: Language): string {
  return format(lng, "pct", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A count or an amount of hours with at most one decimal, grouped: 1234.56 → "1,234.6". */
export function formatNumber(n: number, lng: Language): string {
  return format(lng, "num", { maximumFractionDigits: 1 }).format(n);
}

/** The IST calendar day `days` before `day` (YYYY-MM-DD arithmetic, no time zones involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "12 Mar 2025" / "12 मार्च 2025" for a YYYY-MM-DD day. */
export function formatDay(day: string, lng: Language): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(numberLocale(lng), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
