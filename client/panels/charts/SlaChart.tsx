import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatDay, formatPct } from "../../stats/format.js";
import type { SlaDailyStats } from "../../stats/types.js";
import { SLA_COLOURS } from "../map/scales.js";
import { ChartPanel } from "./ChartPanel.js";
import { AVERAGE_COLOUR, AXIS } from "./palette.js";
import { chartTooltip, legendText } from "./recharts-theme.js";

export interface SlaChartProps {
  stats: SlaDailyStats | null;
  loading: boolean;
  error?: string | null;
  fontScale?: number;
}

/** Compliance over the whole period: met / due, or null when nothing fell due. */
export function overallCompliance(stats: SlaDailyStats): number | null {
  let due = 0;
  let met = 0;
  for (const d of stats.days) {
    due += d.due;
    met += d.metLimit;
  }
  return due ? Math.round((met / due) * 1000) / 10 : null;
}

/**
 * SLA compliance per IST day: of the tickets due that day, how many were resolved within the
 * limit (bars: met and breached) and the share met (line, right axis).
 */
export function SlaChart({ stats, loading, error, fontScale = 1 }: SlaChartProps) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const rows = useMemo(
    () => (stats ? stats.days.map((d) => ({ ...d, label: formatDay(d.day, lng) })) : []),
    [stats, lng],
  );
  const overall = stats ? overallCompliance(stats) : null;
  const fs = 12 * fontScale;
  const anything = rows.some((r) => r.due > 0);
  return (
    <ChartPanel
      name="sla"
      title={t("charts.slaTitle", { days: formatCount(rows.length || 14, lng) })}
      subtitle={
        stats && anything ? t("charts.slaSubtitle", { pct: formatPct(overall, lng) }) : null
      }
      loading={loading && !stats}
      error={error}
      empty={stats && !anything ? t("charts.slaEmpty") : null}
      table={
        stats && (
          <table>
            <caption>{t("charts.slaTitle", { days: formatCount(rows.length, lng) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("charts.day")}</th>
                <th scope="col">{t("charts.due")}</th>
                <th scope="col">{t("charts.metLimit")}</th>
                <th scope="col">{t("charts.breached")}</th>
                <th scope="col">{t("charts.compliance")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.day}>
                  <th scope="row">{r.label}</th>
                  <td>{formatCount(r.due, lng)}</td>
                  <td>{formatCount(r.metLimit, lng)}</td>
                  <td>{formatCount(r.breached, lng)}</td>
                  <td>{formatPct(r.compliancePct, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {stats && (
        <ResponsiveContainer width="100%" height="100%" minHeight={120}>
          <ComposedChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke={AXIS.grid} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: AXIS.tick, fontSize: fs }}
              stroke={AXIS.line}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              tick={{ fill: AXIS.tick, fontSize: fs }}
              stroke={AXIS.line}
              width={44 * fontScale}
              tickFormatter={(v: number) => formatCount(v, lng)}
            />
            <YAxis
              yAxisId="pct"
              orientation="right"
              domain={[0, 100]}
              ticks={[0, 50, 100]}
              tick={{ fill: AXIS.tick, fontSize: fs }}
              stroke={AXIS.line}
              width={48 * fontScale}
              tickFormatter={(v: number) => formatPct(v, lng)}
            />
            <Tooltip
              {...chartTooltip(fs)}
              formatter={(v, key, item) =>
                item.dataKey === "compliancePct"
                  ? [formatPct(v === null ? null : Number(v), lng), String(key)]
                  : [formatCount(Number(v), lng), String(key)]
              }
            />
            <Legend
              itemSorter={null}
              formatter={legendText(fs)}
              iconSize={10 * fontScale}
              wrapperStyle={{ fontSize: fs, paddingTop: 4 }}
            />
            <Bar
              yAxisId="count"
              dataKey="metLimit"
              name={t("charts.metLimit")}
              stackId="due"
              fill={SLA_COLOURS.on_track}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="breached"
              name={t("charts.breached")}
              stackId="due"
              fill={SLA_COLOURS.breached}
              isAnimationActive={false}
            />
            <Line
              yAxisId="pct"
              dataKey="compliancePct"
              name={t("charts.compliance")}
              stroke={AVERAGE_COLOUR}
              strokeWidth={2 * Math.min(fontScale, 1.5)}
              dot={{ r: 3 * Math.min(fontScale, 1.5), fill: AVERAGE_COLOUR }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartPanel>
  );
}
