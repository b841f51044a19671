import { createElement } from "react";
import { AXIS } from "./palette.js";

/** Dark tooltips that match the panels, sized for desk or wall. */
export function chartTooltip(fontSize: number) {
  return {
    contentStyle: {
      background: "#0f1520",
      border: "1px solid #2a3650",
      borderRadius: 6,
      fontSize,
      color: AXIS.text,
    },
    labelStyle: { color: AXIS.text, fontWeight: 700 },
    itemStyle: { color: AXIS.text, padding: 0 },
    cursor: { fill: "rgba(255,255,255,0.06)" },
    isAnimationActive: false,
  } as const;
}

/** Legend entries in the text colour (Recharts colours them like their series by default). */
export function legendText(fontSize: number) {
  return (value: unknown) =>
    createElement("span", { style: { color: AXIS.text, fontSize } }, String(value));
}
