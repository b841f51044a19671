import type { LatLngBoundsExpression } from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";

/** Uttar Pradesh and Bihar together. */
export const UP_BIHAR_BOUNDS: LatLngBoundsExpression = [
  [23.8, 77.0],
  [30.45, 88.35],
];

/**
 * Keeps the map fitted to UP and Bihar as its box changes size (wall screens, phones turning),
 * until someone pans or zooms it themselves.
 */
export function FitToBounds() {
  const map = useMap();
  useEffect(() => {
    let touched = false;
    const container = map.getContainer();
    const markTouched = () => (touched = true);
    const events = ["mousedown", "wheel", "touchstart", "keydown"] as const;
    for (const e of events) container.addEventListener(e, markTouched, { passive: true });
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
      if (!touched) map.fitBounds(UP_BIHAR_BOUNDS, { animate: false });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      for (const e of events) container.removeEventListener(e, markTouched);
    };
  }, [map]);
  return null;
}

/** Adds a (translated) attribution line to the map's attribution control. */
export function MapAttribution({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    control.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    control.addAttribution(text);
    return () => {
      control.removeAttribution(text);
    };
  }, [map, text]);
  return null;
}
