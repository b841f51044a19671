import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { UserView } from "../../../shared/access.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatWhen } from "./format.js";
import { roleName } from "./roles.js";

export interface UsersTableProps {
  users: readonly UserView[];
  /** The signed-in admin, who may not disable themselves. */
  selfId: number | null;
  busyId: number | null;
  editingId: number | null;
  /** The edit panel, shown under the user being edited. */
  editor: ReactNode;
  errors: Readonly<Record<number, string>>;
  onEdit(user: UserView): void;
  onToggleDisabled(user: UserView): void;
}

/** Every user with role, unit, status and last sign-in; a row opens its editor beneath it. */
export function UsersTable(props: UsersTableProps) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  return (
    <div className="adm-scroll">
      <table className="adm-table adm-table--cards acc-users">
        <thead>
          <tr>
            <th scope="col">{t("users.username")}</th>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.unit")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.lastSignIn")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <UserRow key={u.id} user={u} {...props} lng={lng} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow(props: UsersTableProps & { user: UserView; lng: "en" | "hi" }) {
  const { t } = useTranslation("access");
  const { user: u } = props;
  const busy = props.busyId === u.id;
  const self = props.selfId === u.id;
  return (
    <>
      <tr className={u.disabled ? "acc-row--disabled" : undefined}>
        <th scope="row">
          <code>{u.username}</code>
          {self && <span className="adm-muted"> ({t("users.you")})</span>}
        </th>
        <td data-label={t("users.name")}>{u.name}</td>
        <td data-label={t("users.role")}>{roleName(u.role, t)}</td>
        <td data-label={t("users.unit")}>{u.unitName || u.unitId}</td>
        <td data-label={t("users.status")}>
          <span className={`acc-status acc-status--${u.disabled ? "disabled" : "active"}`}>
            {u.disabled ? t("users.disabled") : t("users.active")}
          </span>
        </td>
        <td data-label={t("users.lastSignIn")}>
          {u.lastSignInAt ? formatWhen(u.lastSignInAt, props.lng) : t("common.never")}
        </td>
        <td data-label={t("users.actions")}>
          <div className="acc-row-actions">
            <button
              type="button"
              className="adm-button"
              aria-expanded={props.editingId === u.id}
              aria-label={`${t("users.edit")}: ${u.username}`}
              onClick={() => props.onEdit(u)}
            >
              {t("users.edit")}
            </button>
            {!self && (
              <button
                type="button"
                className="adm-button adm-button--quiet"
                disabled={busy}
                aria-label={`${u.disabled ? t("users.enable") : t("users.disable")}: ${u.username}`}
                onClick={() => props.onToggleDisabled(u)}
              >
                {u.disabled ? t("users.enable") : t("users.disable")}
              </button>
            )}
          </div>
          {props.errors[u.id] && (
            <span className="adm-field-error" role="alert">
              {props.errors[u.id]}
            </span>
          )}
        </td>
      </tr>
      {props.editingId === u.id && (
        <tr className="acc-editor-row">
          <td colSpan={7}>{props.editor}</td>
        </tr>
      )}
    </>
  );
}
