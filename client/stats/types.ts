import type { CategoryId } from "../../shared/domain.js";

/**
 * Wire shapes of the read-only statistics the screens chart (GET /api/v1/stats/*, /api/v1/summary).
 * They belong in shared/ next to the live contract; until the server declares them there, the
 * client states what it relies on here.
 */

export type CategoryOrNone = CategoryId | "uncategorised";

export interface HourlyStats {
  /** IST day of `today`. */
  day: string;
  today: Array<{ hour: number; byCategory: Record<CategoryOrNone, number> }>;
  /** Mean tickets per hour over the 7 days before today. */
  average7d: Array<{ hour: number; total: number }>;
}

export interface SlaDay {
  day: string;
  due: number;
  metLimit: number;
  breached: number;
  compliancePct: number | null;
}

export interface SlaDailyStats {
  days: SlaDay[];
}

export interface WorstUnit {
  id: string;
  name: string;
  nameHi: string;
  open: number;
  atRisk: number;
  breached: number;
  /** Rupees. */
  compensationOwed: number;
}

export interface WorstUnitsStats {
  units: WorstUnit[];
}

export type Trend = "up" | "down" | "flat";

export interface SummaryTile {
  unitId: string;
  kind: "network" | "state" | "discom";
  name: string;
  nameHi: string;
  receivedToday: number;
  /** Mean tickets received per day over the 7 days before today. */
  receivedAvg7d: number;
  open: number;
  breached: number;
  resolvedWithinLimitPct: number | null;
  confirmedClosurePct: number | null;
  falseClosures: number;
  /** Rupees. */
  compensationOwed: number;
  /** Against the same time yesterday. */
  trend: { received: Trend; open: Trend; breached: Trend };
  /** Network tile only: tickets in no state yet; states plus this add up to the network. */
  notPlaced?: { receivedToday: number; open: number; breached: number };
}

export interface SummaryStats {
  generatedAt: string;
  tiles: SummaryTile[];
}
