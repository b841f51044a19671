import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isScoreSortKey, SCORE_SORT_KEYS, type ScoreSort, type ScoreSortKey } from "./sort.js";

/**
 * Sorting for phones, where the table becomes cards and its header buttons are hidden: a column
 * select and a button that reverses the order. Both go through the same `onSort` as the header.
 */
export function ScoreSortBar(props: {
  sort: ScoreSort;
  nameHeader: string;
  onSort(key: ScoreSortKey): void;
}) {
  const { t } = useTranslation("admin");
  const id = useId();
  const asc = props.sort.dir === "asc";
  return (
    <div className="adm-sortbar">
      <label htmlFor={id} className="adm-label">
        {t("scorecards.sortLabel")}
      </label>
      <select
        id={id}
        className="adm-input adm-select"
        value={props.sort.key}
        onChange={(e) => {
          if (isScoreSortKey(e.target.value)) props.onSort(e.target.value);
        }}
      >
        {SCORE_SORT_KEYS.map((k) => (
          <option key={k} value={k}>
            {k === "name" ? props.nameHeader : t(`scorecards.col.${k}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="adm-button"
        title={t("scorecards.flip")}
        onClick={() => props.onSort(props.sort.key)}
      >
        <span aria-hidden="true">{asc ? "▲ " : "▼ "}</span>
        {asc ? t("scorecards.ascending") : t("scorecards.descending")}
      </button>
    </div>
  );
}
