import "./control-room.css";
import { useDistrictShapes, useLiveUnit, useNetwork, useNow } from "../live/hooks.js";
import { FeedPanel } from "../panels/FeedPanel.js";
import { MapPanel } from "../panels/map/MapPanel.js";
import { TilesPanel } from "../panels/TilesPanel.js";

const NONE = {};

/** The control room: headline tiles, the map of open tickets, and the live feed. */
export function ControlRoom() {
  const live = useLiveUnit();
  const network = useNetwork();
  const shapes = useDistrictShapes();
  const now = useNow(5000);
  const networkData = network.status === "ready" ? network.data : null;
  const shapesData = shapes.status === "ready" ? shapes.data : null;
  const mapError =
    (network.status === "error" && network.error) ||
    (shapes.status === "error" && shapes.error) ||
    null;
  return (
    <div className="control-room">
      <div className="control-room__tiles">
        <TilesPanel counts={live?.unit ?? null} loading={live === null} />
      </div>
      <div className="control-room__map">
        <MapPanel
          shapes={shapesData}
          network={networkData}
          districts={live?.districts ?? NONE}
          feeders={live?.feeders ?? NONE}
          loading={network.status === "loading" || shapes.status === "loading"}
          error={mapError}
        />
      </div>
      <div className="control-room__feed">
        <FeedPanel
          entries={live?.feed ?? []}
          places={networkData}
          now={now}
          loading={live === null}
        />
      </div>
    </div>
  );
}
