import { useTranslation } from "react-i18next";
import { listOfficers } from "../api/endpoints.js";
import { useRemote } from "../api/useRemote.js";
import { placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { officerName } from "../panels/admin/officerList.js";
import { UnitPicker } from "../panels/admin/UnitPicker.js";
import { useUnitSearch } from "./adminHooks.js";

export interface OfficerChoice {
  id: string;
  unitId: string;
  unitLabel: string;
  name: string;
}

/**
 * The unit a user is bound to: a unit search; for the officer role, the officers of the unit
 * found, one of whom this sign-in is for (their unit becomes the user's unit).
 */
export function UnitChoice(props: {
  officer: boolean;
  unitId: string;
  unitLabel: string;
  officerId: string;
  invalid: boolean;
  onUnit(unitId: string, unitLabel: string): void;
  onOfficer(officer: OfficerChoice): void;
}) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  const search = useUnitSearch();
  const officers = useRemote(
    props.officer && props.unitId ? `officers:${props.unitId}` : null,
    (signal) => listOfficers(props.unitId, signal),
  );
  const list = officers.data?.officers ?? [];
  return (
    <div className={`acc-unit${props.invalid ? " acc-unit--invalid" : ""}`}>
      <UnitPicker
        label={t("users.unit")}
        query={search.query}
        onQuery={search.setQuery}
        hits={search.hits}
        status={search.status}
        error={search.error}
        onPick={(hit) => {
          search.setQuery("");
          props.onUnit(hit.id, placeName(hit, lng));
        }}
      />
      <p className="adm-help acc-unit__current">
        {props.unitId
          ? t("users.unitCurrent", { unit: props.unitLabel || props.unitId })
          : t("common.noUnit")}
      </p>
      {props.officer && props.unitId && (
        <label className="adm-field">
          <span className="adm-label">{t("users.officerPick")}</span>
          {officers.status === "loading" && list.length === 0 ? (
            <span className="adm-help">{t("users.officerLoading")}</span>
          ) : list.length === 0 ? (
            <span className="adm-help">{t("users.officerNone")}</span>
          ) : (
            <select
              className="adm-input adm-select"
              name="officerId"
              value={props.officerId}
              onChange={(e) => {
                const o = list.find((x) => x.id === e.target.value);
                if (!o) return;
                props.onOfficer({
                  id: o.id,
                  unitId: o.unit_id,
                  unitLabel: `${lng === "hi" ? o.designation_hi : o.designation}`,
                  name: officerName(o, lng),
                });
              }}
            >
              <option value="">{t("users.officerPick")}</option>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {officerName(o, lng)} · {lng === "hi" ? o.designation_hi : o.designation}
                </option>
              ))}
            </select>
          )}
          <span className="adm-help">{t("users.officerHelp")}</span>
        </label>
      )}
    </div>
  );
}
