import { memo } from "react";
import { Polygon } from "react-leaflet";
import type { UnitHull } from "./hulls.js";

const CHILD_STYLE = {
  color: "#dfe6f3",
  weight: 1.2,
  opacity: 0.85,
  fillColor: "#ffffff",
  fillOpacity: 0.05,
  interactive: false,
};
const FOCUS_STYLE = {
  color: "#f2c14e",
  weight: 2.5,
  opacity: 0.95,
  fill: false,
  interactive: false,
};

/** The drill-down's units as outlines over the district base (see hulls.ts). */
export const HullLayer = memo(function HullLayer({ hulls }: { hulls: readonly UnitHull[] }) {
  return (
    <>
      {hulls.map((h) => (
        <Polygon
          key={h.id}
          positions={h.points}
          pathOptions={h.role === "focus" ? FOCUS_STYLE : CHILD_STYLE}
        />
      ))}
    </>
  );
});
