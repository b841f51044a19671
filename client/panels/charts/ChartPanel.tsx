import "./charts.css";
import type { ReactNode } from "react";
import { useId } from "react";
import { PanelState } from "../PanelState.js";
import { useTurn } from "../turns.js";

export interface ChartPanelProps {
  title: string;
  /** One line under the title: the headline figure or what is compared. */
  subtitle?: ReactNode;
  loading: boolean;
  error?: string | null;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** The chart (drawn only when there is data). */
  children?: ReactNode;
  /** The same numbers as a table, for screen readers and for reading exact values. */
  table?: ReactNode;
  /** Identifies the panel in tests and wall CSS. */
  name: string;
}

/**
 * The frame every chart shares: title, a loading / error / empty state, the chart, and a
 * visually hidden table with the same numbers (charts are pictures; the table is the data).
 */
export function ChartPanel(props: ChartPanelProps) {
  const { title, subtitle, loading, error, empty, children, table, name } = props;
  const id = useId();
  const showChart = !empty && !!children;
  // The frame, subtitle and table show at once; the drawing waits for its turn (turns.ts).
  const drawn = useTurn(showChart, 1);
  return (
    <section className="panel chart-panel" aria-labelledby={id} data-chart={name}>
      <header className="panel__header">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {subtitle && <p className="panel__subtitle chart-panel__subtitle">{subtitle}</p>}
      </header>
      <PanelState loading={loading} error={error} />
      {!loading && empty && <p className="chart-panel__empty">{empty}</p>}
      {showChart && (
        // Hidden from screen readers, who get the table below; the charts are drawn without
        // Recharts' keyboard layer (accessibilityLayer={false}) so nothing in here takes focus.
        <div className="chart-panel__body" aria-hidden="true">
          {/* Absolutely placed, so the chart's 100% height resolves in every layout (flex, grid). */}
          <div className="chart-panel__canvas">{drawn && children}</div>
        </div>
      )}
      {!empty && table && <div className="visually-hidden">{table}</div>}
    </section>
  );
}
