import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatRupees, shortUnitName } from "../../stats/format.js";
import type { WorstUnitsStats } from "../../stats/types.js";
import { SLA_COLOURS } from "../map/scales.js";
import { ChartPanel } from "./ChartPanel.js";
import { AXIS } from "./palette.js";
import { chartTooltip, legendText } from "./recharts-theme.js";

export interface WorstUnitsChartProps {
  stats: WorstUnitsStats | null;
  loading: boolean;
  error?: string | null;
  fontScale?: number;
  /** Title override (default: the ten worst divisions). */
  title?: string;
}

/**
 * The units with the most breached, then open, tickets: stacked bars of breached, at risk and
 * on track, each labelled "breached / open", worst at the top.
 */
export function WorstUnitsChart({
  stats,
  loading,
  error,
  fontScale = 1,
  title,
}: WorstUnitsChartProps) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const rows = useMemo(
    () =>
      (stats?.units ?? []).map((u) => ({
        id: u.id,
        label: shortUnitName(placeName(u, lng)),
        full: placeName(u, lng),
        breached: u.breached,
        atRisk: u.atRisk,
        onTrack: Math.max(0, u.open - u.atRisk - u.breached),
        open: u.open,
        owed: u.compensationOwed,
        tag: t("charts.worstTag", {
          breached: formatCount(u.breached, lng),
          open: formatCount(u.open, lng),
        }),
      })),
    [stats, lng, t],
  );
  const fs = 12 * fontScale;
  const heading = title ?? t("charts.worstTitle");
  return (
    <ChartPanel
      name="worst"
      title={heading}
      subtitle={stats && rows.length > 0 ? t("charts.worstSubtitle") : null}
      loading={loading && !stats}
      error={error}
      empty={stats && rows.length === 0 ? t("charts.worstEmpty") : null}
      table={
        stats && (
          <table>
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t("charts.unit")}</th>
                <th scope="col">{t("charts.breached")}</th>
                <th scope="col">{t("charts.atRisk")}</th>
                <th scope="col">{t("charts.open")}</th>
                <th scope="col">{t("charts.owed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.full}</th>
                  <td>{formatCount(r.breached, lng)}</td>
                  <td>{formatCount(r.atRisk, lng)}</td>
                  <td>{formatCount(r.open, lng)}</td>
                  <td>{formatRupees(r.owed, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {stats && (
        <ResponsiveContainer width="100%" height="100%" minHeight={160}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 8, bottom: 0, left: 4 }}
            barCategoryGap="16%"
          >
            <XAxis type="number" hide allowDecimals={false} />
            <YAxis
              yAxisId="names"
              type="category"
              dataKey="label"
              width={130 * fontScale}
              tick={{ fill: AXIS.text, fontSize: fs }}
              stroke={AXIS.line}
              interval={0}
            />
            {/* "breached / open" as a second axis on the right: always beside its row, even when
                the last segment of the bar is empty. */}
            <YAxis
              yAxisId="tags"
              orientation="right"
              type="category"
              dataKey="tag"
              width={72 * fontScale}
              tick={{ fill: AXIS.text, fontSize: fs, textAnchor: "start", dx: 4 }}
              axisLine={false}
              tickLine={false}
              interval={0}
              allowDuplicatedCategory
            />
            <Tooltip
              {...chartTooltip(fs)}
              labelFormatter={(_label, payload) =>
                String((payload?.[0]?.payload as { full?: string } | undefined)?.full ?? "")
              }
              formatter={(v, key) => [formatCount(Number(v), lng), String(key)]}
            />
            <Legend
              itemSorter={null}
              formatter={legendText(fs)}
              iconSize={10 * fontScale}
              wrapperStyle={{ fontSize: fs }}
            />
            <Bar
              yAxisId="names"
              dataKey="breached"
              name={t("charts.breached")}
              stackId="open"
              fill={SLA_COLOURS.breached}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="names"
              dataKey="atRisk"
              name={t("charts.atRisk")}
              stackId="open"
              fill={SLA_COLOURS.at_risk}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="names"
              dataKey="onTrack"
              name={t("charts.onTrack")}
              stackId="open"
              fill={SLA_COLOURS.on_track}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartPanel>
  );
}
