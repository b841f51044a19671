import type { CategoryId, OpenStatus, SlaState } from "./domain.js";
import { CATEGORY_IDS, OPEN_STATUSES, SLA_STATES } from "./domain.js";

/** Open-ticket counters for one unit, as the projections keep them and screens show them. */
export interface UnitCounts {
  open: number;
  needsTriage: number;
  byCategory: Record<CategoryId | "uncategorised", number>;
  byStatus: Record<OpenStatus, number>;
  bySla: Record<SlaState, number>;
  /** Escalated open tickets (escalation level above 0). */
  escalated: number;
  /** Tickets created on the current IST day. */
  receivedToday: number;
  /** Tickets resolved on the current IST day. */
  resolvedToday: number;
}

/** The small form used for map markers and district shading. */
export interface MapCounts {
  open: number;
  atRisk: number;
  breached: number;
}

/**
 * A feeder's MapCounts as the live stream sends it: `[open, atRisk, breached]`. A whole network's
 * snapshot carries thousands of feeders, and the field names were two thirds of each entry's bytes
 * (100,000 open tickets on 3,000 feeders: 205 KB as objects). Decoded once on arrival.
 */
export type WireMapCounts = [open: number, atRisk: number, breached: number];

export const toWire = (c: MapCounts): WireMapCounts => [c.open, c.atRisk, c.breached];

export function fromWire(feeders: Record<string, WireMapCounts>): Record<string, MapCounts> {
  const out: Record<string, MapCounts> = {};
  for (const [id, [open, atRisk, breached]] of Object.entries(feeders))
    out[id] = { open, atRisk, breached };
  return out;
}

export function emptyCounts(): UnitCounts {
  return {
    open: 0,
    needsTriage: 0,
    byCategory: Object.fromEntries(
      [...CATEGORY_IDS, "uncategorised"].map((c) => [c, 0]),
    ) as UnitCounts["byCategory"],
    byStatus: Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as UnitCounts["byStatus"],
    bySla: Object.fromEntries(SLA_STATES.map((s) => [s, 0])) as UnitCounts["bySla"],
    escalated: 0,
    receivedToday: 0,
    resolvedToday: 0,
  };
}

/** The worst SLA state present among open tickets, or null when nothing is open. */
export function worstSla(c: MapCounts): SlaState | null {
  if (c.breached > 0) return "breached";
  if (c.atRisk > 0) return "at_risk";
  return c.open > 0 ? "on_track" : null;
}
