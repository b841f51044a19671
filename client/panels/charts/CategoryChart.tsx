import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { UnitCounts } from "../../../shared/counts.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { ChartPanel } from "./ChartPanel.js";
import { categoryLabel } from "./HourlyChart.js";
import { AXIS, CATEGORY_COLOURS, CATEGORY_KEYS } from "./palette.js";

export interface CategoryChartProps {
  /** Live counts of the unit (open tickets by category). */
  counts: UnitCounts | null;
  loading: boolean;
  error?: string | null;
  fontScale?: number;
}

/** Open tickets by category, largest first, each bar labelled with its count. */
export function CategoryChart({ counts, loading, error, fontScale = 1 }: CategoryChartProps) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const rows = useMemo(
    () =>
      counts
        ? CATEGORY_KEYS.map((c) => ({
            id: c,
            label: categoryLabel(c, lng, t("charts.uncategorised")),
            open: counts.byCategory[c] ?? 0,
          })).sort((a, b) => b.open - a.open)
        : [],
    [counts, lng, t],
  );
  const total = counts?.open ?? 0;
  const fs = 12 * fontScale;
  return (
    <ChartPanel
      name="categories"
      title={t("charts.categoryTitle")}
      subtitle={counts ? t("charts.categorySubtitle", { n: formatCount(total, lng) }) : null}
      loading={loading && !counts}
      error={error}
      empty={counts && total === 0 ? t("charts.categoryEmpty") : null}
      table={
        counts && (
          <table>
            <caption>{t("charts.categoryTitle")}</caption>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.label}</th>
                  <td>{formatCount(r.open, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {counts && (
        <ResponsiveContainer width="100%" height="100%" minHeight={120}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 48 * fontScale, bottom: 4, left: 4 }}
            barCategoryGap="18%"
          >
            <XAxis type="number" hide />
            <YAxis
              type="category"
              dataKey="label"
              width={150 * fontScale}
              tick={{ fill: AXIS.text, fontSize: fs }}
              stroke={AXIS.line}
              interval={0}
            />
            <Bar dataKey="open" isAnimationActive={false} minPointSize={2}>
              {rows.map((r) => (
                <Cell key={r.id} fill={CATEGORY_COLOURS[r.id]} />
              ))}
              <LabelList
                dataKey="open"
                position="right"
                fill={AXIS.text}
                fontSize={fs}
                formatter={(v: unknown) => formatCount(Number(v), lng)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartPanel>
  );
}
