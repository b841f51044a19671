import L from "leaflet";
import { memo } from "react";
import { Marker, Tooltip } from "react-leaflet";
import type { IncidentView } from "../../../shared/live.js";
import type { Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { formatAge, formatCount, placeName } from "../../i18n/format.js";

/** A wall can run for days: draw at most this many incidents (the most recent). */
export const MAX_INCIDENT_MARKERS = 100;

export interface IncidentLabels {
  title: string;
  reports: (n: string) => string;
  consumers: (n: string) => string;
  since: (age: string) => string;
}

export interface IncidentLayerProps {
  incidents: readonly IncidentView[];
  units: ReadonlyMap<string, Unit>;
  now: number;
  lng: Language;
  labels: IncidentLabels;
}

// One icon for every incident: a DOM marker whose rings pulse in CSS (still under reduced motion).
const ICON = L.divIcon({
  className: "incident-marker",
  html: '<span class="incident-marker__ring"></span><span class="incident-marker__ring incident-marker__ring--late"></span><span class="incident-marker__core">!</span>',
  iconSize: [28, 28],
  iconAnchor: [14, 14],
});

/** Open incidents (inferred feeder outages) as pulsing alarm markers above the feeders. */
export function IncidentLayer({ incidents, units, now, lng, labels }: IncidentLayerProps) {
  const shown =
    incidents.length > MAX_INCIDENT_MARKERS
      ? [...incidents]
          .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
          .slice(0, MAX_INCIDENT_MARKERS)
      : incidents;
  return (
    <>
      {shown.map((i) => {
        const at = units.get(i.feederId) ?? units.get(i.substationId);
        if (!at) return null;
        return (
          <IncidentMarker
            key={i.id}
            incident={i}
            place={at}
            age={now > 0 ? formatAge(now - Date.parse(i.startedAt), lng) : null}
            lng={lng}
            labels={labels}
          />
        );
      })}
    </>
  );
}

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
  const name = placeName(place, lng);
  return (
    <Marker
      position={[place.lat, place.lon]}
      icon={ICON}
      keyboard
      title={`${labels.title}: ${name}`}
      alt={`${labels.title}: ${name}`}
      zIndexOffset={1000}
    >
      <Tooltip direction="top" offset={[0, -14]} className="map-tooltip">
        <strong className="map-tooltip__title">{labels.title}</strong>
        <span className="map-tooltip__sub">{name}</span>
        <span className="map-tooltip__count">
          {labels.reports(formatCount(incident.reportCount, lng))}
        </span>
        <span>{labels.consumers(formatCount(incident.consumersAffected, lng))}</span>
        {age && <span>{labels.since(age)}</span>}
      </Tooltip>
    </Marker>
  );
});
