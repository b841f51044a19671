import { useId } from "react";
import { useTranslation } from "react-i18next";
import { UNIT_KIND_LABELS, type UnitKind } from "../../../shared/domain.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";

export interface UnitHit {
  id: string;
  kind: UnitKind;
  name: string;
  nameHi: string;
  /** Ancestors below the whole network, top first, without the unit itself. */
  path: ReadonlyArray<{ id: string; name: string; nameHi: string }>;
}

export interface UnitPickerProps {
  query: string;
  onQuery(q: string): void;
  hits: readonly UnitHit[];
  status: "idle" | "loading" | "ready" | "error";
  error?: string | null;
  onPick(hit: UnitHit): void;
  label?: string;
  /** Focus the search box when the picker appears (it opens on a button press). */
  autoFocus?: boolean;
}

/** A search box and the units matching it, each a button; the view does the searching. */
export function UnitPicker(props: UnitPickerProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const id = useId();
  const q = props.query.trim();
  // The server sends the ancestors between the root and the unit.
  const where = (h: UnitHit) => h.path.map((p) => placeName(p, lng)).join(" › ");
  return (
    <div className="adm-picker">
      <label htmlFor={`${id}-q`} className="adm-label">
        {props.label ?? t("unitPicker.label")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="adm-input adm-picker__input"
        value={props.query}
        placeholder={t("unitPicker.placeholder")}
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-describedby={`${id}-state`}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <p id={`${id}-state`} className="adm-muted adm-picker__state" role="status">
        {q.length > 0 && q.length < 2 && t("unitPicker.tooShort")}
        {q.length >= 2 && props.status === "loading" && t("unitPicker.searching")}
        {q.length >= 2 &&
          props.status === "error" &&
          t("common.error", { message: props.error ?? "" })}
        {q.length >= 2 &&
          props.status === "ready" &&
          props.hits.length === 0 &&
          t("unitPicker.none", { q })}
      </p>
      {q.length >= 2 && props.hits.length > 0 && (
        <ul className="adm-picker__hits" aria-label={t("unitPicker.results", { q })}>
          {props.hits.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="adm-picker__hit"
                onClick={() => props.onPick(h)}
                data-unit={h.id}
              >
                <span className="adm-picker__name">{placeName(h, lng)}</span>
                <span className="adm-picker__kind">{UNIT_KIND_LABELS[h.kind][lng]}</span>
                {where(h) && <span className="adm-picker__path">{where(h)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
