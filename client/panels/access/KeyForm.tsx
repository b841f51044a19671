import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { KEY_CHANNELS } from "../../../shared/access.js";
import { CHANNEL_LABELS } from "../../../shared/domain.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { FieldError } from "../admin/FieldError.js";
import type { KeyDraft } from "./keyDraft.js";
import type { FieldErrors } from "./userDraft.js";

/** Creates an intake key: a name, the channels it may file on, and its rate. */
export function KeyForm(props: {
  draft: KeyDraft;
  onChange(patch: Partial<KeyDraft>): void;
  errors: FieldErrors;
  busy: boolean;
  formError: string | null;
  onSubmit(): void;
}) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  const { draft, errors } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.busy) props.onSubmit();
  };
  return (
    <form className="adm-section" onSubmit={submit} aria-labelledby="key-form-title" noValidate>
      <header className="adm-section__header">
        <h2 id="key-form-title" className="adm-section__title">
          {t("keys.createTitle")}
        </h2>
      </header>
      <div className="adm-section__body">
        <div className="adm-fields">
          <label className="adm-field">
            <span className="adm-label">{t("keys.name")}</span>
            <input
              className={`adm-input${errors.name ? " adm-input--invalid" : ""}`}
              name="name"
              value={draft.name}
              onChange={(e) => props.onChange({ name: e.target.value })}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? "key-name-error" : undefined}
            />
            <FieldError id="key-name-error" message={errors.name} />
          </label>
          <label className="adm-field">
            <span className="adm-label">{t("keys.rate")}</span>
            <input
              className={`adm-input adm-input--num${errors.ratePerMinute ? " adm-input--invalid" : ""}`}
              name="ratePerMinute"
              inputMode="numeric"
              value={draft.ratePerMinute}
              onChange={(e) => props.onChange({ ratePerMinute: e.target.value })}
              aria-invalid={errors.ratePerMinute ? true : undefined}
              aria-describedby={errors.ratePerMinute ? "key-rate-error" : undefined}
            />
            <FieldError id="key-rate-error" message={errors.ratePerMinute} />
          </label>
        </div>
        <fieldset
          className="acc-channels"
          aria-describedby={errors.channels ? "key-channels-error" : undefined}
        >
          <legend className="adm-label">{t("keys.channels")}</legend>
          {KEY_CHANNELS.map((c) => (
            <label key={c} className="adm-check">
              <input
                type="checkbox"
                name="channels"
                value={c}
                checked={draft.channels.includes(c)}
                onChange={(e) =>
                  props.onChange({
                    channels: e.target.checked
                      ? [...draft.channels, c]
                      : draft.channels.filter((x) => x !== c),
                  })
                }
              />
              {CHANNEL_LABELS[c][lng]}
            </label>
          ))}
          <FieldError id="key-channels-error" message={errors.channels} />
        </fieldset>
        {props.formError && (
          <p className="adm-field-error" role="alert">
            {props.formError}
          </p>
        )}
        <div className="adm-actions">
          <button type="submit" className="adm-button adm-button--primary" disabled={props.busy}>
            {props.busy ? t("common.saving") : t("keys.createSubmit")}
          </button>
        </div>
      </div>
    </form>
  );
}
