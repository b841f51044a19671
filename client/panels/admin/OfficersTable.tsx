import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OfficerWire } from "../../api/types.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { FieldError } from "./FieldError.js";
import { isOnLeave, officerName } from "./officerList.js";
import { PublishToggle } from "./PublishToggle.js";
import { roleLabel } from "./RoleSelect.js";

export interface OfficersTableProps {
  officers: readonly OfficerWire[];
  /** The name of a stand-in by id, when known (they may head a unit outside this list). */
  nameOf(id: string): { name: string; name_hi: string } | null;
  /** The officer whose leave form is open, and that form. */
  leaveFor: string | null;
  leaveForm: ReactNode;
  /** Officer being saved ("back from leave"), and refusals by officer id. */
  busyId: string | null;
  errors: Readonly<Record<string, string>>;
  onMarkLeave(officer: OfficerWire): void;
  onBack(officer: OfficerWire): void;
  /** Officers whose number the public "who to call" page shows; absent: no such column control. */
  published?: ReadonlySet<string>;
  onPublish?(officer: OfficerWire, isPublic: boolean): void;
}

/** The officers of a unit with their status in words and a symbol, and the leave actions. */
export function OfficersTable(props: OfficersTableProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const col = {
    nameHi: t("officers.col.nameHi"),
    designation: t("officers.col.designation"),
    role: t("officers.col.role"),
    phone: t("officers.col.phone"),
    status: t("officers.col.status"),
    action: t("officers.col.action"),
  };
  return (
    <div className="adm-scroll">
      <table className="adm-table adm-table--cards adm-officers">
        <caption className="visually-hidden">{t("officers.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("officers.col.name")}</th>
            <th scope="col">{col.nameHi}</th>
            <th scope="col">{col.designation}</th>
            <th scope="col">{col.role}</th>
            <th scope="col">{col.phone}</th>
            <th scope="col">{col.status}</th>
            <th scope="col">{col.action}</th>
          </tr>
        </thead>
        <tbody>
          {props.officers.map((o) => {
            const leave = isOnLeave(o);
            const standIn = o.stand_in_id ? props.nameOf(o.stand_in_id) : null;
            const name = officerName(o, lng);
            const busy = props.busyId === o.id;
            return (
              <Fragment key={o.id}>
                <tr
                  data-officer={o.id}
                  data-on-leave={leave}
                  className={leave ? "adm-officer--leave" : undefined}
                >
                  <th scope="row" className="adm-officers__name" lang="en">
                    {o.name}
                  </th>
                  <td data-label={col.nameHi} lang="hi">
                    {o.name_hi}
                  </td>
                  <td data-label={col.designation}>
                    {lng === "hi" ? o.designation_hi : o.designation}
                  </td>
                  <td data-label={col.role}>{roleLabel(o.role, lng)}</td>
                  <td data-label={col.phone}>
                    <a href={`tel:${o.phone}`} className="adm-phone">
                      {o.phone}
                    </a>
                    {props.published && props.onPublish && (
                      <PublishToggle
                        officer={o}
                        name={name}
                        checked={props.published.has(o.id)}
                        disabled={busy}
                        onChange={props.onPublish}
                      />
                    )}
                  </td>
                  <td data-label={col.status}>
                    <span
                      className={`adm-status ${leave ? "adm-status--leave" : "adm-status--duty"}`}
                    >
                      <span aria-hidden="true">{leave ? "⏸ " : "● "}</span>
                      {leave ? t("officers.onLeave") : t("officers.onDuty")}
                    </span>
                    {leave && o.stand_in_id && (
                      <span className="adm-standin" data-stand-in={o.stand_in_id}>
                        {t("officers.standIn", {
                          name: standIn ? officerName(standIn, lng) : o.stand_in_id,
                        })}
                      </span>
                    )}
                  </td>
                  <td data-label={col.action}>
                    {leave ? (
                      <button
                        type="button"
                        className="adm-button"
                        disabled={busy}
                        aria-label={t("officers.backFromLeaveFor", { name })}
                        onClick={() => props.onBack(o)}
                      >
                        {busy ? t("officers.saving") : t("officers.backFromLeave")}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="adm-button"
                        aria-expanded={props.leaveFor === o.id}
                        aria-label={t("officers.markLeaveFor", { name })}
                        onClick={() => props.onMarkLeave(o)}
                      >
                        {t("officers.markLeave")}
                      </button>
                    )}
                    <FieldError
                      id={`officer-${o.id}-error`}
                      message={props.leaveFor === o.id ? null : props.errors[o.id]}
                    />
                  </td>
                </tr>
                {props.leaveFor === o.id && (
                  <tr className="adm-officers__form">
                    <td colSpan={7}>{props.leaveForm}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
