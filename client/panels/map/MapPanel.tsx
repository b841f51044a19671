import "leaflet/dist/leaflet.css";
import "./map.css";
import type { LatLngBounds, Map as LeafletMap } from "leaflet";
import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MapContainer } from "react-leaflet";
import { Link } from "react-router";
import type { MapCounts } from "../../../shared/counts.js";
import type { IncidentView } from "../../../shared/live.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { DistrictShapes, NetworkIndex } from "../../live/network.js";
import { PanelState } from "../PanelState.js";
import { DistrictLayer, type DistrictLabels } from "./DistrictLayer.js";
import { FeederLayer } from "./FeederLayer.js";
import { HullLayer } from "./HullLayer.js";
import { unitHulls } from "./hulls.js";
import { TileBase } from "./TileBase.js";
import { IncidentLayer, type IncidentLabels } from "./IncidentLayer.js";
import { MapLegend } from "./MapLegend.js";
import { ShutdownLayer, type ShutdownLabels } from "./ShutdownLayer.js";
import type { ShutdownView } from "../../../shared/notices.js";
import { placeLabelsFor } from "./place-labels-for.js";
import { PlaceLabels } from "./PlaceLabels.js";
import { FitToBounds, MapAttribution, MapHandle, UP_BIHAR_BOUNDS, unitBounds } from "./MapView.js";
import { districtValues, shadingBreaks, type ShadingMode } from "./scales.js";

export interface MapPanelProps {
  shapes: DistrictShapes | null;
  network: NetworkIndex | null;
  districts: Record<string, MapCounts>;
  feeders: Record<string, MapCounts>;
  /** Open incidents, drawn as pulsing alarms. */
  incidents?: readonly IncidentView[];
  /** Planned shutdowns (scheduled or under way), drawn apart from unplanned outages. */
  shutdowns?: readonly ShutdownView[];
  /** Wall-clock ms, for the age of incidents in their tooltips (left out: no age shown). */
  now?: number;
  /** District shading; defaults to open tickets per 10,000 consumers. */
  shading?: ShadingMode;
  /** Given: the panel shows the switch between the two shadings. */
  onShadingChange?: (mode: ShadingMode) => void;
  /** Fit the map to this unit's feeders (the drill-down and wall slides use it). */
  focusUnitId?: string;
  /** False on the wall: no zoom buttons, no dragging, no links, no clickable districts. */
  interactive?: boolean;
  /** Replaces the panel title (for example with the unit's name). */
  title?: string;
  /** Circle and label size multiplier for feeders (the wall passes its type scale). */
  markerScale?: number;
  /** Extra controls for the header (the control room's unit picker). */
  toolbar?: ReactNode;
  loading: boolean;
  error?: string | null;
}

const NONE: Record<string, number> = {};
const NO_INCIDENTS: readonly IncidentView[] = [];
const NO_SHUTDOWNS: readonly ShutdownView[] = [];

