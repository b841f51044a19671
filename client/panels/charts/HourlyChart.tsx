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
import { CATEGORIES } from "../../../shared/domain.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatDecimal, formatHour, istHour } from "../../stats/format.js";
import type { CategoryOrNone, HourlyStats } from "../../stats/types.js";
import { ChartPanel } from "./ChartPanel.js";
import { AVERAGE_COLOUR, AXIS, CATEGORY_COLOURS, CATEGORY_KEYS } from "./palette.js";
import { chartTooltip, legendText } from "./recharts-theme.js";

export interface HourlyChartProps {
  stats: HourlyStats | null;
  /** Wall-clock ms: which hours of today have happened yet. */
  now: number;
  loading: boolean;
  error?: string | null;
  /** Larger type for the wall. */
  fontScale?: number;
}

export type HourRow = { hour: number; label: string; total: number; average: number } & Record<
  CategoryOrNone,
  number
>;

/** One row per hour: today's counts by category, their total and the 7-day mean for that hour. */
export function hourlyRows(stats: HourlyStats): HourRow[] {
  return stats.today.map((h) => {
    const row = { hour: h.hour, label: formatHour(h.hour), total: 0, average: 0 } as HourRow;
    for (const c of CATEGORY_KEYS) {
      row[c] = h.byCategory[c] ?? 0;
      row.total += row[c];
    }
    row.average = stats.average7d.find((a) => a.hour === h.hour)?.total ?? 0;
    return row;
  });
}

/** Today so far against the 7-day average up to the same hour. */
export function hourlySoFar(rows: readonly HourRow[], uptoHour: number) {
  let today = 0;
  let average = 0;
  for (const r of rows) {
    if (r.hour > uptoHour) continue;
    today += r.total;
    average += r.average;
  }
  return { today, average };
}

export function categoryLabel(c: CategoryOrNone, lng: Language, uncategorised: string): string {
  return c === "uncategorised" ? uncategorised : CATEGORIES[c][lng];
}

/** Reports per IST hour today, stacked by category, with the 7-day average per hour as a line. */
export function HourlyChart({ stats, now, loading, error, fontScale = 1 }: HourlyChartProps) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const rows = useMemo(() => (stats ? hourlyRows(stats) : []), [stats]);
  const soFar = hourlySoFar(rows, istHour(now));
  const anything = rows.some((r) => r.total > 0 || r.average > 0);
  const name = (c: CategoryOrNone) => categoryLabel(c, lng, t("charts.uncategorised"));
  const fs = 12 * fontScale;
  return (
    <ChartPanel
      name="hourly"
      title={t("charts.hourlyTitle")}
      subtitle={
        stats
          ? t("charts.hourlySubtitle", {
              today: formatCount(soFar.today, lng),
              average: formatDecimal(soFar.average, lng),
            })
          : null
      }
      loading={loading && !stats}
      error={error}
      empty={stats && !anything ? t("charts.hourlyEmpty") : null}
      table={
        stats && (
          <table>
            <caption>{t("charts.hourlyTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("charts.hour")}</th>
                <th scope="col">{t("charts.today")}</th>
                <th scope="col">{t("charts.average7d")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.hour}>
                  <th scope="row">{r.label}</th>
                  <td>{formatCount(r.total, lng)}</td>
                  <td>{formatDecimal(r.average, lng)}</td>
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
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke={AXIS.grid} vertical={false} />
            <XAxis
              dataKey="label"
              interval={fontScale > 1 ? 3 : 2}
              tick={{ fill: AXIS.tick, fontSize: fs }}
              stroke={AXIS.line}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: AXIS.tick, fontSize: fs }}
              stroke={AXIS.line}
              width={44 * fontScale}
              tickFormatter={(v: number) => formatCount(v, lng)}
            />
            <Tooltip
              {...chartTooltip(fs)}
              formatter={(v, key) => [formatDecimal(Number(v), lng), String(key)]}
            />
            <Legend
              itemSorter={null}
              formatter={legendText(fs)}
              iconSize={10 * fontScale}
              wrapperStyle={{ fontSize: fs, paddingTop: 4 }}
            />
            {CATEGORY_KEYS.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                name={name(c)}
                stackId="today"
                fill={CATEGORY_COLOURS[c]}
                isAnimationActive={false}
              />
            ))}
            <Line
              dataKey="average"
              name={t("charts.average7d")}
              type="linear"
              stroke={AVERAGE_COLOUR}
              strokeWidth={2 * Math.min(fontScale, 1.5)}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartPanel>
  );
}
