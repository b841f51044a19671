import "../tickets/base.css";
import "./units.css";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { UnitKind } from "../../../shared/domain.js";
import type { UnitChildStats } from "../../api/types.js";
import { formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import { formatHours, formatPercent, formatRupees } from "../tickets/format.js";
import { sortChildren, type ChildSort, type ChildSortKey } from "./sort.js";

export interface ChildrenTableProps {
  /** The unit whose children these are, for the caption. */
  parentName: string;
  /** Kind of the children (all children of a unit share one kind). */
  childKind: UnitKind | null;
  rows: readonly UnitChildStats[];
  sort: ChildSort;
  onSort(key: ChildSortKey): void;
  loading: boolean;
  error?: string | null;
}

const COLUMNS: ReadonlyArray<{ key: ChildSortKey; numeric: boolean }> = [
  { key: "name", numeric: false },
  { key: "open", numeric: true },
  { key: "atRisk", numeric: true },
  { key: "breached", numeric: true },
  { key: "medianOpenAgeHours", numeric: true },
  { key: "confirmedClosurePct", numeric: true },
  { key: "compensationOwed", numeric: true },
];

/** The children of a unit with their open, late and owed figures; every column sorts. */
export function ChildrenTable(props: ChildrenTableProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const { rows, sort, onSort, loading, error } = props;
  const sorted = sortChildren(rows, sort, lng);
  const kindPlural = props.childKind ? t(`kindPlural.${props.childKind}`) : t("units.children");
  const title = t("units.childrenTitle", { kind: kindPlural, name: props.parentName });
  const dash = "–";
  return (
    <section
      className="panel ops-panel children"
      aria-labelledby="children-title"
      aria-busy={loading}
    >
      <header className="panel__header">
        <h2 id="children-title" className="panel__title">
          {title}
        </h2>
        <p className="panel__subtitle">{t("units.childrenHint")}</p>
      </header>
      <PanelState loading={loading && rows.length === 0} error={error} />
      {!loading && !error && rows.length === 0 && (
        <p className="ops-empty">{t("units.noChildren")}</p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="children-title" tabIndex={0}>
          <table className="ops-table children__table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => {
                  const active = sort.key === c.key;
                  const ariaSort = active
                    ? sort.dir === "asc"
                      ? "ascending"
                      : "descending"
                    : "none";
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={ariaSort}
                      className={c.numeric ? "num" : undefined}
                      data-col={c.key}
                    >
                      <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                        {t(`units.col.${c.key}`)}
                        <span className="sort-button__mark" aria-hidden="true">
                          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id} data-unit={r.id}>
                  <th scope="row" className="children__name">
                    <Link to={`/units/${encodeURIComponent(r.id)}`}>{placeName(r, lng)}</Link>
                  </th>
                  <td className="num">{formatCount(r.open, lng)}</td>
                  <td className={`num${r.atRisk > 0 ? " num--at_risk" : ""}`}>
                    {r.atRisk > 0 && (
                      <span className="sla-dot sla-dot--at_risk" aria-hidden="true" />
                    )}
                    {formatCount(r.atRisk, lng)}
                  </td>
                  <td className={`num${r.breached > 0 ? " num--breached" : ""}`}>
                    {r.breached > 0 && (
                      <span className="sla-dot sla-dot--breached" aria-hidden="true" />
                    )}
                    {formatCount(r.breached, lng)}
                  </td>
                  <td className="num">
                    {r.medianOpenAgeHours === null ? dash : formatHours(r.medianOpenAgeHours, lng)}
                  </td>
                  <td className="num">
                    {r.confirmedClosurePct === null
                      ? dash
                      : formatPercent(r.confirmedClosurePct, lng)}
                  </td>
                  <td className="num">{formatRupees(r.compensationOwed, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
