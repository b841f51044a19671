/**
 * The diurnal shape of complaint arrivals, in IST. 1912 volumes are lowest before dawn, climb
 * through the day and peak in the evening when load (and heat) peaks and people are home: summer
 * evenings exceed 1,000 complaints an hour statewide (DOMAIN.md section c).
 */
import { IST_OFFSET_MINUTES } from "../../shared/domain.js";

/** Relative volume at each IST hour h:00 (linear in between); normalised below to a daily mean of 1. */
// prettier-ignore
const RAW_SHAPE = [
  0.9, 0.5, 0.3, 0.25, 0.3, 0.45, 0.6, 0.75, 0.85, 0.95, 1.0, 1.05, // 00-11
  1.1, 1.15, 1.15, 1.1, 1.05, 1.15, 1.5, 2.2, 2.65, 2.65, 2.2, 1.5, // 12-23
] as const;

const RAW_MEAN = RAW_SHAPE.reduce((s, v) => s + v, 0) / RAW_SHAPE.length;

/** Normalised so the mean over a day is exactly 1 (the mean of a cyclic piecewise-linear curve is the mean of its knots). */
export const DIURNAL_SHAPE: readonly number[] = RAW_SHAPE.map((v) => v / RAW_MEAN);

/** The highest multiplier of the day (the evening peak), used as the envelope for thinning. */
export const PEAK_MULTIPLIER = Math.max(...DIURNAL_SHAPE);

const HOUR_MS = 3_600_000;

/** Fractional IST hour of the day, 0 <= h < 24. */
export function istHour(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  const h = (ms / HOUR_MS + IST_OFFSET_MINUTES / 60) % 24;
  return h < 0 ? h + 24 : h;
}

/** Multiplier of the mean rate at an instant (1 = the day's average). */
export function rateMultiplier(at: Date | number): number {
  const h = istHour(at);
  const i = Math.floor(h) % 24;
  const f = h - Math.floor(h);
  return DIURNAL_SHAPE[i] * (1 - f) + DIURNAL_SHAPE[(i + 1) % 24] * f;
}

/** Reports per hour at an instant, for a simulator whose daily average is `ratePerHour`. */
export function ratePerHourAt(at: Date | number, ratePerHour: number): number {
  return ratePerHour * rateMultiplier(at);
}

/**
 * Weight multiplier for supply complaints by IST hour: outages dominate the evening peak and the
 * night (nobody rings about a bill at 2 am), while bills and meters are raised in office hours.
 */
export function supplyBoost(at: Date | number): number {
  const h = Math.floor(istHour(at));
  if (h >= 18) return 1.35;
  if (h < 6) return 1.2;
  if (h >= 9 && h < 17) return 0.75;
  return 1;
}

/** Pre-monsoon storms (aandhi) come mostly in the afternoon and evening; relative, mean 1. */
// prettier-ignore
const STORM_RAW = [
  0.5, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, // 00-11
  1.0, 1.2, 1.5, 1.8, 2.0, 2.0, 1.9, 1.7, 1.4, 1.1, 0.8, 0.6, // 12-23
] as const;
const STORM_MEAN = STORM_RAW.reduce((s, v) => s + v, 0) / STORM_RAW.length;
export const STORM_SHAPE: readonly number[] = STORM_RAW.map((v) => v / STORM_MEAN);
export const STORM_PEAK = Math.max(...STORM_SHAPE);

export function stormMultiplier(at: Date | number): number {
  return STORM_SHAPE[Math.floor(istHour(at)) % 24];
}

/**
 * Next arrival of a non-homogeneous Poisson process after `fromMs` by thinning (Lewis-Shedler):
 * candidates at the peak rate, each kept with probability rate(t)/peak. Exact, and needs only
 * uniform draws, so it is reproducible from the seed.
 */
export function nextArrival(
  fromMs: number,
  meanPerHour: number,
  multiplier: (ms: number) => number,
  peak: number,
  draw: { exp(rate: number): number; next(): number },
): number {
  if (!(meanPerHour > 0)) return Number.POSITIVE_INFINITY;
  const envelopePerMs = (meanPerHour * peak) / HOUR_MS;
  let t = fromMs;
  for (let i = 0; i < 100_000; i++) {
    t += draw.exp(envelopePerMs);
    // Whole milliseconds, so a planned instant and the timer that fires at it agree exactly.
    if (draw.next() * peak <= multiplier(t)) return Math.ceil(t);
  }
  return Math.ceil(t);
}
