import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { UnitCounts } from "../../shared/counts.js";
import { SLA_LABELS } from "../../shared/domain.js";
import { formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { formatDecimal, formatPct, formatRupees } from "../stats/format.js";
import { PanelState } from "./PanelState.js";

/** The figures only the server's statistics know (from the unit's tile in /api/v1/summary). */
export interface TilesSummary {
  confirmedClosurePct: number | null;
  /** Rupees. */
  compensationOwed: number;
  receivedAvg7d: number;
}

export interface TilesPanelProps {
  counts: UnitCounts | null;
  loading: boolean;
  error?: string | null;
  /**
   * Given (even as null while it loads): adds breached, confirmed-closure and compensation tiles.
   * Left out: the four live tiles only.
   */
  summary?: TilesSummary | null;
  /** Leave out the needs-triage tile (the wall shows the six headline figures only). */
  hideTriage?: boolean;
}

/** The headline numbers: open, received today, resolved today, breached, needs triage, and more. */
export function TilesPanel({ counts, loading, error, summary, hideTriage }: TilesPanelProps) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation("screens");
  const lng = useLanguage();
  const n = (value: number | undefined) => (value === undefined ? "–" : formatCount(value, lng));
  const extended = summary !== undefined;
  const count = 3 + (extended ? 3 : 0) + (hideTriage ? 0 : 1);
  return (
    <section className={`tiles tiles--${count}`} aria-label={t("tiles.title")} aria-busy={loading}>
      <Tile id="open" label={t("tiles.open")} value={n(counts?.open)} tone="open">
        {counts && (
          <>
            <span className="sla-chip sla-chip--at_risk">
              {SLA_LABELS.at_risk[lng]}: {n(counts.bySla.at_risk)}
            </span>
            {!extended && (
              <span className="sla-chip sla-chip--breached">
                {SLA_LABELS.breached[lng]}: {n(counts.bySla.breached)}
              </span>
            )}
          </>
        )}
      </Tile>
      <Tile id="received-today" label={t("tiles.receivedToday")} value={n(counts?.receivedToday)}>
        {summary
          ? ts("tiles.avgPerDay", { n: formatDecimal(summary.receivedAvg7d, lng) })
          : t("tiles.todayIst")}
      </Tile>
      <Tile id="resolved-today" label={t("tiles.resolvedToday")} value={n(counts?.resolvedToday)}>
        {t("tiles.todayIst")}
      </Tile>
      {extended && (
        <Tile
          id="breached"
          label={ts("tiles.breached")}
          value={n(counts?.bySla.breached)}
          tone="breached"
        >
          {counts && ts("tiles.escalated", { n: n(counts.escalated) })}
        </Tile>
      )}
      {!hideTriage && (
        <Tile
          id="needs-triage"
          label={t("tiles.needsTriage")}
          value={n(counts?.needsTriage)}
          tone="triage"
        >
          {t("tiles.triageHint")}
        </Tile>
      )}
      {extended && (
        <Tile
          id="confirmed-closure"
          label={ts("tiles.confirmedClosure")}
          value={summary ? formatPct(summary.confirmedClosurePct, lng) : "–"}
        >
          {ts("tiles.last7Days")}
        </Tile>
      )}
      {extended && (
        <Tile
          id="compensation"
          label={ts("tiles.compensation")}
          value={summary ? formatRupees(summary.compensationOwed, lng) : "–"}
          tone="money"
        >
          {ts("tiles.compensationHint")}
        </Tile>
      )}
      {(error || (loading && !counts)) && (
        <div className="tiles__state">
          <PanelState loading={loading} error={error} />
        </div>
      )}
    </section>
  );
}

interface TileProps {
  id: string;
  label: string;
  value: string;
  tone?: string;
  children?: ReactNode;
}

function Tile(props: TileProps) {
  return (
    <div className={`tile${props.tone ? ` tile--${props.tone}` : ""}`} data-tile={props.id}>
      <h2 className="tile__label">{props.label}</h2>
      {/* The length lets CSS shrink long figures (₹12,34,56,789) to fit the tile. */}
      <p className="tile__value" style={{ "--len": props.value.length } as CSSProperties}>
        {props.value}
      </p>
      <p className="tile__detail">{props.children}</p>
    </div>
  );
}
