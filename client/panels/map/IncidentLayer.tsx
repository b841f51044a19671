import { INCIDENT_ICON_HTML } from "./incident-icon.js";
import L from "leaflet";
import { memo, useEffect, useMemo, useState } from "react";
import { useMap } from "react-leaflet";
import type { IncidentView } from "../../../shared/live.js";
import type { Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { formatAge, formatCount, placeName } from "../../i18n/format.js";
import { groupIncidents } from "./incident-groups.js";
import { PlaceMarker } from "./PlaceMarker.js";

/** A wall can run for days: draw at most this many incidents (the most recent). */
export const MAX_INCIDENT_MARKERS = 100;

export interface IncidentLabels {
  title: string;
  reports: (n: string) => string;
  consumers: (n: string) => string;
  since: (age: string) => string;
  /** "5 feeder outages here: zoom in" for a marker that stands for several. */
  group: (count: number, n: string) => string;
}

export interface IncidentLayerProps {
  incidents: readonly IncidentView[];
  units: ReadonlyMap<string, Unit>;
  now: number;
  lng: Language;
  labels: IncidentLabels;
}

// One icon for every incident (incident-icon.ts).
const ICON_HTML = INCIDENT_ICON_HTML;
const ICON = L.divIcon({
  className: "incident-marker",
  html: ICON_HTML,
  iconSize: [28, 28],
  iconAnchor: [14, 14],
});

/**
 * Open incidents (inferred feeder outages) as pulsing alarm markers above the feeders; markers
 * that would overlap at the current zoom share one, with their count (see incident-groups.ts).
 */
export function IncidentLayer({ incidents, units, now, lng, labels }: IncidentLayerProps) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useEffect(() => {
    const onZoom = () => setZoom(map.getZoom());
    map.on("zoomend", onZoom);
    return () => {
      map.off("zoomend", onZoom);
    };
  }, [map]);
  const groups = useMemo(() => {
    const shown =
      incidents.length > MAX_INCIDENT_MARKERS
        ? [...incidents]
            .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
            .slice(0, MAX_INCIDENT_MARKERS)
        : incidents;
    const placed = shown.flatMap((incident) => {
      const place = units.get(incident.feederId) ?? units.get(incident.substationId);
      if (!place) return [];
      const p = map.project([place.lat, place.lon], zoom);
      return [{ item: { incident, place }, x: p.x, y: p.y, weight: incident.reportCount }];
    });
    return groupIncidents(placed);
  }, [incidents, units, map, zoom]);
  return (
    <>
      {groups.map((g) =>
        g.items.length === 1 ? (
          <IncidentMarker
            key={g.lead.incident.id}
            incident={g.lead.incident}
            place={g.lead.place}
            age={now > 0 ? formatAge(now - Date.parse(g.lead.incident.startedAt), lng) : null}
            lng={lng}
            labels={labels}
          />
        ) : (
          <IncidentGroupMarker
            key={`group:${g.lead.incident.id}`}
            group={g.items}
            place={g.lead.place}
            lng={lng}
            labels={labels}
          />
        ),
      )}
    </>
  );
}

/** Up to this many outages are named in a group's tooltip. */
const NAMED_IN_GROUP = 5;

const IncidentGroupMarker = memo(function IncidentGroupMarker(props: {
  group: readonly { incident: IncidentView; place: Unit }[];
  place: Unit;
  lng: Language;
  labels: IncidentLabels;
}) {
  const { group, place, lng, labels } = props;
  const count = formatCount(group.length, lng);
  const icon = useMemo(
    () =>
      L.divIcon({
        className: "incident-marker incident-marker--group",
        html: `${ICON_HTML}<span class="incident-marker__count">${count}</span>`,
        iconSize: [28, 28],
        iconAnchor: [14, 14],
      }),
    [count],
  );
  return (
    <PlaceMarker
      place={place}
      icon={icon}
      heading={labels.group(group.length, count)}
      zIndexOffset={1000}
      lift={14}
    >
      {group.slice(0, NAMED_IN_GROUP).map(({ incident, place: at }) => (
        <span key={incident.id}>
          {placeName(at, lng)}: {labels.reports(formatCount(incident.reportCount, lng))}
        </span>
      ))}
      {group.length > NAMED_IN_GROUP && <span>…</span>}
    </PlaceMarker>
  );
});

interface IncidentMarkerProps {
  incident: IncidentView;
  place: Unit;
  /** Null when the panel was given no clock. */
  age: string | null;
  lng: Language;
  labels: IncidentLabels;
}

const IncidentMarker = memo(function IncidentMarker(props: IncidentMarkerProps) {
  const { incident, place, age, lng, labels } = props;
  return (
    <PlaceMarker
      place={place}
      icon={ICON}
      heading={labels.title}
      name={placeName(place, lng)}
      zIndexOffset={1000}
      lift={14}
    >
      <span className="map-tooltip__count">
        {labels.reports(formatCount(incident.reportCount, lng))}
      </span>
      <span>{labels.consumers(formatCount(incident.consumersAffected, lng))}</span>
      {age && <span>{labels.since(age)}</span>}
    </PlaceMarker>
  );
});
