import { useEffect, useMemo, useRef } from "react";
import { useMap } from "react-leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import { SLA_LABELS, SLA_STATES } from "../../../shared/domain.js";
import type { District, Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { formatCount, placeName } from "../../i18n/format.js";
import type { ActiveItem } from "./aggregate.js";
import { FeederCanvas } from "./feeder-canvas.js";

export interface FeederLayerProps {
  feeders: readonly Unit[];
  counts: Record<string, MapCounts>;
  districts: ReadonlyMap<string, District>;
  lng: Language;
  openLabel: (n: string) => string;
  /** "12 feeders" for a circle that stands for several feeders. */
  feedersLabel: (n: string) => string;
  zoomHint: string;
  /** Circle and label size multiplier (the wall draws larger). */
  markerScale?: number;
}

/**
 * Every feeder, drawn on one canvas (see feeder-canvas.ts): a grey dot when it has no open
 * tickets, else a circle sized by open tickets and coloured by its worst SLA state; zoomed out,
 * nearby feeders with open tickets merge into one circle that shows their total.
 */
export function FeederLayer(props: FeederLayerProps) {
  const { feeders, counts, districts, lng, openLabel, feedersLabel, zoomHint } = props;
  const markerScale = props.markerScale ?? 1;
  const map = useMap();
  const layerRef = useRef<FeederCanvas | null>(null);

  useEffect(() => {
    const layer = new FeederCanvas();
    layerRef.current = layer;
    layer.addTo(map);
    return () => {
      layer.remove();
      layerRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    layerRef.current?.setMarkerScale(markerScale);
  }, [markerScale]);

  useEffect(() => {
    layerRef.current?.setData({ feeders, counts });
  }, [feeders, counts]);

  const describe = useMemo(
    () => (item: ActiveItem) => {
      const bySla = {
        on_track: item.open - item.atRisk - item.breached,
        at_risk: item.atRisk,
        breached: item.breached,
      };
      const sla = SLA_STATES.map(
        (s) =>
          `<span class="map-tooltip__sla-item"><span class="sla-dot sla-dot--${s}"></span>${escapeHtml(
            `${SLA_LABELS[s][lng]}: ${formatCount(bySla[s], lng)}`,
          )}</span>`,
      ).join("");
      let head: string;
      if (item.feeder >= 0) {
        const feeder = feeders[item.feeder];
        const district = feeder?.districtId ? districts.get(feeder.districtId) : undefined;
        head = `<strong class="map-tooltip__title">${escapeHtml(feeder ? placeName(feeder, lng) : "")}</strong>`;
        if (district)
          head += `<span class="map-tooltip__sub">${escapeHtml(placeName(district, lng))}</span>`;
      } else {
        head = `<strong class="map-tooltip__title">${escapeHtml(feedersLabel(formatCount(item.feeders, lng)))}</strong>`;
        head += `<span class="map-tooltip__sub">${escapeHtml(zoomHint)}</span>`;
      }
      const count = `<span class="map-tooltip__count">${escapeHtml(openLabel(formatCount(item.open, lng)))}</span>`;
      return `${head}${count}<span class="map-tooltip__sla">${sla}</span>`;
    },
    [feeders, districts, lng, openLabel, feedersLabel, zoomHint],
  );

  useEffect(() => {
    layerRef.current?.setDescribe(describe);
  }, [describe]);

  return null;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Tooltip HTML is built from unit names, which come from an imported network: escape them. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
