import "leaflet/dist/leaflet.css";
import "../map/map.css";
import type { Feature, Geometry, Position } from "geojson";
import L from "leaflet";
import { memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeoJSON, MapContainer, Marker, Tooltip } from "react-leaflet";
import type { PublicOutage } from "../../../shared/public.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";
import type { DistrictProperties, DistrictShapes } from "../../live/network.js";
import { INCIDENT_ICON_HTML } from "../map/incident-icon.js";
import { FitToBounds, MapAttribution, UP_BIHAR_BOUNDS } from "../map/MapView.js";
import type { PlaceLabel } from "../map/place-labels.js";
import { PlaceLabels } from "../map/PlaceLabels.js";
import { formatIst } from "../tickets/format.js";

export interface OutageMapProps {
  shapes: DistrictShapes | null;
  outages: readonly PublicOutage[];
  lng: Language;
}

// The control room's outage marker (its pulsing rings and core, from map.css), and a square,
// steady variant for planned shutdowns so the two read differently without colour alone.
const icon = (planned: boolean) =>
  L.divIcon({
    className: planned ? "incident-marker outage-marker--planned" : "incident-marker",
    html: planned ? '<span class="incident-marker__core">⏲</span>' : INCIDENT_ICON_HTML,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });
const UNPLANNED = icon(false);
const PLANNED = icon(true);

const OUT = { color: "#8a93a6", weight: 0.8, opacity: 0.8, fillColor: "#6b2620", fillOpacity: 0.9 };
const CALM = {
  color: "#8a93a6",
  weight: 0.6,
  opacity: 0.6,
  fillColor: "#1b2535",
  fillOpacity: 0.85,
};

/** The middle of a district's outline box: where its name goes. */
function middle(f: Feature<Geometry, DistrictProperties>): { lat: number; lon: number } | null {
  let s = 90;
  let n = -90;
  let w = 180;
  let e = -180;
  const visit = (p: Position) => {
    s = Math.min(s, p[1]);
    n = Math.max(n, p[1]);
    w = Math.min(w, p[0]);
    e = Math.max(e, p[0]);
  };
  const g = f.geometry;
  if (g.type === "Polygon") g.coordinates.forEach((ring) => ring.forEach(visit));
  else if (g.type === "MultiPolygon")
    g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
  return s <= n ? { lat: (s + n) / 2, lon: (w + e) / 2 } : null;
}

/**
 * The public map: district outlines (no tile server), the districts with a power cut darker, and
 * one marker per feeder that is off. Loaded only when shown, so a phone that never opens it never
 * downloads Leaflet or the outlines.
 */
export default function OutageMap({ shapes, outages, lng }: OutageMapProps) {
  const { t } = useTranslation("public");
  const hit = useMemo(() => new Set(outages.map((o) => o.district?.id)), [outages]);
  const labels = useMemo<PlaceLabel[]>(() => {
    if (!shapes) return [];
    return shapes.features.flatMap((f) => {
      const at = middle(f);
      const p = f.properties;
      // Districts with a power cut are named first; the rest as room allows.
      return at
        ? [
            {
              id: p.id,
              text: lng === "hi" ? p.name_hi || p.name : p.name,
              ...at,
              rank: hit.has(p.id) ? 0 : 1,
            },
          ]
        : [];
    });
  }, [shapes, lng, hit]);
  return (
    <MapContainer
      className="outage-map__map"
      bounds={UP_BIHAR_BOUNDS}
      preferCanvas
      zoomSnap={0.1}
      minZoom={5}
      maxZoom={13}
    >
      <FitToBounds bounds={UP_BIHAR_BOUNDS} />
      <MapAttribution text={t("map.attribution")} />
      {shapes?.features.map((f) => (
        <GeoJSON
          key={`${f.properties.id}:${hit.has(f.properties.id)}`}
          data={f}
          style={hit.has(f.properties.id) ? OUT : CALM}
          interactive={false}
        />
      ))}
      {labels.length > 0 && <PlaceLabels labels={labels} />}
      {outages.flatMap((o) =>
        o.feeders.map((f) => (
          <OutageMarker key={`${o.id}/${f.id}`} outage={o} feeder={f} lng={lng} />
        )),
      )}
    </MapContainer>
  );
}

const OutageMarker = memo(function OutageMarker(props: {
  outage: PublicOutage;
  feeder: PublicOutage["feeders"][number];
  lng: Language;
}) {
  const { outage: o, feeder: f, lng } = props;
  const { t } = useTranslation("public");
  const planned = o.kind === "planned";
  const name = f.name[lng];
  const title = planned
    ? t("map.plannedMarker", { place: name })
    : t("map.marker", { place: name });
  return (
    <Marker
      position={[f.lat, f.lon]}
      icon={planned ? PLANNED : UNPLANNED}
      keyboard
      title={title}
      alt={title}
      zIndexOffset={planned ? 500 : 1000}
    >
      <Tooltip direction="top" offset={[0, -14]} className="map-tooltip">
        <strong className="map-tooltip__title">{title}</strong>
        {o.district && <span className="map-tooltip__sub">{o.district.name[lng]}</span>}
        <span>
          {planned
            ? t("list.starts", { time: formatIst(o.since, lng) })
            : t("list.sinceTime", { time: formatIst(o.since, lng) })}
        </span>
        <span>
          {o.expectedRestorationAt
            ? t("list.restoration", { time: formatIst(o.expectedRestorationAt, lng) })
            : t("list.restorationUnknown")}
        </span>
        <span className="map-tooltip__count">
          {t("list.consumers", {
            count: o.consumersAffected,
            formatted: formatCount(o.consumersAffected, lng),
          })}
        </span>
      </Tooltip>
    </Marker>
  );
});
