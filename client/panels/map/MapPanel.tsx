import "leaflet/dist/leaflet.css";
import "./map.css";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { MapContainer } from "react-leaflet";
import { Link } from "react-router";
import type { MapCounts } from "../../../shared/counts.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { DistrictShapes, NetworkIndex } from "../../live/network.js";
import { PanelState } from "../PanelState.js";
import { DistrictLayer } from "./DistrictLayer.js";
import { FeederLayer } from "./FeederLayer.js";
import { MapLegend } from "./MapLegend.js";
import { FitToBounds, MapAttribution, UP_BIHAR_BOUNDS } from "./MapView.js";
import { districtBreaks, maxOpen } from "./scales.js";

export interface MapPanelProps {
  shapes: DistrictShapes | null;
  network: NetworkIndex | null;
  districts: Record<string, MapCounts>;
  feeders: Record<string, MapCounts>;
  loading: boolean;
  error?: string | null;
}

/** Districts shaded by open tickets and feeders as circles, on a canvas with no tile server. */
export function MapPanel({ shapes, network, districts, feeders, loading, error }: MapPanelProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const breaks = useMemo(() => districtBreaks(maxOpen(districts)), [districts]);
  // Stable per language so memoised markers re-render only when their own counts change.
  const openLabel = useCallback((n: string) => t("map.open", { n }), [t]);
  const discomLabel = useCallback((name: string) => t("map.discom", { name }), [t]);
  return (
    <section
      className="panel map-panel"
      aria-labelledby="map-title"
      aria-describedby="map-description"
      aria-busy={loading}
    >
      <header className="panel__header map-panel__header">
        <h2 id="map-title" className="panel__title">
          {t("map.title")}
        </h2>
        <p className="map-panel__note">
          <span className="map-panel__note-mark" aria-hidden="true">
            ⚠
          </span>{" "}
          {t("map.syntheticNote")} · <Link to="/about">{t("map.syntheticLink")}</Link>
        </p>
      </header>
      <p id="map-description" className="visually-hidden">
        {t("map.ariaLabel")}
      </p>
      <div className="map-panel__body">
        <MapContainer
          className="map-panel__map"
          bounds={UP_BIHAR_BOUNDS}
          preferCanvas
          zoomSnap={0.1}
          minZoom={4}
          maxZoom={13}
        >
          <FitToBounds />
          <MapAttribution text={t("map.attribution")} />
          {shapes && (
            <DistrictLayer
              shapes={shapes}
              counts={districts}
              breaks={breaks}
              lng={lng}
              openLabel={openLabel}
              discomLabel={discomLabel}
            />
          )}
          {network && (
            <FeederLayer
              feeders={network.feeders}
              counts={feeders}
              districts={network.districts}
              lng={lng}
              openLabel={openLabel}
            />
          )}
        </MapContainer>
        {(loading || error) && (
          <div className="map-panel__state">
            <PanelState loading={loading} error={error} />
          </div>
        )}
        <MapLegend breaks={breaks} />
      </div>
    </section>
  );
}
