import { addDays } from "./format.js";

/** The scorecard period: whole IST days, both ends included, as the address carries them. */

export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  /** YYYY-MM-DD, IST. */
  from: string;
  /** YYYY-MM-DD, IST, included. */
  to: string;
  /** The preset this period equals (counted back from today), if any. */
  preset: PeriodPreset | null;
}

export type PeriodProblem = "invalidDate" | "fromAfterTo";

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(v: string | null | undefined): v is string {
  if (!v || !DAY_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The last `days` days up to and including today. */
export function presetPeriod(days: PeriodPreset, today: string): Period {
  return { from: addDays(today, -(days - 1)), to: today, preset: days };
}

function presetOf(from: string, to: string, today: string): PeriodPreset | null {
  if (to !== today) return null;
  return PERIOD_PRESETS.find((d) => addDays(today, -(d - 1)) === from) ?? null;
}

/**
 * Reads ?from=&to= (either may be missing: the last 30 days, as the server assumes). A bad date
 * or a start after the end is reported rather than silently replaced.
 */
export function readPeriod(
  from: string | null,
  to: string | null,
  today: string,
): { period: Period; problem: PeriodProblem | null } {
  const fallback = presetPeriod(30, today);
  if (!from && !to) return { period: fallback, problem: null };
  const f = from ?? (isDay(to) ? addDays(to, -29) : fallback.from);
  const t = to ?? today;
  if (!isDay(f) || !isDay(t)) return { period: fallback, problem: "invalidDate" };
  if (f > t) return { period: { from: f, to: t, preset: null }, problem: "fromAfterTo" };
  return { period: { from: f, to: t, preset: presetOf(f, t, today) }, problem: null };
}

/** The instants the server wants: IST midnight at the start, the midnight after the last day. */
export function periodQuery(p: Period): { from: string; to: string } {
  return { from: `${p.from}T00:00:00+05:30`, to: `${addDays(p.to, 1)}T00:00:00+05:30` };
}

/** Number of days in the period, both ends included. */
export function periodDays(p: Period): number {
  return (
    Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) +
    1
  );
}
