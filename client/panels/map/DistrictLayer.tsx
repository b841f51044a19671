import type { Feature, Geometry } from "geojson";
import type { GeoJSON as GeoJSONLayer, LatLngBounds, LeafletEvent, Path } from "leaflet";
import { memo, useEffect, useMemo } from "react";
import { GeoJSON, Tooltip, useMap } from "react-leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";
import type { DistrictProperties, DistrictShapes } from "../../live/network.js";
import { useChunks } from "../turns.js";
import { districtColour, formatRate } from "./scales.js";

export interface DistrictLabels {
  open: (n: string) => string;
  discom: (name: string) => string;
  /** "4.2 per 10,000 consumers" */
  rate: (n: string) => string;
  /** "of 5,949 consumers" */
  consumers: (n: string) => string;
  noConsumers: string;
}

export interface DistrictLayerProps {
  shapes: DistrictShapes;
  counts: Record<string, MapCounts>;
  /** The value each district is shaded by (open, or open per 10,000 consumers). */
  values: Record<string, number | null>;
  consumers: Record<string, number>;
  breaks: readonly number[];
  lng: Language;
  labels: DistrictLabels;
  /** Clicking a district zooms to it (not given: districts are not clickable, as on the wall). */
  onSelect?: (bounds: LatLngBounds) => void;
  /** Tiles are drawn beneath: shade lightly so their towns and roads show through. */
  overTiles?: boolean;
  /** A drill-down draws its units' outlines over the districts: shade them faintly. */
  faint?: boolean;
}

/** Shapes mounted per task: each is a Leaflet layer with a tooltip, about half a millisecond. */
const SHAPES_PER_TURN = 40;

/** The 113 district polygons, shaded by open tickets; always drawn beneath the feeders. */
export function DistrictLayer(props: DistrictLayerProps) {
  const { shapes, counts, values, consumers, breaks, lng, labels, onSelect, overTiles, faint } =
    props;
  const shown = useChunks(shapes.features.length, SHAPES_PER_TURN);
  // Drawn on a canvas, so nothing in the DOM says when the last shape is in: the map's element
  // does, for screenshots and tests that click a district.
  const map = useMap();
  const drawn = shown >= shapes.features.length;
  useEffect(() => {
    const container = map.getContainer();
    if (drawn) container.dataset.districtsDrawn = "";
    else delete container.dataset.districtsDrawn;
  }, [map, drawn]);
  return (
    <>
      {shapes.features.slice(0, shown).map((f) => {
        const id = f.properties.id;
        return (
          <DistrictShape
            key={id}
            feature={f}
            colour={districtColour(values[id] ?? 0, breaks)}
            open={counts[id]?.open ?? 0}
            consumers={consumers[id]}
            lng={lng}
            labels={labels}
            onSelect={onSelect}
            fillOpacity={faint ? 0.3 : overTiles ? 0.45 : 0.85}
          />
        );
      })}
    </>
  );
}

// Canvas layers draw in the order they were added; polygons loaded after the feeders go to the back.
const toBack = (e: LeafletEvent) => (e.target as Path).bringToBack();

interface DistrictShapeProps {
  feature: Feature<Geometry, DistrictProperties>;
  colour: string;
  open: number;
  consumers: number | undefined;
  lng: Language;
  labels: DistrictLabels;
  onSelect?: (bounds: LatLngBounds) => void;
  fillOpacity: number;
}

const DistrictShape = memo(function DistrictShape(props: DistrictShapeProps) {
  const { feature, colour, open, consumers, lng, labels, onSelect, fillOpacity } = props;
  const style = useMemo(
    () => ({ color: "#8a93a6", weight: 0.7, opacity: 0.7, fillColor: colour, fillOpacity }),
    [colour, fillOpacity],
  );
  const handlers = useMemo(
    () => ({
      add: toBack,
      click: (e: LeafletEvent) => onSelect?.((e.target as GeoJSONLayer).getBounds()),
    }),
    [onSelect],
  );
  const p = feature.properties;
  const rate = consumers ? (open / consumers) * 10_000 : null;
  return (
    <GeoJSON data={feature} pathOptions={style} style={style} eventHandlers={handlers} interactive>
      <Tooltip sticky className="map-tooltip district-tooltip">
        <strong className="map-tooltip__title">
          {lng === "hi" ? p.name_hi || p.name : p.name}
        </strong>
        <span className="map-tooltip__sub">{labels.discom(p.discom)}</span>
        <span className="map-tooltip__count">{labels.open(formatCount(open, lng))}</span>
        <span>
          {rate === null
            ? labels.noConsumers
            : `${labels.rate(formatRate(rate, lng))} (${labels.consumers(formatCount(consumers ?? 0, lng))})`}
        </span>
      </Tooltip>
    </GeoJSON>
  );
});
