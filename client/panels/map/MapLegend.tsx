import { useTranslation } from "react-i18next";
import { SLA_LABELS, SLA_STATES } from "../../../shared/domain.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { DISTRICT_RAMP, feederRadius, IDLE_FEEDER_COLOUR, SLA_COLOURS } from "./scales.js";

/** Text-labelled legend for both encodings: district shading and feeder circles. */
export function MapLegend({ breaks }: { breaks: readonly number[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const n = (v: number) => formatCount(v, lng);
  const classes = [
    { colour: DISTRICT_RAMP[0], label: n(0) },
    ...breaks.map((upper, i) => {
      const lower = i === 0 ? 1 : breaks[i - 1] + 1;
      return {
        colour: DISTRICT_RAMP[i + 1],
        label: lower === upper ? n(upper) : `${n(lower)}–${n(upper)}`,
      };
    }),
  ];
  return (
    <div className="map-legend">
      <div className="map-legend__group">
        <h3 className="map-legend__title">{t("map.legendDistricts")}</h3>
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
              {n(v)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
