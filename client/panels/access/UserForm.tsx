import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../shared/access.js";
import { FieldError } from "../admin/FieldError.js";
import { isRole, roleName } from "./roles.js";
import type { FieldErrors, UserDraft } from "./userDraft.js";

export interface UserFormProps {
  draft: UserDraft;
  onChange(patch: Partial<UserDraft>): void;
  errors: FieldErrors;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
  /** The unit picker, or for an officer the officer picker (the view does the searching). */
  unitField: ReactNode;
  /** The refusal that belongs to no field. */
  formError?: string | null;
}

/** Creates a user: username, name, role, unit (or officer) and a first password. */
export function UserForm(props: UserFormProps) {
  const { t } = useTranslation("access");
  const { draft, errors } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.busy) props.onSubmit();
  };
  const text = (
    field: "username" | "name" | "password",
    type = "text",
    auto = "off",
    help = "",
  ) => (
    <label className="adm-field">
      <span className="adm-label">
        {t(`users.${field === "password" ? "newPassword" : field}`)}
      </span>
      <input
        className={`adm-input${errors[field] ? " adm-input--invalid" : ""}`}
        name={field}
        type={type}
        autoComplete={auto}
        value={draft[field]}
        onChange={(e) => props.onChange({ [field]: e.target.value })}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `user-${field}-error` : undefined}
      />
      <FieldError id={`user-${field}-error`} message={errors[field]} />
      {help && <span className="adm-help">{help}</span>}
    </label>
  );
  return (
    <form
      className="adm-section acc-form"
      onSubmit={submit}
      aria-labelledby="user-form-title"
      noValidate
    >
      <header className="adm-section__header">
        <h2 id="user-form-title" className="adm-section__title">
          {t("users.createTitle")}
        </h2>
      </header>
      <div className="adm-section__body">
        <div className="adm-fields">
          {text("username")}
          <label className="adm-field">
            <span className="adm-label">{t("users.role")}</span>
            <select
              className="adm-input adm-select"
              name="role"
              value={draft.role}
              onChange={(e) => {
                const role = e.target.value;
                if (isRole(role)) props.onChange({ role, officerId: "" });
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r, t)}
                </option>
              ))}
            </select>
          </label>
          {text("name")}
          <div className="adm-field">
            {props.unitField}
            <FieldError id="user-unitId-error" message={errors.unitId} />
            <FieldError id="user-officerId-error" message={errors.officerId} />
          </div>
          {text("password", "password", "new-password", t("users.passwordHelp"))}
        </div>
        {props.formError && (
          <p className="adm-field-error" role="alert">
            {props.formError}
          </p>
        )}
        <div className="adm-actions">
          <button type="submit" className="adm-button adm-button--primary" disabled={props.busy}>
            {props.busy ? t("common.saving") : t("users.createSubmit")}
          </button>
          <button type="button" className="adm-button adm-button--quiet" onClick={props.onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </div>
    </form>
  );
}
