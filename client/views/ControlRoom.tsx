import "./control-room.css";
import { lazy, Suspense, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { useLanguage } from "../i18n/useLanguage.js";
import {
  useConnection,
  useDistrictShapes,
  useLiveUnit,
  useNetwork,
  useNow,
} from "../live/hooks.js";
import { AlarmsPanel } from "../panels/alarms/AlarmsPanel.js";
import { parseSurgeThreshold } from "../panels/alarms/rules.js";
import { useAlarms } from "../panels/alarms/useAlarms.js";
import { FeedPanel } from "../panels/FeedPanel.js";
import { MapPanel } from "../panels/map/MapPanel.js";
import { isShadingMode, type ShadingMode } from "../panels/map/scales.js";
import { UnitPicker } from "../panels/map/UnitPicker.js";
import { TilesPanel } from "../panels/TilesPanel.js";
import { useSummary } from "../stats/hooks.js";
import { useSoundPreference } from "./ControlRoomSound.js";
import { useCurrentShutdowns } from "./useCurrentShutdowns.js";

// Recharts is large: the charts load after the map and feed, in their own chunk.
const ControlRoomCharts = lazy(() => import("./ControlRoomCharts.js"));

const NONE = {};

/**
 * The control room: headline tiles, the map of open tickets with incidents, alarms, the live feed
 * and the charts. The map's unit (`?unit=`), shading (`?shade=`) and surge threshold (`?surge=`)
 * live in the address, so a view can be shared.
 */
export function ControlRoom() {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const live = useLiveUnit();
  const network = useNetwork();
  const shapes = useDistrictShapes();
  const connection = useConnection();
  const now = useNow(5000);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The address holds the view (shareable, reload-safe); local state answers at once, so a control
  // never shows its old value while the router applies the new address.
  const [focusUnitId, setFocusUnitId] = useState(() => params.get("unit") || undefined);
  const [shading, setShading] = useState<ShadingMode>(() => {
    const shade = params.get("shade");
    return isShadingMode(shade) ? shade : "per10k";
  });
  const threshold = parseSurgeThreshold(params.get("surge"));
  const [sound, toggleSound] = useSoundPreference();
  const alarms = useAlarms(live, { threshold, sound, now });
  const isLive = connection.status === "live";
  const summary = useSummary(isLive);
  const shutdowns = useCurrentShutdowns(isLive);
  const networkTile = summary.data?.tiles.find((tile) => tile.unitId === ROOT_UNIT_ID) ?? null;

  const networkData = network.status === "ready" ? network.data : null;
  const shapesData = shapes.status === "ready" ? shapes.data : null;
  const mapError =
    (network.status === "error" && network.error) ||
    (shapes.status === "error" && shapes.error) ||
    null;

  const setParam = useCallback(
    (key: string, value: string | undefined) => {
      setParams(
        () => {
          // From the address as it is now, not as it was at the last render: two quick changes
          // (a unit, then the shading) must not undo each other.
          const next = new URLSearchParams(window.location.search);
          if (value === undefined) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const openTicket = useCallback(
    (number: string) => navigate(`/tickets/${encodeURIComponent(number)}`),
    [navigate],
  );
  const focusUnit = focusUnitId ? networkData?.units.get(focusUnitId) : undefined;

  return (
    <div className="control-room">
      {/* The screen's name for screen readers and headings navigation; sighted users have the nav. */}
      <h1 className="visually-hidden">{t("nav.controlRoom", { ns: "translation" })}</h1>
      <div className="control-room__tiles">
        <TilesPanel counts={live?.unit ?? null} loading={live === null} summary={networkTile} />
      </div>
      <div className="control-room__map">
        <MapPanel
          shapes={shapesData}
          network={networkData}
          districts={live?.districts ?? NONE}
          feeders={live?.feeders ?? NONE}
          incidents={live?.incidents}
          shutdowns={shutdowns}
          now={now}
          shading={shading}
          onShadingChange={(m) => {
            setShading(m);
            setParam("shade", m === "per10k" ? undefined : m);
          }}
          focusUnitId={focusUnitId}
          loading={network.status === "loading" || shapes.status === "loading"}
          error={mapError}
          toolbar={
            <div className="control-room__zoom">
              <UnitPicker
                units={networkData?.units ?? null}
                value={focusUnitId}
                onChange={(id) => {
                  setFocusUnitId(id);
                  setParam("unit", id);
                }}
                label={t("controlRoom.zoomTo")}
                wholeNetwork={t("controlRoom.wholeNetwork")}
                lng={lng}
              />
              {focusUnit && (
                <Link
                  className="control-room__drill"
                  to={`/units/${encodeURIComponent(focusUnit.id)}`}
                >
                  {t("controlRoom.openUnit")}
                </Link>
              )}
            </div>
          }
        />
      </div>
      <div className="control-room__side">
        <AlarmsPanel
          alarms={alarms.alarms}
          total={alarms.total}
          now={now}
          units={networkData?.units ?? null}
          threshold={threshold}
          sound={sound}
          onToggleSound={toggleSound}
          onDismiss={alarms.dismiss}
          onDismissAll={alarms.dismissAll}
        />
        <FeedPanel
          entries={live?.feed ?? []}
          skipped={live?.feedSkipped ?? 0}
          places={networkData}
          now={now}
          loading={live === null}
          onOpenTicket={openTicket}
        />
      </div>
      <div className="control-room__charts">
        <Suspense fallback={<p className="control-room__charts-loading">{t("charts.loading")}</p>}>
          <ControlRoomCharts counts={live?.unit ?? null} now={now} refreshKey={isLive} />
        </Suspense>
      </div>
    </div>
  );
}
