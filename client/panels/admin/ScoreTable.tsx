import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Language } from "../../i18n/index.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatNumber, formatRate, formatRupees } from "./format.js";
import { ScoreSortBar } from "./ScoreSortBar.js";
import {
  rowName,
  sortScoreRows,
  splitOfficerName,
  SCORE_SORT_KEYS,
  type ScoreSort,
  type ScoreSortKey,
} from "./sort.js";
import type { ScoreRow } from "./types.js";
import { LoadState } from "./AdminNav.js";

export interface ScoreTableProps {
  /** "units" rows link to their own scorecard; "officers" rows do not. */
  kind: "units" | "officers";
  title: string;
  hint: string;
  /** Header of the name column (e.g. "Division" or "Officer"). */
  nameHeader: string;
  rows: readonly ScoreRow[];
  /** The parent's own figures, shown as the last row (units only). */
  total?: ScoreRow | null;
  totalLabel?: string;
  sort: ScoreSort;
  onSort(key: ScoreSortKey): void;
  hrefFor?: (row: ScoreRow) => string;
  empty: string;
  loading: boolean;
  error?: string | null;
  onRetry?: () => void;
}

/** The figures that can be missing (nothing to measure in the period). */
export type NullableFigure = "medianResolveHours" | "confirmedClosureRate" | "falseClosureRate";

export interface CellWords {
  missing(figure: NullableFigure): ReactNode;
  hours(n: string): string;
}

/** An officer's name on one line and their designation, smaller, below it. */
function NameLines({ name, split }: { name: string; split: boolean }) {
  const parts = split ? splitOfficerName(name) : { name, designation: null };
  if (!parts.designation) return <>{name}</>;
  return (
    <>
      <span className="adm-score__person">{parts.name}</span>
      <span className="adm-score__designation">{parts.designation}</span>
    </>
  );
}

/** "—" with the reason it is empty, on hover and for screen readers. */
function Missing({ why }: { why: string }) {
  return (
    <span className="adm-na" title={why}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{why}</span>
    </span>
  );
}

/** The figures of one row, in column order after the name. */
export function scoreCells(
  r: ScoreRow,
  lng: Language,
  words: CellWords,
): Record<Figure, ReactNode> {
  const why = words.missing;
  return {
    received: formatNumber(r.received, lng),
    open: formatNumber(r.open, lng),
    breached: formatNumber(r.breached, lng),
    medianResolveHours:
      r.medianResolveHours === null
        ? why("medianResolveHours")
        : words.hours(formatNumber(r.medianResolveHours, lng)),
    confirmedClosureRate:
      r.confirmedClosureRate === null
        ? why("confirmedClosureRate")
        : formatRate(r.confirmedClosureRate, lng),
    falseClosureRate:
      r.falseClosureRate === null
        ? why("falseClosureRate")
        : `${formatRate(r.falseClosureRate, lng)} (${formatNumber(r.falseClosures, lng)})`,
    closedUnconfirmed: formatNumber(r.closedUnconfirmed, lng),
    compensationOwed: formatRupees(r.compensationOwed, lng),
  };
}

type Figure = Exclude<ScoreSortKey, "name">;
const FIGURES = SCORE_SORT_KEYS.filter((k): k is Figure => k !== "name");

/** A sortable scorecard: one row per unit or officer; null figures say why they are empty. */
export function ScoreTable(props: ScoreTableProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const words: CellWords = {
    missing: (k) => <Missing why={t(`scorecards.why.${k}`)} />,
    hours: (n) => t("common.hours", { n }),
  };
  const titleId = `score-${props.kind}-title`;
  const sorted = sortScoreRows(props.rows, props.sort, lng);
  const header = (key: ScoreSortKey) => {
    const active = props.sort.key === key;
    const label = key === "name" ? props.nameHeader : t(`scorecards.col.${key}`);
    return (
      <th
        key={key}
        scope="col"
        className={key === "name" ? "adm-sticky" : "num"}
        aria-sort={active ? (props.sort.dir === "asc" ? "ascending" : "descending") : "none"}
        title={key === "name" ? undefined : t(`scorecards.help.${key}`)}
        data-col={key}
      >
        <button type="button" className="adm-sort" onClick={() => props.onSort(key)}>
          {label}
          <span className="adm-sort__mark" aria-hidden="true">
            {active ? (props.sort.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };
  const row = (r: ScoreRow, isTotal: boolean) => {
    const cells = scoreCells(r, lng, words);
    const name = isTotal ? (props.totalLabel ?? rowName(r, lng)) : rowName(r, lng);
    const href = !isTotal && props.hrefFor ? props.hrefFor(r) : null;
    return (
      <tr
        key={isTotal ? "total" : r.id}
        data-row={r.id}
        className={isTotal ? "adm-total" : undefined}
      >
        <th scope="row" className="adm-sticky adm-score__name">
          {href ? (
            <Link to={href} aria-label={t("scorecards.openScorecard", { name })}>
              {name}
            </Link>
          ) : (
            <NameLines name={name} split={props.kind === "officers"} />
          )}
        </th>
        {FIGURES.map((k) => (
          <td
            key={k}
            className={`num${k === "breached" && r.breached > 0 ? " adm-late" : ""}`}
            data-col={k}
            data-label={t(`scorecards.col.${k}`)}
          >
            {k === "breached" && r.breached > 0 && (
              <span className="sla-dot sla-dot--breached" aria-hidden="true" />
            )}
            {cells[k]}
          </td>
        ))}
      </tr>
    );
  };
  return (
    <section
      className="adm-section"
      aria-labelledby={titleId}
      aria-busy={props.loading}
      data-table={props.kind}
    >
      <header className="adm-section__header">
        <h2 id={titleId} className="adm-section__title">
          {props.title}
        </h2>
        <p className="adm-help">{props.hint}</p>
      </header>
      <LoadState
        loading={props.loading && props.rows.length === 0}
        error={props.error}
        onRetry={props.onRetry}
      />
      {!props.loading && !props.error && props.rows.length === 0 && (
        <p className="adm-empty">{props.empty}</p>
      )}
      {props.rows.length > 1 && (
        <ScoreSortBar sort={props.sort} nameHeader={props.nameHeader} onSort={props.onSort} />
      )}
      {(props.rows.length > 0 || (props.total && !props.loading)) && (
        <div className="adm-scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
          <table className="adm-table adm-table--cards adm-score">
            <caption className="visually-hidden">{props.title}</caption>
            <thead>
              <tr>{(["name", ...FIGURES] as ScoreSortKey[]).map(header)}</tr>
            </thead>
            <tbody>{sorted.map((r) => row(r, false))}</tbody>
            {props.total && <tfoot>{row(props.total, true)}</tfoot>}
          </table>
        </div>
      )}
    </section>
  );
}
