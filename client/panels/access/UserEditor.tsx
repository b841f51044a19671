import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role, type UserView } from "../../../shared/access.js";
import { FieldError } from "../admin/FieldError.js";
import { isRole, roleName } from "./roles.js";

export interface UserEdit {
  name: string;
  role: Role;
  unitId: string;
  unitLabel: string;
}

export interface UserEditorProps {
  user: UserView;
  edit: UserEdit;
  onChange(patch: Partial<UserEdit>): void;
  /** The unit picker (the view does the searching). */
  unitField: ReactNode;
  busy: boolean;
  error: string | null;
  passwordError: string | null;
  onSave(): void;
  onResetPassword(password: string): void;
  onClose(): void;
}

/** Changes a user's name, role or unit, and resets their password. */
export function UserEditor(props: UserEditorProps) {
  const { t } = useTranslation("access");
  const [password, setPassword] = useState("");
  const id = `user-${props.user.id}`;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!props.busy) props.onSave();
  };
  const reset = (e: FormEvent) => {
    e.preventDefault();
    if (!props.busy) props.onResetPassword(password);
  };
  return (
    <div className="acc-editor">
      <form onSubmit={save} aria-label={`${t("users.edit")}: ${props.user.username}`} noValidate>
        <div className="adm-fields">
          <label className="adm-field">
            <span className="adm-label">{t("users.name")}</span>
            <input
              className="adm-input"
              value={props.edit.name}
              onChange={(e) => props.onChange({ name: e.target.value })}
            />
          </label>
          <label className="adm-field">
            <span className="adm-label">{t("users.role")}</span>
            <select
              className="adm-input adm-select"
              value={props.edit.role}
              onChange={(e) => {
                if (isRole(e.target.value)) props.onChange({ role: e.target.value });
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r, t)}
                </option>
              ))}
            </select>
          </label>
          <div className="adm-field">{props.unitField}</div>
        </div>
        <FieldError id={`${id}-error`} message={props.error} />
        <div className="adm-actions">
          <button type="submit" className="adm-button adm-button--primary" disabled={props.busy}>
            {props.busy ? t("common.saving") : t("common.save")}
          </button>
          <button type="button" className="adm-button adm-button--quiet" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
      <form className="acc-editor__password" onSubmit={reset} noValidate>
        <label className="adm-field">
          <span className="adm-label">{t("users.newPassword")}</span>
          <input
            className={`adm-input${props.passwordError ? " adm-input--invalid" : ""}`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={props.passwordError ? true : undefined}
            aria-describedby={props.passwordError ? `${id}-password-error` : `${id}-password-help`}
          />
          <FieldError id={`${id}-password-error`} message={props.passwordError} />
          <span id={`${id}-password-help`} className="adm-help">
            {t("users.passwordHelp")}
          </span>
        </label>
        <div className="adm-actions">
          <button type="submit" className="adm-button" disabled={props.busy}>
            {t("users.resetPassword")}
          </button>
        </div>
      </form>
    </div>
  );
}
