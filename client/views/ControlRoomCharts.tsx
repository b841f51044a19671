import { memo } from "react";
import type { UnitCounts } from "../../shared/counts.js";
import { CategoryChart } from "../panels/charts/CategoryChart.js";
import { HourlyChart } from "../panels/charts/HourlyChart.js";
import { SlaChart } from "../panels/charts/SlaChart.js";
import { WorstUnitsChart } from "../panels/charts/WorstUnitsChart.js";
import { useHourlyStats, useSlaDaily, useWorstUnits } from "../stats/hooks.js";

export type ChartName = "hourly" | "sla" | "categories" | "worst";

export interface ControlRoomChartsProps {
  /** The unit the charts describe (undefined: the whole network). */
  unitId?: string;
  /** Live counts of that unit, for open tickets by category. */
  counts: UnitCounts | null;
  now: number;
  /** Changes when the live connection comes back, so the charts refresh at once. */
  refreshKey?: unknown;
  charts?: readonly ChartName[];
  fontScale?: number;
  className?: string;
}

const ALL: readonly ChartName[] = ["hourly", "sla", "categories", "worst"];

/**
 * The hourly chart reads the clock only for which IST hour it is. IST is UTC+5:30, so every
 * moment in a half-hour of UTC falls in one IST hour: the screen's 5-second tick redraws it
 * twice an hour instead of every tick.
 */
const HALF_HOUR_MS = 30 * 60_000;

/**
 * The charts, wired to their statistics. Loaded on demand (React.lazy) by the control room so
 * Recharts stays out of the main bundle; the wall imports it directly.
 */
export default function ControlRoomCharts(props: ControlRoomChartsProps) {
  const { unitId, counts, now, refreshKey, charts = ALL, fontScale = 1, className } = props;
  const want = (c: ChartName) => charts.includes(c);
  return (
    <div className={className ?? "charts-grid"}>
      {want("hourly") && (
        <Hourly
          unitId={unitId}
          now={Math.floor(now / HALF_HOUR_MS) * HALF_HOUR_MS}
          refreshKey={refreshKey}
          fontScale={fontScale}
        />
      )}
      {want("sla") && <Sla unitId={unitId} refreshKey={refreshKey} fontScale={fontScale} />}
      {want("categories") && (
        <Categories counts={counts} loading={counts === null} fontScale={fontScale} />
      )}
      {want("worst") && <Worst unitId={unitId} refreshKey={refreshKey} fontScale={fontScale} />}
    </div>
  );
}

interface WiredProps {
  unitId?: string;
  refreshKey?: unknown;
  fontScale: number;
}

// Each chart polls only what it draws, so a wall slide with one chart makes one request. Each is
// memoised: a chart costs tens of milliseconds to redraw, so it redraws only when its data does.
const Categories = memo(CategoryChart);

const Hourly = memo(function Hourly({ now, ...p }: WiredProps & { now: number }) {
  const r = useHourlyStats(p.unitId, p.refreshKey);
  return (
    <HourlyChart
      stats={r.data}
      now={now}
      loading={r.status === "loading"}
      error={r.error}
      fontScale={p.fontScale}
    />
  );
});

const Sla = memo(function Sla(p: WiredProps) {
  const r = useSlaDaily(p.unitId, 14, p.refreshKey);
  return (
    <SlaChart
      stats={r.data}
      loading={r.status === "loading"}
      error={r.error}
      fontScale={p.fontScale}
    />
  );
});

const Worst = memo(function Worst(p: WiredProps) {
  const r = useWorstUnits(p.unitId, "division", 10, p.refreshKey);
  return (
    <WorstUnitsChart
      stats={r.data}
      loading={r.status === "loading"}
      error={r.error}
      fontScale={p.fontScale}
    />
  );
});
