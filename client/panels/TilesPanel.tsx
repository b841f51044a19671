import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { UnitCounts } from "../../shared/counts.js";
import { SLA_LABELS } from "../../shared/domain.js";
import { formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { PanelState } from "./PanelState.js";

export interface TilesPanelProps {
  counts: UnitCounts | null;
  loading: boolean;
  error?: string | null;
}

/** The headline numbers: open, received today, resolved today, needs triage. */
export function TilesPanel({ counts, loading, error }: TilesPanelProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const n = (value: number | undefined) => (value === undefined ? "–" : formatCount(value, lng));
  return (
    <section className="tiles" aria-label={t("tiles.title")} aria-busy={loading}>
      <Tile id="open" label={t("tiles.open")} value={n(counts?.open)} tone="open">
        {counts && (
          <>
            <span className="sla-chip sla-chip--at_risk">
              {SLA_LABELS.at_risk[lng]}: {n(counts.bySla.at_risk)}
            </span>
            <span className="sla-chip sla-chip--breached">
              {SLA_LABELS.breached[lng]}: {n(counts.bySla.breached)}
            </span>
          </>
        )}
      </Tile>
      <Tile id="received-today" label={t("tiles.receivedToday")} value={n(counts?.receivedToday)}>
        {t("tiles.todayIst")}
      </Tile>
      <Tile id="resolved-today" label={t("tiles.resolvedToday")} value={n(counts?.resolvedToday)}>
        {t("tiles.todayIst")}
      </Tile>
      <Tile
        id="needs-triage"
        label={t("tiles.needsTriage")}
        value={n(counts?.needsTriage)}
        tone="triage"
      >
        {t("tiles.triageHint")}
      </Tile>
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
      <p className="tile__value">{props.value}</p>
      <p className="tile__detail">{props.children}</p>
    </div>
  );
}
