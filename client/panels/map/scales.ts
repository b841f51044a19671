import type { MapCounts } from "../../../shared/counts.js";
import type { SlaState } from "../../../shared/domain.js";
import type { Language } from "../../i18n/index.js";

/** Colour-blind-safe SLA colours (Okabe-Ito sky blue and orange, a dark red); legends add text. */
export const SLA_COLOURS: Record<SlaState, string> = {
  on_track: "#56b4e9",
  at_risk: "#e69f00",
  breached: "#c8261b",
};

export const IDLE_FEEDER_COLOUR = "#6b7a90";

/** Sequential ramp for district shading, dark (none open) to light (most open), for a dark theme. */
export const DISTRICT_RAMP = ["#1b2230", "#2c2a4f", "#433a73", "#5f4b98", "#7f62bb", "#a585da"];

/** Upper bounds of the five shaded classes: multiples of a round step (1, 2, 5 × 10^k). */
export function districtBreaks(max: number): number[] {
  if (max <= 0) return [];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const whole = Math.max(1, Math.ceil(step));
  return [1, 2, 3, 4, 5].map((i) => i * whole);
}

export function districtColour(open: number, breaks: readonly number[]): string {
  if (open <= 0 || breaks.length === 0) return DISTRICT_RAMP[0];
  const i = breaks.findIndex((b) => open <= b);
  return DISTRICT_RAMP[(i === -1 ? breaks.length - 1 : i) + 1];
}

/** Circle radius in pixels: area grows with open tickets (square-root scale), capped. */
export function feederRadius(open: number): number {
  return Math.min(18, 3 + 2.2 * Math.sqrt(Math.max(0, open)));
}

export function maxOpen(counts: Record<string, MapCounts>): number {
  let max = 0;
  for (const c of Object.values(counts)) if (c.open > max) max = c.open;
  return max;
}

/** How districts are shaded: open tickets per 10,000 consumers (fair across sizes) or the count. */
export type ShadingMode = "per10k" | "absolute";

export function isShadingMode(v: unknown): v is ShadingMode {
  return v === "per10k" || v === "absolute";
}

/**
 * Upper bounds of five classes for a rate that may be fractional (0.3 per 10,000): a round step
 * of 1, 2 or 5 × 10^k, not floored to a whole number as `districtBreaks` does for counts.
 */
export function rateBreaks(max: number): number[] {
  if (!(max > 0)) return [];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return [1, 2, 3, 4, 5].map((i) => Number((i * step).toPrecision(6)));
}

/** Open tickets per 10,000 consumers, or null when the district's consumers are not known. */
export function perTenThousand(open: number, consumers: number | undefined): number | null {
  if (!consumers || consumers <= 0) return null;
  return (open / consumers) * 10_000;
}

/** The value each district is shaded by, in the chosen mode (null: no consumer figure). */
export function districtValues(
  counts: Record<string, MapCounts>,
  consumers: Record<string, number>,
  mode: ShadingMode,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const ids = new Set([...Object.keys(counts), ...Object.keys(consumers)]);
  for (const id of ids) {
    const open = counts[id]?.open ?? 0;
    out[id] = mode === "absolute" ? open : perTenThousand(open, consumers[id]);
  }
  return out;
}

/** Breaks for the values of one mode: whole-number classes for counts, round decimals for rates. */
export function shadingBreaks(values: Record<string, number | null>, mode: ShadingMode): number[] {
  let max = 0;
  for (const v of Object.values(values)) if (v !== null && v > max) max = v;
  return mode === "absolute" ? districtBreaks(max) : rateBreaks(max);
}

const rateFormats = new Map<string, Intl.NumberFormat>();

/** A rate with at most one decimal (two below 1), Indian grouping, in the chosen language. */
export function formatRate(value: number, lng: Language): string {
  const digits = value > 0 && value < 1 ? 2 : 1;
  const key = `${lng}:${digits}`;
  let f = rateFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng === "hi" ? "hi-IN" : "en-IN", { maximumFractionDigits: digits });
    rateFormats.set(key, f);
  }
  return f.format(value);
}
