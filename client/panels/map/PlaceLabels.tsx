import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { FEEDER_LABELS_EVENT, feederLabelBoxes } from "./feeder-canvas.js";
import { fitLabels, type PlaceLabel, type Rect } from "./place-labels.js";

const FONT = "600 12px system-ui, sans-serif";
const PANE = "place-labels";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The outage markers' boxes in the map's container pixels: a name never covers one. */
function markerBoxes(map: L.Map): Rect[] {
  const frame = map.getContainer().getBoundingClientRect();
  return [...map.getPane("markerPane")!.querySelectorAll(".leaflet-marker-icon")].map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x - frame.x, y: r.y - frame.y, w: r.width, h: r.height };
  });
}

/**
 * Place names drawn on the map itself (no tile server needed), thinned by zoom so they never
 * overlap each other, the feeder groups' numbers or the outage markers: see fitLabels. Decorative for screen readers: the panel's description and the tables
 * carry the same names.
 */
export function PlaceLabels({
  labels,
  scale = 1,
}: {
  labels: readonly PlaceLabel[];
  scale?: number;
}) {
  const map = useMap();
  const group = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!map.getPane(PANE)) {
      const pane = map.createPane(PANE);
      // Above the canvas of districts and feeders, below the outage markers and tooltips.
      pane.style.zIndex = "550";
      pane.style.pointerEvents = "none";
      pane.setAttribute("aria-hidden", "true");
    }
    const layer = L.layerGroup().addTo(map);
    group.current = layer;
    const ctx = document.createElement("canvas").getContext("2d");
    const fontSize = Math.round(12 * scale);
    if (ctx) ctx.font = FONT.replace("12px", `${fontSize}px`);
    const measure = (text: string) => (ctx ? ctx.measureText(text).width : text.length * 7 * scale);
    const draw = () => {
      const size = map.getSize();
      const placed = fitLabels(
        labels,
        (l) => map.latLngToContainerPoint([l.lat, l.lon]),
        measure,
        { width: size.x, height: size.y },
        { height: fontSize + 4, obstacles: [...feederLabelBoxes(map), ...markerBoxes(map)] },
      );
      layer.clearLayers();
      for (const p of placed) {
        L.marker([p.lat, p.lon], {
          pane: PANE,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: "place-label",
            html: `<span class="place-label__dot"></span><span class="place-label__text" style="font-size:${fontSize}px;left:${Math.round(p.dx)}px;top:${Math.round(p.dy + 2)}px">${escapeHtml(p.text)}</span>`,
            iconSize: [0, 0],
          }),
        }).addTo(layer);
      }
      map.getContainer().dataset.placeLabels = String(placed.length);
    };
    // One redraw per frame however many move events arrive (fitting to a resized panel fires several).
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
    };
    // Outage markers come and go with the live data: a name makes room for a new one.
    const onLayer = (e: L.LayerEvent) => {
      if (e.layer instanceof L.Marker && e.layer.options.pane !== PANE) schedule();
    };
    schedule();
    map.on(`zoomend moveend ${FEEDER_LABELS_EVENT}`, schedule);
    map.on("layeradd layerremove", onLayer);
    return () => {
      cancelAnimationFrame(frame);
      map.off(`zoomend moveend ${FEEDER_LABELS_EVENT}`, schedule);
      map.off("layeradd layerremove", onLayer);
      layer.remove();
      group.current = null;
    };
  }, [map, labels, scale]);

  return null;
}
