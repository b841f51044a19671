import type { z } from "zod";
import type { routingRuleSchema, slaLimitSchema } from "../../../shared/schemas.js";

/** Wire shapes of the administration endpoints (the server's own types live in server/, out of reach). */

/** One category's regulator limits as GET/PUT /api/v1/settings carry them. */
export type SlaLimit = z.infer<typeof slaLimitSchema>;

/** Category → role; with `unitId` it applies only to tickets under that unit. */
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export interface LifecycleSettings {
  routing: RoutingRule[];
  slaLimits: SlaLimit[];
  confirmWindowHours: number;
  otpMaxAttempts: number;
}

export interface SettingsResponse {
  settings: LifecycleSettings;
}

/** One scorecard row (a unit or an officer) from GET /api/v1/scorecards. */
export interface ScoreRow {
  id: string;
  name: string;
  nameHi: string;
  received: number;
  open: number;
  breached: number;
  resolved: number;
  medianResolveHours: number | null;
  /** 0–1: closed with the consumer's OTP or "yes", over all closed; null when none closed. */
  confirmedClosureRate: number | null;
  closedUnconfirmed: number;
  /** 0–1: resolutions the consumer said were not fixed; null when nothing was resolved. */
  falseClosureRate: number | null;
  falseClosures: number;
  /** Rupees. */
  compensationOwed: number;
}

export interface ScorecardResponse {
  unitId: string;
  from: string;
  to: string;
  total: ScoreRow;
  units: ScoreRow[];
  officers: ScoreRow[];
}
