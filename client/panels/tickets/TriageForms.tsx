import "./base.css";
import "./triage.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";
import type { UnitSearchHit } from "../../api/types.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { ActionFormProps } from "./ActionForms.js";
import { describedBy, Field, FormError } from "./Field.js";

/** Pick one of the six categories (radio buttons: one key or click each, Enter submits). */
export function CategoriseForm(
  props: ActionFormProps & {
    idPrefix: string;
    current: CategoryId | null;
    suggested?: CategoryId | null;
  },
) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [choice, setChoice] = useState<CategoryId | "">(props.current ?? props.suggested ?? "");
  const error = props.error?.fields.category;
  const name = `${props.idPrefix}-category`;
  return (
    <form
      noValidate
      className="action-form"
      data-action="categorise"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) props.onSubmit({ type: "categorise", category: choice });
      }}
    >
      <FormError message={props.error?.message} />
      <fieldset className="choice-group" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="field__label">{t("triage.category")}</legend>
        <div className="choice-group__options">
          {CATEGORY_IDS.map((c) => (
            <label key={c} className={`choice${choice === c ? " choice--on" : ""}`}>
              <input
                type="radio"
                name={name}
                value={c}
                checked={choice === c}
                onChange={() => setChoice(c)}
                required
              />
              <span>{CATEGORIES[c][lng]}</span>
              {props.suggested === c && (
                <span className="choice__tag">{t("triage.suggested")}</span>
              )}
            </label>
          ))}
        </div>
        {error && (
          <p className="field__error" id={`${name}-error`}>
            {error}
          </p>
        )}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={props.busy || !choice}>
        {props.busy ? t("actions.sending") : t("actions.submit.categorise")}
      </button>
    </form>
  );
}

export interface FeederPickerProps extends ActionFormProps {
  idPrefix: string;
  query: string;
  onQueryChange(q: string): void;
  results: readonly UnitSearchHit[];
  searching: boolean;
  searchError?: string | null;
}

/**
 * Find a feeder by its English or Hindi name and place the ticket on it. The first match is
 * chosen as results arrive, so typing a distinctive name and pressing Enter is enough.
 */
export function FeederPicker(props: FeederPickerProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = props.results.find((r) => r.id === selected) ?? props.results[0];
  const inputId = `${props.idPrefix}-feeder-q`;
  const error = props.error?.fields.feederId ?? props.searchError;
  const short = props.query.trim().length < 2;
  return (
    <form
      noValidate
      className="action-form feeder-picker"
      data-action="place"
      onSubmit={(e) => {
        e.preventDefault();
        // While the search is catching up with the typing, the list shows the previous answer.
        if (chosen && !props.searching) props.onSubmit({ type: "place", feederId: chosen.id });
      }}
    >
      <FormError message={props.error?.message} />
      <Field
        id={inputId}
        label={t("triage.findFeeder")}
        error={error}
        hint={t("triage.findFeederHint")}
      >
        <input
          {...describedBy(inputId, error, t("triage.findFeederHint"))}
          type="search"
          value={props.query}
          onChange={(e) => props.onQueryChange(e.target.value)}
          autoComplete="off"
          maxLength={80}
        />
      </Field>
      <div className="feeder-picker__results" aria-live="polite">
        {props.searching && <p className="muted">{t("triage.searching")}</p>}
        {!props.searching && !short && props.results.length === 0 && !props.searchError && (
          <p className="muted">{t("triage.noFeeder")}</p>
        )}
        {props.results.length > 0 && (
          <fieldset className="feeder-picker__list">
            <legend className="visually-hidden">{t("triage.results")}</legend>
            {props.results.map((r) => (
              <label
                key={r.id}
                className={`feeder-hit${chosen?.id === r.id ? " feeder-hit--on" : ""}`}
              >
                <input
                  type="radio"
                  name={`${props.idPrefix}-feeder`}
                  value={r.id}
                  checked={chosen?.id === r.id}
                  onChange={() => setSelected(r.id)}
                />
                <span className="feeder-hit__name">{placeName(r, lng)}</span>
                <span className="feeder-hit__path">
                  {/* Circle (named after its district), division and substation: enough to tell namesakes apart. */}
                  {[r.path.at(-4), r.path.at(-3), r.path.at(-1)]
                    .flatMap((p) => (p ? [placeName(p, lng)] : []))
                    .join(" › ")}
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={props.busy || !chosen}>
        {props.busy
          ? t("actions.sending")
          : chosen
            ? t("triage.placeOn", { name: placeName(chosen, lng) })
            : t("actions.submit.place")}
      </button>
    </form>
  );
}
