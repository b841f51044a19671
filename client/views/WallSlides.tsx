import type { UnitCounts } from "../../shared/counts.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { useTranslation } from "react-i18next";
import type { DistrictShapes, NetworkIndex, Resource } from "../live/network.js";
import type { LiveUnitState } from "../live/state.js";
import { AlarmsPanel } from "../panels/alarms/AlarmsPanel.js";
import type { Alarm } from "../panels/alarms/rules.js";
import { CategoryChart } from "../panels/charts/CategoryChart.js";
import { WorstUnitsChart } from "../panels/charts/WorstUnitsChart.js";
import { MapPanel } from "../panels/map/MapPanel.js";
import type { ShadingMode } from "../panels/map/scales.js";
import { TilesPanel } from "../panels/TilesPanel.js";
import { useWorstUnits } from "../stats/hooks.js";
import type { SummaryStats } from "../stats/types.js";
import ControlRoomCharts from "./ControlRoomCharts.js";

const NONE = {};

export interface WallMapSlideProps {
  /** The map slide stays mounted while other slides show (one Leaflet map for days). */
  visible: boolean;
  unitId: string | undefined;
  unknownUnit: boolean;
  title: string;
  live: LiveUnitState | null;
  network: Resource<NetworkIndex>;
  shapes: Resource<DistrictShapes>;
  summary: SummaryStats | null;
  alarms: readonly Alarm[];
  alarmsTotal: number;
  threshold: number;
  shading: ShadingMode;
  now: number;
  fontScale: number;
}

/** Alarms listed beside the wall's map; the panel counts the rest ("and 48 more"). */
const WALL_ALARMS = 2;

/** A unit's (or the whole network's) tiles, map with incidents, alarms and open tickets by category. */
export function WallMapSlide(props: WallMapSlideProps) {
  const { visible, unitId, unknownUnit, title, live, network, shapes, summary } = props;
  const { t } = useTranslation("screens");
  const networkData = network.status === "ready" ? network.data : null;
  const shapesData = shapes.status === "ready" ? shapes.data : null;
  const tile = summary?.tiles.find((s) => s.unitId === (unitId ?? ROOT_UNIT_ID));
  // The server's summary covers the network, states and discoms; deeper units show live tiles.
  const kind = unitId ? networkData?.units.get(unitId)?.kind : "network";
  const hasSummary = kind === "network" || kind === "state" || kind === "discom";
  return (
    <section className="wall-slide wall-slide--map" hidden={!visible} aria-label={title}>
      {unknownUnit ? (
        <p className="wall-slide__problem" role="alert">
          {t("wall.unknownUnit", { id: unitId })}
        </p>
      ) : (
        <>
          <TilesPanel
            counts={live?.unit ?? null}
            loading={live === null}
            summary={hasSummary ? (tile ?? null) : undefined}
            hideTriage
          />
          <div className="wall-slide__body">
            <MapPanel
              shapes={shapesData}
              network={networkData}
              districts={live?.districts ?? NONE}
              feeders={live?.feeders ?? NONE}
              incidents={live?.incidents}
              now={props.now}
              shading={props.shading}
              focusUnitId={unitId}
              interactive={false}
              markerScale={Math.min(1.8, props.fontScale)}
              title={t("wall.mapTitle")}
              loading={network.status === "loading" || shapes.status === "loading"}
              error={
                (network.status === "error" && network.error) ||
                (shapes.status === "error" && shapes.error) ||
                null
              }
            />
            <div className="wall-slide__side">
              <AlarmsPanel
                alarms={props.alarms.slice(0, WALL_ALARMS)}
                total={props.alarmsTotal}
                now={props.now}
                units={networkData?.units ?? null}
                threshold={props.threshold}
                sound={false}
              />
              {visible && (
                <CategoryChart
                  counts={live?.unit ?? null}
                  loading={live === null}
                  fontScale={props.fontScale}
                />
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** The ten worst divisions of the whole network, as bars with their numbers. */
export function WallWorstSlide({
  fontScale,
  refreshKey,
}: {
  fontScale: number;
  refreshKey: unknown;
}) {
  const r = useWorstUnits(undefined, "division", 10, refreshKey);
  return (
    <section className="wall-slide wall-slide--worst">
      <WorstUnitsChart
        stats={r.data}
        loading={r.status === "loading"}
        error={r.error}
        fontScale={fontScale * 1.35}
      />
    </section>
  );
}

/** Reports per hour today, SLA compliance over 14 days and open tickets by category. */
export function WallChartsSlide(props: {
  counts: UnitCounts | null;
  now: number;
  fontScale: number;
  refreshKey: unknown;
}) {
  return (
    <section className="wall-slide wall-slide--charts">
      <ControlRoomCharts
        counts={props.counts}
        now={props.now}
        refreshKey={props.refreshKey}
        charts={["hourly", "sla", "categories"]}
        fontScale={props.fontScale}
        className="wall-charts"
      />
    </section>
  );
}
