import L, { type LatLngBoundsExpression } from "leaflet";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { useMap } from "react-leaflet";
import { ROOT_UNIT_ID } from "../../../shared/domain.js";
import type { Unit } from "../../../shared/network.js";

/** Uttar Pradesh and Bihar together. */
export const UP_BIHAR_BOUNDS: LatLngBoundsExpression = [
  [23.8, 77.0],
  [30.45, 88.35],
];

type Box = [[number, number], [number, number]];

/**
 * The box around a unit's feeders (the whole of UP and Bihar for the root or an unknown unit),
 * padded so a single feeder or a small division is not zoomed in to street level.
 */
export function unitBounds(
  unitId: string | undefined,
  feeders: readonly Unit[],
  units: ReadonlyMap<string, Unit>,
): Box {
  const whole = UP_BIHAR_BOUNDS as Box;
  if (!unitId || unitId === ROOT_UNIT_ID) return whole;
  let s = 90;
  let w = 180;
  let n = -90;
  let e = -180;
  for (const f of feeders) {
    if (f.id !== unitId && !f.path.includes(unitId)) continue;
    s = Math.min(s, f.lat);
    n = Math.max(n, f.lat);
    w = Math.min(w, f.lon);
    e = Math.max(e, f.lon);
  }
  if (s > n) {
    const unit = units.get(unitId);
    if (!unit) return whole;
    s = n = unit.lat;
    w = e = unit.lon;
  }
  // At least ~20 km across, so one feeder is shown with its surroundings.
  const minSpan = 0.18;
  const padLat = Math.max(0, (minSpan - (n - s)) / 2) + (n - s) * 0.05;
  const padLon = Math.max(0, (minSpan - (e - w)) / 2) + (e - w) * 0.05;
  return [
    [s - padLat, w - padLon],
    [n + padLat, e + padLon],
  ];
}

/** Pixels kept free inside the map's frame when fitting: half an outage marker and a name. */
const EDGE = 24;

/**
 * Keeps the map fitted to `bounds` as its box changes size (wall screens, phones turning, a
 * hidden wall slide shown again) until someone pans or zooms it themselves; new bounds (another
 * unit) fit again.
 */
export function FitToBounds({
  bounds,
  resetToken = 0,
  avoidLeft,
}: {
  bounds: LatLngBoundsExpression;
  /** Changing it fits the bounds again after someone moved the map ("reset view"). */
  resetToken?: number;
  /** A box floating over the map's left side (the legend on wide screens): fit beside it. */
  avoidLeft?: RefObject<HTMLElement | null>;
}) {
  const map = useMap();
  const fit = useCallback(
    (b: LatLngBoundsExpression) => {
      const el = avoidLeft?.current;
      const floating = el && getComputedStyle(el).position === "absolute";
      const left = floating ? el.offsetWidth + el.offsetLeft : 0;
      // Room around the outermost feeders for their markers and names, and at the top for the
      // map's notice line: a unit's outage at its edge is drawn whole, not cut by the frame.
      map.fitBounds(b, {
        animate: false,
        paddingTopLeft: [left + EDGE, EDGE + 12],
        paddingBottomRight: [EDGE, EDGE],
      });
    },
    [map, avoidLeft],
  );
  const key = (bounds instanceof L.LatLngBounds ? bounds : L.latLngBounds(bounds)).toBBoxString();
  const current = useRef(bounds);
  const touched = useRef(false);

  useEffect(() => {
    current.current = bounds;
    touched.current = false;
    const container = map.getContainer();
    if (container.clientWidth > 0 && container.clientHeight > 0) {
      map.invalidateSize({ pan: false });
      fit(bounds);
    }
    // The key stands for the bounds' value; a new array with the same corners changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key, resetToken]);

  useEffect(() => {
    const container = map.getContainer();
    const markTouched = () => (touched.current = true);
    const events = ["mousedown", "wheel", "touchstart", "keydown"] as const;
    for (const e of events) container.addEventListener(e, markTouched, { passive: true });
    const observer = new ResizeObserver(() => {
      if (container.clientWidth === 0 || container.clientHeight === 0) return;
      map.invalidateSize({ pan: false });
      if (!touched.current) fit(current.current);
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      for (const e of events) container.removeEventListener(e, markTouched);
    };
  }, [map, fit]);
  return null;
}

/** Adds a (translated) attribution line to the map's attribution control. */
export function MapAttribution({ text, links = true }: { text: string; links?: boolean }) {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    // A kiosk has nothing to click: the credit stays, the link goes.
    control.setPrefix(links ? '<a href="https://leafletjs.com">Leaflet</a>' : "Leaflet");
    control.addAttribution(text);
    return () => {
      control.removeAttribution(text);
    };
  }, [map, text, links]);
  return null;
}

/** Gives the panel a way to move the map (zoom to a clicked district, reset the view). */
export function MapHandle({ onMap }: { onMap: (map: L.Map | null) => void }) {
  const map = useMap();
  useEffect(() => {
    onMap(map);
    return () => onMap(null);
  }, [map, onMap]);
  return null;
}
