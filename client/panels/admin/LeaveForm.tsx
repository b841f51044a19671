import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_TITLES } from "../../../shared/officers.js";
import type { OfficerWire } from "../../api/types.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { FieldError } from "./FieldError.js";
import { officerName } from "./officerList.js";

export interface LeaveFormProps {
  officer: OfficerWire;
  /** Officers who may stand in (same rank, same area, on duty); null while they load. */
  candidates: readonly OfficerWire[] | null;
  /** Name of the unit the candidates come from (the nearest one that has any). */
  areaName: string;
  loadError?: string | null;
  saveError?: string | null;
  busy: boolean;
  onConfirm(standInId: string): void;
  onCancel(): void;
}

/** Choose a stand-in and confirm the leave; the stand-in list is the view's to load. */
export function LeaveForm(props: LeaveFormProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const id = useId();
  const [standIn, setStandIn] = useState("");
  const name = officerName(props.officer, lng);
  const role = ROLE_TITLES[props.officer.role][lng];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (standIn) props.onConfirm(standIn);
  };
  const list = props.candidates;
  return (
    <form
      className="adm-leave"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-leave-for={props.officer.id}
    >
      <h3 id={`${id}-title`} className="adm-subtitle">
        {t("officers.leaveTitle", { name })}
      </h3>
      {list === null && !props.loadError && (
        <p className="adm-muted">{t("officers.loadingCandidates")}</p>
      )}
      <FieldError
        id={`${id}-load`}
        message={props.loadError ? t("common.error", { message: props.loadError }) : null}
      />
      {list !== null && list.length === 0 && (
        <p className="adm-empty">{t("officers.noCandidates", { role, area: props.areaName })}</p>
      )}
      {list !== null && list.length > 0 && (
        <div className="adm-field">
          <label htmlFor={`${id}-standin`} className="adm-label adm-label--strong">
            {t("officers.standInLabel")}
          </label>
          <select
            id={`${id}-standin`}
            className="adm-input adm-select"
            value={standIn}
            required
            autoFocus
            aria-describedby={`${id}-help`}
            onChange={(e) => setStandIn(e.target.value)}
            data-testid="stand-in"
          >
            <option value="">{t("officers.chooseStandIn")}</option>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {officerName(o, lng)} · {lng === "hi" ? o.designation_hi : o.designation}
              </option>
            ))}
          </select>
          <p id={`${id}-help`} className="adm-help">
            {t("officers.standInHelp", { area: props.areaName, name })}
          </p>
        </div>
      )}
      <FieldError
        id={`${id}-save`}
        message={props.saveError ? t("officers.refused", { message: props.saveError }) : null}
      />
      <div className="adm-actions">
        <button
          type="submit"
          className="adm-button adm-button--primary"
          disabled={props.busy || !standIn}
        >
          {props.busy ? t("officers.saving") : t("officers.confirmLeave")}
        </button>
        <button type="button" className="adm-button adm-button--quiet" onClick={props.onCancel}>
          {t("officers.cancel")}
        </button>
      </div>
    </form>
  );
}
