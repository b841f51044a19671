import { memo, useMemo, useState } from "react";
import { CircleMarker, Tooltip, useMapEvents } from "react-leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import { worstSla } from "../../../shared/counts.js";
import { SLA_LABELS, SLA_STATES } from "../../../shared/domain.js";
import type { District, Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { formatCount, placeName } from "../../i18n/format.js";
import { feederRadius, IDLE_FEEDER_COLOUR, SLA_COLOURS } from "./scales.js";

export interface FeederLayerProps {
  feeders: readonly Unit[];
  counts: Record<string, MapCounts>;
  districts: ReadonlyMap<string, District>;
  lng: Language;
  openLabel: (n: string) => string;
}

/**
 * Every feeder: a small grey dot when it has no open tickets, else a circle sized by open tickets
 * and coloured by its worst SLA state. Markers are memoised so a delta redraws only what changed.
 */
export function FeederLayer({ feeders, counts, districts, lng, openLabel }: FeederLayerProps) {
  const scale = useZoomScale();
  return (
    <>
      {feeders.map((f) => {
        const c = counts[f.id];
        if (!c || c.open <= 0) return <IdleFeeder key={f.id} feeder={f} />;
        const district = f.districtId ? districts.get(f.districtId) : undefined;
        return (
          <ActiveFeeder
            key={`${f.id}:open`}
            feeder={f}
            district={district}
            counts={c}
            lng={lng}
            openLabel={openLabel}
            scale={scale}
          />
        );
      })}
    </>
  );
}

/** Circles shrink on small, zoomed-out maps (phones) and grow a little when zoomed in. */
export function zoomScale(zoom: number): number {
  return Math.min(1.4, Math.max(0.5, 2 ** ((zoom - 7) / 2)));
}

function useZoomScale(): number {
  const map = useMapEvents({ zoomend: () => setScale(zoomScale(map.getZoom())) });
  const [scale, setScale] = useState(() => zoomScale(map.getZoom()));
  return scale;
}

const IDLE_STYLE = {
  radius: 1.6,
  stroke: false,
  fillColor: IDLE_FEEDER_COLOUR,
  fillOpacity: 0.55,
} as const;

const IdleFeeder = memo(function IdleFeeder({ feeder }: { feeder: Unit }) {
  return (
    <CircleMarker
      center={[feeder.lat, feeder.lon]}
      radius={IDLE_STYLE.radius}
      pathOptions={IDLE_STYLE}
      interactive={false}
    />
  );
});

interface ActiveFeederProps {
  feeder: Unit;
  district: District | undefined;
  counts: MapCounts;
  lng: Language;
  openLabel: (n: string) => string;
  scale: number;
}

const ActiveFeeder = memo(function ActiveFeeder(props: ActiveFeederProps) {
  const { feeder, district, counts, lng, openLabel, scale } = props;
  const sla = worstSla(counts) ?? "on_track";
  const radius = Math.max(2.5, feederRadius(counts.open) * scale);
  const style = useMemo(
    () => ({
      color: sla === "breached" ? "#ffffff" : "#0b0f16",
      weight: sla === "breached" ? 1.5 : 1,
      fillColor: SLA_COLOURS[sla],
      fillOpacity: 0.9,
    }),
    [sla],
  );
  const bySla = {
    on_track: counts.open - counts.atRisk - counts.breached,
    at_risk: counts.atRisk,
    breached: counts.breached,
  };
  return (
    <CircleMarker center={[feeder.lat, feeder.lon]} radius={radius} pathOptions={style}>
      <Tooltip direction="top" offset={[0, -radius]} className="map-tooltip">
        <strong className="map-tooltip__title">{placeName(feeder, lng)}</strong>
        {district && <span className="map-tooltip__sub">{placeName(district, lng)}</span>}
        <span className="map-tooltip__count">{openLabel(formatCount(counts.open, lng))}</span>
        <span className="map-tooltip__sla">
          {SLA_STATES.map((s) => (
            <span key={s} className="map-tooltip__sla-item">
              <span className={`sla-dot sla-dot--${s}`} aria-hidden="true" />
              {SLA_LABELS[s][lng]}: {formatCount(bySla[s], lng)}
            </span>
          ))}
        </span>
      </Tooltip>
    </CircleMarker>
  );
});
