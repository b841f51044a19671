import type { Feature, Geometry } from "geojson";
import type { LeafletEvent, Path } from "leaflet";
import { memo, useMemo } from "react";
import { GeoJSON, Tooltip } from "react-leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";
import type { DistrictProperties, DistrictShapes } from "../../live/network.js";
import { districtColour } from "./scales.js";

export interface DistrictLayerProps {
  shapes: DistrictShapes;
  counts: Record<string, MapCounts>;
  breaks: readonly number[];
  lng: Language;
  openLabel: (n: string) => string;
  discomLabel: (name: string) => string;
}

/** The 113 district polygons, shaded by open tickets; always drawn beneath the feeders. */
export function DistrictLayer({
  shapes,
  counts,
  breaks,
  lng,
  openLabel,
  discomLabel,
}: DistrictLayerProps) {
  return (
    <>
      {shapes.features.map((f) => {
        const open = counts[f.properties.id]?.open ?? 0;
        return (
          <DistrictShape
            key={f.properties.id}
            feature={f}
            colour={districtColour(open, breaks)}
            open={open}
            lng={lng}
            openLabel={openLabel}
            discomLabel={discomLabel}
          />
        );
      })}
    </>
  );
}

// Canvas layers draw in the order they were added; polygons loaded after the feeders go to the back.
const toBack = { add: (e: LeafletEvent) => (e.target as Path).bringToBack() };

interface DistrictShapeProps {
  feature: Feature<Geometry, DistrictProperties>;
  colour: string;
  open: number;
  lng: Language;
  openLabel: (n: string) => string;
  discomLabel: (name: string) => string;
}

const DistrictShape = memo(function DistrictShape(props: DistrictShapeProps) {
  const { feature, colour, open, lng, openLabel, discomLabel } = props;
  const style = useMemo(
    () => ({ color: "#8a93a6", weight: 0.7, opacity: 0.7, fillColor: colour, fillOpacity: 0.85 }),
    [colour],
  );
  const p = feature.properties;
  return (
    <GeoJSON data={feature} pathOptions={style} style={style} eventHandlers={toBack}>
      <Tooltip sticky className="map-tooltip">
        <strong className="map-tooltip__title">
          {lng === "hi" ? p.name_hi || p.name : p.name}
        </strong>
        <span className="map-tooltip__sub">{discomLabel(p.discom)}</span>
        <span className="map-tooltip__count">{openLabel(formatCount(open, lng))}</span>
      </Tooltip>
    </GeoJSON>
  );
});
