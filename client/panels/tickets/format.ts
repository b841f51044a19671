import type { Language } from "../../i18n/index.js";
import { numberLocale } from "../../i18n/format.js";

/** Formats the operations screens share: rupees, IST times, hours and percentages. */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(
  key: string,
  lng: Language,
  opts: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const k = `${key}:${lng}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(lng), opts);
    cache.set(k, f);
  }
  return f;
}

/** ₹12,34,56,789 (Indian grouping, whole rupees). */
export function formatRupees(amount: number, lng: Language): string {
  return numberFormat("inr", lng, {
    style: "currency",
    currency: "INR",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** 87.5 % style share from a percentage number (0-100). */
export function formatPercent(pct: number, lng: Language): string {
  return numberFormat("pct", lng, { style: "percent", maximumFractionDigits: 1 }).format(pct / 100);
}

/** An age or duration given in hours: "40 min", "5.5 hr", or "3 days" from two days on. */
export function formatHours(hours: number, lng: Language): string {
  if (hours < 1) {
    const minutes = Math.max(1, Math.round(hours * 60));
    return numberFormat("minute", lng, {
      style: "unit",
      unit: "minute",
      unitDisplay: "short",
    }).format(minutes);
  }
  if (hours >= 48) {
    return numberFormat("day", lng, {
      style: "unit",
      unit: "day",
      unitDisplay: "long",
      maximumFractionDigits: 1,
    }).format(hours / 24);
  }
  return numberFormat("hour", lng, {
    style: "unit",
    unit: "hour",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(hours);
}

/** "24 Nov, 14:05 IST" in India Standard Time whatever the screen's own time zone. */
export function formatIst(iso: string, lng: Language): string {
  const k = `ist:${lng}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(numberLocale(lng), {
      timeZone: "Asia/Kolkata",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    cache.set(k, f);
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "–";
  return `${f.format(ms)} IST`;
}

/** True when the text is mostly Devanagari, so it can be marked lang="hi" for screen readers. */
export function looksHindi(text: string): boolean {
  return /[\u0900-\u097F]/.test(text);
}
