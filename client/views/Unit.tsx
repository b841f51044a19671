import "../panels/panels.css";
import "./ops.css";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ROOT_UNIT_ID, UNIT_KIND_LABELS } from "../../shared/domain.js";
import { getUnitChildren, ticketListQuery } from "../api/endpoints.js";
import type { UnitCrumb } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";
import { placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useDistrictShapes, useLiveUnit, useNetwork, useNow } from "../live/hooks.js";
import { MapPanel } from "../panels/map/MapPanel.js";
import { TicketFiltersForm } from "../panels/tickets/TicketFiltersForm.js";
import { filtersFromParams, filtersToParams } from "../panels/tickets/filters.js";
import { TicketList } from "../panels/tickets/TicketList.js";
import { TilesPanel } from "../panels/TilesPanel.js";
import { Breadcrumbs } from "../panels/units/Breadcrumbs.js";
import { ChildrenTable } from "../panels/units/ChildrenTable.js";
import {
  nextSort,
  sortFromParams,
  withLiveCounts,
  type ChildSortKey,
} from "../panels/units/sort.js";
import { FeederIncidents } from "./FeederIncidents.js";
import { useTicketPages } from "./useTicketPages.js";

const NONE = {};

/** Drill-down: a unit's place in the network, its children with their figures, map and tickets. */
export default function UnitView() {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const unitId = useParams().unitId ?? ROOT_UNIT_ID;
  const [params, setParams] = useSearchParams();
  const network = useNetwork();
  const shapes = useDistrictShapes();
  // Tiles, children, map and outages: summary-sized updates, no feed or ticket rows.
  const live = useLiveUnit(unitId, "counts");
  const now = useNow(30_000);
  const children = useRemote(`children:${unitId}`, (signal) => getUnitChildren(unitId, signal));

  const index = network.status === "ready" ? network.data : null;
  const unit = index?.units.get(unitId) ?? children.data?.unit ?? null;
  const crumbs: UnitCrumb[] = useMemo(() => {
    if (unit && index) {
      return unit.path.flatMap((id) => {
        const u = index.units.get(id);
        return u ? [{ id: u.id, kind: u.kind, name: u.name, nameHi: u.nameHi }] : [];
      });
    }
    return children.data?.breadcrumbs ?? [];
  }, [unit, index, children.data]);

  const sort = sortFromParams(params);
  const onSort = (key: ChildSortKey) => {
    const next = nextSort(sort, key);
    const p = new URLSearchParams(params);
    p.set("sort", next.key);
    p.set("dir", next.dir);
    setParams(p, { replace: true });
  };

  const filters = filtersFromParams(params);
  const pages = useTicketPages(ticketListQuery(unitId, filters));

  const notFound = children.error?.status === 404 && !unit;
  if (notFound) {
    return (
      <div className="page">
        <h1>{t("units.notFound", { id: unitId })}</h1>
        <p>
          <Link to={`/units/${ROOT_UNIT_ID}`}>{t("units.backToNetwork")}</Link>
        </p>
      </div>
    );
  }

  const name = unit ? placeName(unit, lng) : unitId;
  const kind = unit ? UNIT_KIND_LABELS[unit.kind][lng] : "";
  const isFeeder = unit?.kind === "feeder";
  const rows = withLiveCounts(children.data?.children ?? [], live?.children ?? null);
  const childKind = rows[0]?.kind ?? null;
  const mapError =
    (network.status === "error" && network.error) ||
    (shapes.status === "error" && shapes.error) ||
    null;

  return (
    <div className="ops-page unit-page" data-unit={unitId}>
      <div className="unit-page__head">
        <Breadcrumbs crumbs={crumbs} />
        <h1 className="unit-page__title">
          {name} <span className="unit-page__kind">{kind}</span>
          {isFeeder && unit && (
            <span className="unit-page__kind">
              {" · "}
              {t(unit.urban ? "units.urban" : "units.rural")}
              {unit.aClass ? ` · ${t("units.aClass")}` : ""}
            </span>
          )}
        </h1>
      </div>
      <div className="unit-page__tiles">
        <TilesPanel counts={live?.unit ?? null} loading={live === null} />
      </div>
      <div className="unit-page__main">
        {isFeeder ? (
          <FeederIncidents feederId={unitId} substationId={unit?.parentId ?? null} />
        ) : (
          <ChildrenTable
            parentName={name}
            childKind={childKind}
            rows={rows}
            sort={sort}
            onSort={onSort}
            loading={children.status === "loading"}
            error={children.error?.message ?? null}
          />
        )}
      </div>
      <div className="unit-page__map">
        <MapPanel
          shapes={shapes.status === "ready" ? shapes.data : null}
          network={index}
          districts={live?.districts ?? NONE}
          feeders={live?.feeders ?? NONE}
          incidents={live?.incidents}
          now={now}
          loading={network.status === "loading" || shapes.status === "loading"}
          error={mapError}
          focusUnitId={unitId}
        />
      </div>
      <div className="unit-page__tickets">
        <TicketList
          title={t("tickets.titleIn", { name })}
          tickets={pages.tickets}
          total={pages.total}
          places={index}
          loading={pages.loading}
          error={pages.error}
          hasMore={pages.hasMore}
          loadingMore={pages.loadingMore}
          onLoadMore={pages.loadMore}
        >
          <TicketFiltersForm
            filters={filters}
            onChange={(f) => setParams(filtersToParams(f, params), { replace: false })}
          />
        </TicketList>
      </div>
    </div>
  );
}
