import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "./FieldError.js";

export interface FuseCallFormProps {
  /** The unit's name in the screen's language. */
  unitName: string;
  /** The number set now (null: none). */
  phone: string | null;
  busy: boolean;
  error: string | null;
  onSave(phone: string | null): void;
}

/** A unit's fuse-call centre number, shown on the public "who to call" page. */
export function FuseCallForm({ unitName, phone, busy, error, onSave }: FuseCallFormProps) {
  const { t } = useTranslation("public");
  const id = useId();
  const [value, setValue] = useState(phone ?? "");
  useEffect(() => setValue(phone ?? ""), [phone]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(value.trim() || null);
  };
  return (
    <form className="adm-section adm-fuse" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="adm-section__title">
        {t("admin.fuseTitle", { unit: unitName })}
      </h2>
      <p className="adm-help">{t("admin.fuseHelp")}</p>
      <div className="adm-fuse__row">
        <label className="adm-field">
          <span className="adm-label">{t("admin.fuseLabel")}</span>
          <input
            className="adm-input"
            value={value}
            inputMode="tel"
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            data-testid="fuse-call-phone"
          />
        </label>
        <button type="submit" className="adm-button adm-button--primary" disabled={busy}>
          {t("admin.fuseSave")}
        </button>
        {phone && (
          <button type="button" className="adm-button" disabled={busy} onClick={() => onSave(null)}>
            {t("admin.fuseRemove")}
          </button>
        )}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </form>
  );
}
