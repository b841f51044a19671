import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { SLA_LABELS, SLA_STATES } from "../../../shared/domain.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import {
  DISTRICT_RAMP,
  feederRadius,
  formatRate,
  IDLE_FEEDER_COLOUR,
  SLA_COLOURS,
  type ShadingMode,
} from "./scales.js";

export interface MapLegendProps {
  breaks: readonly number[];
  mode?: ShadingMode;
  /** Show the incident symbol (when the map draws incidents). */
  incidents?: boolean;
  /** Show the planned-shutdown symbol beside the unplanned one (when the map draws shutdowns). */
  shutdowns?: boolean;
  /** The legend's box, so the map can keep its feeders out from under it where it floats. */
  ref?: Ref<HTMLDivElement>;
}

/** Text-labelled legend for every encoding: district shading, feeder circles, incidents. */
export function MapLegend({
  breaks,
  mode = "absolute",
  incidents = false,
  shutdowns = false,
  ref,
}: MapLegendProps) {
  const { t } = useTranslation();
  const { t: tn } = useTranslation("notices");
  const { t: ts } = useTranslation("screens");
  const lng = useLanguage();
  const n = (v: number) => (mode === "absolute" ? formatCount(v, lng) : formatRate(v, lng));
  const classes = [
    { colour: DISTRICT_RAMP[0], label: formatCount(0, lng) },
    ...breaks.map((upper, i) => {
      if (mode === "per10k") {
        const lower = i === 0 ? 0 : breaks[i - 1];
        return {
          colour: DISTRICT_RAMP[i + 1],
          label: i === 0 ? `≤ ${n(upper)}` : `${n(lower)}–${n(upper)}`,
        };
      }
      const lower = i === 0 ? 1 : breaks[i - 1] + 1;
      return {
        colour: DISTRICT_RAMP[i + 1],
        label: lower === upper ? n(upper) : `${n(lower)}–${n(upper)}`,
      };
    }),
  ];
  return (
    <div className="map-legend" ref={ref}>
      <div className="map-legend__group">
        <h3 className="map-legend__title">
          {mode === "per10k" ? ts("map.legendPer10k") : t("map.legendDistricts")}
        </h3>
        <ul className="map-legend__ramp">
          {classes.map((c) => (
            <li key={c.label}>
              <span
                className="map-legend__swatch"
                style={{ background: c.colour }}
                aria-hidden="true"
              />
              {c.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="map-legend__group">
        <h3 className="map-legend__title">{t("map.legendFeeders")}</h3>
        <ul className="map-legend__list">
          {SLA_STATES.map((s) => (
            <li key={s}>
              <span
                className={`map-legend__circle map-legend__circle--${s}`}
                style={{ background: SLA_COLOURS[s] }}
                aria-hidden="true"
              />
              {SLA_LABELS[s][lng]}
            </li>
          ))}
          <li>
            <span
              className="map-legend__circle map-legend__circle--idle"
              style={{ background: IDLE_FEEDER_COLOUR }}
              aria-hidden="true"
            />
            {t("map.idleFeeder")}
          </li>
          {(incidents || shutdowns) && (
            <li>
              <span className="map-legend__incident" aria-hidden="true">
                !
              </span>
              {shutdowns ? tn("map.unplanned") : ts("map.incident")}
            </li>
          )}
          {shutdowns && (
            <li>
              <span className="map-legend__planned" aria-hidden="true">
                P
              </span>
              {tn("map.planned")}
            </li>
          )}
        </ul>
      </div>
      <div className="map-legend__group">
        <h3 className="map-legend__title">{t("map.legendSize")}</h3>
        <ul className="map-legend__list">
          {[1, 4, 16].map((v) => (
            <li key={v} className="map-legend__size">
              <span
                className="map-legend__size-circle"
                style={{ width: feederRadius(v) * 2, height: feederRadius(v) * 2 }}
                aria-hidden="true"
              />
              {formatCount(v, lng)}
            </li>
          ))}
          <li className="map-legend__note">{ts("map.clusterNote")}</li>
        </ul>
      </div>
    </div>
  );
}
