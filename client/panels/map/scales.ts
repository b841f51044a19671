import type { MapCounts } from "../../../shared/counts.js";
import type { SlaState } from "../../../shared/domain.js";

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
