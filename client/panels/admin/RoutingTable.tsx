import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";
import type { OfficerRole } from "../../../shared/officers.js";
import { domainLabel, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { FieldError } from "./FieldError.js";
import { RoleSelect } from "./RoleSelect.js";
import type { OverrideDraft } from "./settingsDraft.js";

export interface RoutingTableProps {
  general: Readonly<Record<CategoryId, OfficerRole>>;
  overrides: readonly OverrideDraft[];
  /** Names of the units the overrides name, when known. */
  unitNames: Readonly<Record<string, { name: string; nameHi: string }>>;
  /** Messages by override index (already in the current language). */
  overrideErrors: Readonly<Record<number, string>>;
  /** A message about the overrides as a whole (the server's "unknown unit"). */
  routingError?: string | null;
  onGeneral(category: CategoryId, role: OfficerRole): void;
  onOverride(index: number, patch: Partial<OverrideDraft>): void;
  onAdd(): void;
  onRemove(index: number): void;
  /** Index of the override whose unit is being chosen, and the picker the view renders for it. */
  picking: number | null;
  picker: ReactNode;
  onPick(index: number): void;
  disabled?: boolean;
}

/** Category → rank, then the unit exceptions, each with a unit, category, rank and a remove button. */
export function RoutingTable(props: RoutingTableProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const categorySelect = (o: OverrideDraft, i: number) => (
    <select
      className="adm-input adm-select"
      value={o.category}
      aria-label={t("settings.categoryFor", { n: i + 1 })}
      disabled={props.disabled}
      onChange={(e) => {
        const c = CATEGORY_IDS.find((x) => x === e.target.value);
        if (c) props.onOverride(i, { category: c });
      }}
    >
      {CATEGORY_IDS.map((c) => (
        <option key={c} value={c}>
          {domainLabel(CATEGORIES[c], lng)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <div className="adm-scroll">
        <table className="adm-table adm-table--cards adm-routing">
          <caption className="visually-hidden">{t("settings.routingTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settings.routingCol.category")}</th>
              <th scope="col">{t("settings.routingCol.wing")}</th>
              <th scope="col">{t("settings.routingCol.role")}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORY_IDS.map((c) => {
              const label = domainLabel(CATEGORIES[c], lng);
              return (
                <tr key={c} data-category={c}>
                  <th scope="row">{label}</th>
                  <td data-label={t("settings.routingCol.wing")}>
                    {t(`settings.wing.${CATEGORIES[c].wing}`)}
                  </td>
                  <td data-label={t("settings.routingCol.role")}>
                    <RoleSelect
                      value={props.general[c]}
                      label={t("settings.roleFor", { category: label })}
                      disabled={props.disabled}
                      onChange={(r) => props.onGeneral(c, r)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3 className="adm-subtitle">{t("settings.overridesTitle")}</h3>
      <p className="adm-help">{t("settings.overridesIntro")}</p>
      <FieldError id="routing-error" message={props.routingError} />
      {props.overrides.length === 0 ? (
        <p className="adm-empty">{t("settings.overridesEmpty")}</p>
      ) : (
        <ul className="adm-overrides">
          {props.overrides.map((o, i) => {
            const unit = props.unitNames[o.unitId];
            const err = props.overrideErrors[i];
            return (
              <li key={o.key} className="adm-override" data-override={i}>
                <div className="adm-override__unit">
                  <span className="adm-label">{t("settings.overrideCol.unit")}</span>
                  {o.unitId ? (
                    <span className="adm-override__name" data-unit={o.unitId}>
                      {unit ? placeName(unit, lng) : o.unitId}
                    </span>
                  ) : (
                    <span className="adm-muted">{t("settings.chooseUnit")}</span>
                  )}
                  {props.picking !== i && (
                    <button
                      type="button"
                      className="adm-link-button"
                      disabled={props.disabled}
                      aria-label={t("settings.unitFor", { n: i + 1 })}
                      aria-describedby={err ? `override-${i}-error` : undefined}
                      data-invalid={err ? true : undefined}
                      onClick={() => props.onPick(i)}
                    >
                      {o.unitId ? t("settings.changeUnit") : t("settings.chooseUnit")}
                    </button>
                  )}
                  <FieldError id={`override-${i}-error`} message={err} />
                </div>
                <label className="adm-override__field">
                  <span className="adm-label">{t("settings.overrideCol.category")}</span>
                  {categorySelect(o, i)}
                </label>
                <label className="adm-override__field">
                  <span className="adm-label">{t("settings.overrideCol.role")}</span>
                  <RoleSelect
                    value={o.role}
                    label={t("settings.overrideCol.role")}
                    disabled={props.disabled}
                    onChange={(r) => props.onOverride(i, { role: r })}
                  />
                </label>
                <button
                  type="button"
                  className="adm-button adm-button--quiet adm-override__remove"
                  disabled={props.disabled}
                  onClick={() => props.onRemove(i)}
                >
                  <span aria-hidden="true">✕ </span>
                  {t("settings.removeOverride")}
                </button>
                {props.picking === i && <div className="adm-override__picker">{props.picker}</div>}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="adm-button" disabled={props.disabled} onClick={props.onAdd}>
        <span aria-hidden="true">+ </span>
        {t("settings.addOverride")}
      </button>
    </>
  );
}
