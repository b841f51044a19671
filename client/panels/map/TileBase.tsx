import { TileLayer } from "react-leaflet";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * The deployment's own map tiles (MAP_TILE_URL) under the district base, credited with
 * MAP_TILE_ATTRIBUTION. Without them the base stands alone: its labels need no tile server.
 */
export function TileBase({ tiles }: { tiles: { url: string; attribution: string } }) {
  // The credit is configured as plain text; Leaflet writes attributions as HTML.
  const attribution = tiles.attribution.replace(/[&<>"]/g, (c) => ESCAPES[c]);
  return (
    <TileLayer
      url={tiles.url}
      attribution={attribution}
      className="map-tiles"
      maxZoom={19}
      crossOrigin="anonymous"
    />
  );
}
