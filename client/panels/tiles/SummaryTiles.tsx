import "./summary-tiles.css";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { UNIT_KIND_LABELS } from "../../../shared/domain.js";
import { formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatDecimal, formatPct, formatRupees } from "../../stats/format.js";
import type { SummaryTile, Trend } from "../../stats/types.js";
import { PanelState } from "../PanelState.js";

export interface SummaryTilesProps {
  tiles: readonly SummaryTile[] | null;
  loading: boolean;
  error?: string | null;
  /** Where a tile leads (its drill-down page). */
  hrefFor: (unitId: string) => string;
  /** A plain click on a tile calls this (the view navigates) instead of reloading the page. */
  onOpen?: (unitId: string) => void;
}

/**
 * The minister's tiles: the whole network, each state and each discom, with today against the
 * last seven days and trend arrows that say their direction in words. No personal data.
 */
export function SummaryTiles({ tiles, loading, error, hrefFor, onOpen }: SummaryTilesProps) {
  const { t } = useTranslation("screens");
  return (
    <div className="summary-tiles" aria-busy={loading}>
      <PanelState loading={loading && !tiles} error={error} />
      {tiles && tiles.length === 0 && <p className="summary-tiles__empty">{t("summary.empty")}</p>}
      {tiles && tiles.length > 0 && (
        <ul className="summary-tiles__grid">
          {tiles.map((tile) => (
            <li key={tile.unitId} className={`summary-tile-slot summary-tile-slot--${tile.kind}`}>
              <SummaryCard tile={tile} href={hrefFor(tile.unitId)} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SummaryCard({
  tile,
  href,
  onOpen,
}: {
  tile: SummaryTile;
  href: string;
  onOpen?: (unitId: string) => void;
}) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const n = (v: number) => formatCount(v, lng);
  // Worded here, not in each figure: a useTranslation per figure was most of the tiles' render.
  const trendText = (trend: Trend) => t(`summary.trend.${trend}`);
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!onOpen || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(tile.unitId);
  };
  return (
    <a
      className={`summary-tile summary-tile--${tile.kind}`}
      href={href}
      onClick={click}
      data-unit={tile.unitId}
    >
      <span className="summary-tile__head">
        <span className="summary-tile__name">{placeName(tile, lng)}</span>
        {tile.kind !== "network" && (
          <span className="summary-tile__kind">{UNIT_KIND_LABELS[tile.kind][lng]}</span>
        )}
      </span>
      <span className="summary-tile__main">
        <Figure
          id="received"
          label={t("summary.receivedToday")}
          value={n(tile.receivedToday)}
          trend={tile.trend.received}
          trendText={trendText(tile.trend.received)}
          good={null}
          note={t("summary.avg7d", { n: formatDecimal(tile.receivedAvg7d, lng) })}
        />
        <Figure
          id="open"
          label={t("summary.open")}
          value={n(tile.open)}
          trend={tile.trend.open}
          trendText={trendText(tile.trend.open)}
          good="down"
        />
        <Figure
          id="breached"
          label={t("summary.breached")}
          value={n(tile.breached)}
          trend={tile.trend.breached}
          trendText={trendText(tile.trend.breached)}
          good="down"
        />
      </span>
      {tile.notPlaced && (
        <span className="summary-tile__unplaced" data-testid="not-placed">
          {t("summary.notPlaced", {
            received: n(tile.notPlaced.receivedToday),
            open: n(tile.notPlaced.open),
            breached: n(tile.notPlaced.breached),
          })}
        </span>
      )}
      <span className="summary-tile__rates">
        <Rate
          id="within-limit"
          label={t("summary.withinLimit")}
          value={formatPct(tile.resolvedWithinLimitPct, lng)}
        />
        <Rate
          id="confirmed"
          label={t("summary.confirmed")}
          value={formatPct(tile.confirmedClosurePct, lng)}
        />
        <Rate
          id="false-closures"
          label={t("summary.falseClosures")}
          value={n(tile.falseClosures)}
        />
        <Rate
          id="compensation"
          label={t("summary.compensation")}
          value={formatRupees(tile.compensationOwed, lng)}
        />
      </span>
      <span className="summary-tile__more" aria-hidden="true">
        {t("summary.drill")} →
      </span>
    </a>
  );
}

const ARROWS: Record<Trend, string> = { up: "▲", down: "▼", flat: "▶" };

function Figure(props: {
  id: string;
  label: string;
  value: string;
  trend: Trend;
  /** The trend in words ("up on the week"), for everyone: the arrow alone is a picture. */
  trendText: string;
  /** Which direction is good news (null: neither, as for complaints received). */
  good: Trend | null;
  note?: ReactNode;
}) {
  const tone =
    props.good === null || props.trend === "flat"
      ? "neutral"
      : props.trend === props.good
        ? "good"
        : "bad";
  return (
    <span className="summary-figure" data-figure={props.id}>
      <span className="summary-figure__label">{props.label}</span>
      <span className="summary-figure__value">{props.value}</span>
      <span className={`trend trend--${tone}`} data-trend={props.trend}>
        <span aria-hidden="true">{ARROWS[props.trend]}</span> {props.trendText}
      </span>
      {props.note && <span className="summary-figure__note">{props.note}</span>}
    </span>
  );
}

function Rate({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <span className="summary-rate" data-rate={id}>
      <span className="summary-rate__label">{label}</span>
      <span className="summary-rate__value">{value}</span>
    </span>
  );
}
