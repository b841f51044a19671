import "./shutdowns.css";
import L from "leaflet";
import { memo } from "react";
import type { ShutdownView } from "../../../shared/notices.js";
import type { Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { placeName } from "../../i18n/format.js";
import { formatIst } from "../tickets/format.js";
import { PlaceMarker } from "./PlaceMarker.js";

/** A planned shutdown can cover many feeders: draw at most this many markers. */
export const MAX_SHUTDOWN_MARKERS = 200;

export interface ShutdownLabels {
  title: string;
  status: (s: ShutdownView["status"]) => string;
  window: (from: string, to: string) => string;
  reason: (reason: string) => string;
}

export interface ShutdownLayerProps {
  shutdowns: readonly ShutdownView[];
  units: ReadonlyMap<string, Unit>;
  lng: Language;
  labels: ShutdownLabels;
}

// Planned is calm and square (blue, dashed, still) where unplanned is a pulsing red circle, so the
// two read apart in colour, shape and motion alike.
const ICON = L.divIcon({
  className: "shutdown-marker",
  html: '<span class="shutdown-marker__core">P</span>',
  iconSize: [22, 22],
  iconAnchor: [11, 11],
});

/** Planned shutdowns (scheduled or under way), one marker per feeder they cover. */
export function ShutdownLayer({ shutdowns, units, lng, labels }: ShutdownLayerProps) {
  const markers = shutdowns
    .flatMap((s) => s.feeders.map((feederId) => ({ s, feederId })))
    .slice(0, MAX_SHUTDOWN_MARKERS);
  return (
    <>
      {markers.map(({ s, feederId }) => {
        const place = units.get(feederId);
        if (!place) return null;
        return (
          <ShutdownMarker
            key={`${s.id}:${feederId}`}
            shutdown={s}
            place={place}
            lng={lng}
            labels={labels}
          />
        );
      })}
    </>
  );
}

const ShutdownMarker = memo(function ShutdownMarker(props: {
  shutdown: ShutdownView;
  place: Unit;
  lng: Language;
  labels: ShutdownLabels;
}) {
  const { shutdown, place, lng, labels } = props;
  return (
    <PlaceMarker
      place={place}
      icon={ICON}
      heading={labels.title}
      name={placeName(place, lng)}
      zIndexOffset={900}
      lift={12}
    >
      <span>{labels.status(shutdown.status)}</span>
      <span>
        {labels.window(formatIst(shutdown.startsAt, lng), formatIst(shutdown.endsAt, lng))}
      </span>
      <span>{labels.reason(shutdown.reason)}</span>
    </PlaceMarker>
  );
});
