import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { usePolled, type Polled } from "./polled.js";
import type { HourlyStats, SlaDailyStats, SummaryStats, WorstUnitsStats } from "./types.js";

/** How often each read refreshes: today's hours move quickly, past days hardly at all. */
export const REFRESH_MS = { hourly: 30_000, slaDaily: 300_000, worst: 30_000, summary: 30_000 };

const unitParam = (unitId: string | undefined) =>
  `unit=${encodeURIComponent(unitId ?? ROOT_UNIT_ID)}`;

/** Reports per IST hour today by category, against the 7-day average. */
export function useHourlyStats(unitId?: string, refreshKey?: unknown): Polled<HourlyStats> {
  return usePolled(`/api/v1/stats/hourly?${unitParam(unitId)}`, REFRESH_MS.hourly, refreshKey);
}

/** SLA compliance of the last `days` IST days. */
export function useSlaDaily(
  unitId?: string,
  days = 14,
  refreshKey?: unknown,
): Polled<SlaDailyStats> {
  return usePolled(
    `/api/v1/stats/sla-daily?${unitParam(unitId)}&days=${days}`,
    REFRESH_MS.slaDaily,
    refreshKey,
  );
}

/** The worst units of a kind under a unit: most breached, then most open. */
export function useWorstUnits(
  unitId?: string,
  kind = "division",
  limit = 10,
  refreshKey?: unknown,
): Polled<WorstUnitsStats> {
  return usePolled(
    `/api/v1/stats/worst?${unitParam(unitId)}&kind=${kind}&limit=${limit}`,
    REFRESH_MS.worst,
    refreshKey,
  );
}

/** The minister's tiles: the whole network, each state and each discom. */
export function useSummary(refreshKey?: unknown): Polled<SummaryStats> {
  return usePolled("/api/v1/summary", REFRESH_MS.summary, refreshKey);
}
