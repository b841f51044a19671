/**
 * Storms (aandhi): a squall over one substation trips its feeders at once, and within minutes
 * dozens of consumers on those feeders report the outage on every channel. The control room must
 * see this as one incident per feeder, not a hundred unrelated tickets.
 */
import type { FeederPlace } from "./places.js";
import type { Rng } from "./random.js";

export const STORM_MIN_REPORTS = 30;
export const STORM_MAX_REPORTS = 120;
export const STORM_MIN_MINUTES = 5;
export const STORM_MAX_MINUTES = 15;

export interface StormPlan {
  id: string;
  substationId: string;
  substationName: string;
  startMs: number;
  endMs: number;
  /** When each report arrives and from which feeder, in time order. */
  reports: { atMs: number; place: FeederPlace }[];
}

/**
 * Plans one storm. Most reports come from the one or two feeders that tripped hardest (where the
 * tree fell), the rest from the substation's other feeders; arrivals bunch at the start, when the
 * lights go out, and thin out as people learn it is a known fault.
 */
export function planStorm(
  rng: Rng,
  feeders: readonly FeederPlace[],
  startMs: number,
  seq: number,
): StormPlan | null {
  if (feeders.length === 0) return null;
  const substation = feeders[0].substation;
  if (!substation) return null;
  const count = rng.int(STORM_MIN_REPORTS, STORM_MAX_REPORTS);
  const minutes = STORM_MIN_MINUTES + rng.next() * (STORM_MAX_MINUTES - STORM_MIN_MINUTES);
  const spanMs = minutes * 60_000;
  const order = rng.shuffle(feeders);
  const hit = order.slice(0, feeders.length > 3 && rng.chance(0.5) ? 2 : 1);
  const rest = order.slice(hit.length);

  const reports: { atMs: number; place: FeederPlace }[] = [];
  for (let i = 0; i < count; i++) {
    const atMs = startMs + Math.floor(spanMs * rng.next() ** 1.6);
    const place = rest.length === 0 || rng.chance(0.7) ? rng.pick(hit) : rng.pick(rest);
    reports.push({ atMs, place });
  }
  reports.sort((a, b) => a.atMs - b.atMs);
  return {
    id: `storm-${seq}-${new Date(startMs).toISOString()}`,
    substationId: substation.id,
    substationName: substation.name,
    startMs,
    endMs: reports[reports.length - 1].atMs,
    reports,
  };
}