/** Districts shaded by open tickets and feeders as circles, on a canvas with no tile server. */
export function MapPanel(props: MapPanelProps) {
  const {
    shapes,
    network,
    districts,
    feeders,
    incidents = NO_INCIDENTS,
    shutdowns = NO_SHUTDOWNS,
    now = 0,
    shading = "per10k",
    onShadingChange,
    focusUnitId,
    interactive = true,
    title,
    toolbar,
    markerScale,
    loading,
    error,
  } = props;
  const { t } = useTranslation();
  const { t: ts } = useTranslation("screens");
  const { t: tn } = useTranslation("notices");
  const lng = useLanguage();
  const titleId = useId();
  const consumers = network?.consumersByDistrict ?? NONE;
  const values = useMemo(
    () => districtValues(districts, consumers, shading),
    [districts, consumers, shading],
  );
  const breaks = useMemo(() => shadingBreaks(values, shading), [values, shading]);
  const bounds = useMemo(
    () => (network ? unitBounds(focusUnitId, network.feeders, network.units) : UP_BIHAR_BOUNDS),
    [network, focusUnitId],
  );
  const placeLabels = useMemo(
    () => (network ? placeLabelsFor(network, focusUnitId, lng) : []),
    [network, focusUnitId, lng],
  );
  const hulls = useMemo(
    () => (network ? unitHulls(focusUnitId, network.units, network.feeders) : []),
    [network, focusUnitId],
  );
  const [map, setMap] = useState<LeafletMap | null>(null);
  const legendRef = useRef<HTMLDivElement>(null);
  const [resetToken, setResetToken] = useState(0);
  const zoomTo = useCallback(
    (b: LatLngBounds) => {
      const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
      map?.fitBounds(b, { animate: !still, maxZoom: 10, padding: [12, 12] });
    },
    [map],
  );

  // Stable per language so memoised shapes re-render only when their own counts change.
  const districtLabels = useMemo<DistrictLabels>(
    () => ({
      open: (n) => t("map.open", { n }),
      discom: (name) => t("map.discom", { name }),
      rate: (n) => ts("map.rate", { n }),
      consumers: (n) => ts("map.consumers", { n }),
      noConsumers: ts("map.noConsumers"),
    }),
    [t, ts],
  );
  const openLabel = useCallback((n: string) => t("map.open", { n }), [t]);
  const feedersLabel = useCallback((n: string) => ts("map.feeders", { n }), [ts]);
  const incidentLabels = useMemo<IncidentLabels>(
    () => ({
      title: ts("map.incident"),
      reports: (n) => ts("map.incidentReports", { n }),
      consumers: (n) => ts("map.incidentConsumers", { n }),
      since: (age) => ts("map.incidentSince", { age }),
      group: (count, n) => ts("map.incidentGroup", { count, n }),
    }),
    [ts],
  );
  const shutdownLabels = useMemo<ShutdownLabels>(
    () => ({
      title: tn("map.plannedTitle"),
      status: (s) => tn(`list.statusLabel.${s}`),
      window: (from, to) => tn("map.plannedWindow", { from, to }),
      reason: (reason) => tn("map.plannedReason", { reason }),
    }),
    [tn],
  );

  return (
    <section
      className={`panel map-panel${interactive ? "" : " map-panel--static"}`}
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-description`}
      aria-busy={loading}
      data-shading={shading}
    >
      <header className="panel__header map-panel__header">
        <h2 id={titleId} className="panel__title">
          {title ?? t("map.title")}
        </h2>
        {toolbar}
        {onShadingChange && (
          <fieldset className="segmented" data-testid="shading-switch">
            <legend className="segmented__legend">{ts("map.shadeBy")}</legend>
            {(["per10k", "absolute"] as const).map((m) => (
              <label key={m} className="segmented__option">
                <input
                  type="radio"
                  name={`${titleId}-shading`}
                  value={m}
                  checked={shading === m}
                  onChange={() => onShadingChange(m)}
                />
                <span>{ts(m === "per10k" ? "map.shadePer10k" : "map.shadeAbsolute")}</span>
              </label>
            ))}
          </fieldset>
        )}
      </header>
      <p id={`${titleId}-description`} className="visually-hidden">
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
          zoomControl={interactive}
          dragging={interactive}
          scrollWheelZoom={interactive}
          doubleClickZoom={interactive}
          touchZoom={interactive}
          boxZoom={interactive}
          keyboard={interactive}
        >
          <FitToBounds bounds={bounds} resetToken={resetToken} avoidLeft={legendRef} />
          <MapHandle onMap={setMap} />
          <MapAttribution text={t("map.attribution")} links={interactive} />
          {network?.tiles && <TileBase tiles={network.tiles} />}
          {/* Drawn once the network is in too (or failed): shaded per 10,000 consumers, all 113
              would be drawn again when the consumer counts arrive. */}
          {shapes && !loading && (
            <DistrictLayer
              shapes={shapes}
              counts={districts}
              values={values}
              consumers={consumers}
              breaks={breaks}
              lng={lng}
              labels={districtLabels}
              onSelect={interactive ? zoomTo : undefined}
              overTiles={!!network?.tiles}
              faint={hulls.length > 0}
            />
          )}
          {hulls.length > 0 && <HullLayer hulls={hulls} />}
          {network && (
            <FeederLayer
              feeders={network.feeders}
              counts={feeders}
              districts={network.districts}
              lng={lng}
              openLabel={openLabel}
              feedersLabel={feedersLabel}
              zoomHint={ts(interactive ? "map.zoomHint" : "map.clusterNote")}
              markerScale={markerScale}
            />
          )}
          {placeLabels.length > 0 && (
            <PlaceLabels labels={placeLabels} scale={Math.min(1.6, markerScale ?? 1)} />
          )}
          {network && shutdowns.length > 0 && (
            <ShutdownLayer
              shutdowns={shutdowns}
              units={network.units}
              lng={lng}
              labels={shutdownLabels}
            />
          )}
          {network && incidents.length > 0 && (
            <IncidentLayer
              incidents={incidents}
              units={network.units}
              now={now}
              lng={lng}
              labels={incidentLabels}
            />
          )}
        </MapContainer>
        {interactive && (
          <button
            type="button"
            className="map-panel__reset"
            onClick={() => setResetToken((n) => n + 1)}
          >
            {ts("map.resetView")}
          </button>
        )}
        <p className="map-panel__note">
          <span className="map-panel__note-mark" aria-hidden="true">
            ⚠
          </span>{" "}
          {t("map.syntheticNote")}
          {interactive && (
            <>
              {" · "}
              <Link to="/about">{t("map.syntheticLink")}</Link>
            </>
          )}
        </p>
        {(loading || error) && (
          <div className="map-panel__state">
            <PanelState loading={loading} error={error} />
          </div>
        )}
        <MapLegend
          ref={legendRef}
          breaks={breaks}
          mode={shading}
          incidents={incidents.length > 0}
          shutdowns={shutdowns.length > 0}
        />
      </div>
    </section>
  );
}
