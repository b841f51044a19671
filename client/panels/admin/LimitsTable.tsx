import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORIES } from "../../../shared/domain.js";
import { domainLabel } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { FieldError } from "./FieldError.js";
import { LIMIT_FIELDS, type LimitDraft, type LimitField } from "./settingsDraft.js";
import { VerifiedBadge } from "./VerifiedBadge.js";

export interface LimitsTableProps {
  limits: readonly LimitDraft[];
  /** Messages by field path ("slaLimits.2.urbanHours"), already in the current language. */
  errors: Readonly<Record<string, string>>;
  onChange(index: number, patch: Partial<LimitDraft>): void;
  disabled?: boolean;
}

/**
 * The regulator's limits per category, editable. Each row says in words whether its values were
 * verified; the source opens below the row (and shows on hovering the badge).
 */
export function LimitsTable({ limits, errors, onChange, disabled }: LimitsTableProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (c: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });
  const colLabel = (f: LimitField) => t(`settings.col.${f}`);
  return (
    <div className="adm-scroll">
      <table className="adm-table adm-table--cards adm-limits">
        <caption className="visually-hidden">{t("settings.limitsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("settings.col.category")}</th>
            {LIMIT_FIELDS.map((f) => (
              <th key={f} scope="col" className="num">
                {colLabel(f)}
              </th>
            ))}
            <th scope="col">{t("settings.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {limits.map((l, i) => {
            const category = domainLabel(CATEGORIES[l.category], lng);
            const expanded = open.has(l.category);
            const detailsId = `limit-source-${l.category}`;
            const sourcePath = `slaLimits.${i}.source`;
            return (
              <Fragment key={l.category}>
                <tr data-category={l.category} data-verified={l.verified}>
                  <th scope="row" className="adm-limits__category">
                    {category}
                  </th>
                  {LIMIT_FIELDS.map((f) => {
                    const path = `slaLimits.${i}.${f}`;
                    const err = errors[path];
                    return (
                      <td key={f} className="num" data-label={colLabel(f)}>
                        <input
                          className={`adm-input adm-input--num${err ? " adm-input--invalid" : ""}`}
                          inputMode="decimal"
                          value={l[f]}
                          disabled={disabled}
                          name={path}
                          aria-label={`${colLabel(f)}: ${category}`}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err ? `${path}-error` : undefined}
                          onChange={(e) => onChange(i, { [f]: e.target.value })}
                        />
                        <FieldError id={`${path}-error`} message={err} />
                      </td>
                    );
                  })}
                  <td data-label={t("settings.col.status")}>
                    <div className="adm-limits__status">
                      <VerifiedBadge verified={l.verified} source={l.source} />
                      <button
                        type="button"
                        className="adm-link-button"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={t("settings.showSource", { category })}
                        onClick={() => toggle(l.category)}
                      >
                        {t("settings.source")}{" "}
                        <span aria-hidden="true">{expanded ? "▴" : "▾"}</span>
                      </button>
                      {errors[sourcePath] && !expanded && (
                        <FieldError id={`${sourcePath}-summary`} message={errors[sourcePath]} />
                      )}
                    </div>
                  </td>
                </tr>
                {expanded && (
                  <tr id={detailsId} className="adm-limits__source">
                    <td colSpan={LIMIT_FIELDS.length + 2}>
                      <label className="adm-label" htmlFor={`${detailsId}-text`}>
                        {t("settings.sourceLabel")}
                      </label>
                      <textarea
                        id={`${detailsId}-text`}
                        className="adm-input adm-textarea"
                        rows={3}
                        maxLength={500}
                        value={l.source}
                        disabled={disabled}
                        aria-invalid={errors[sourcePath] ? true : undefined}
                        aria-describedby={errors[sourcePath] ? `${sourcePath}-error` : undefined}
                        onChange={(e) => onChange(i, { source: e.target.value })}
                      />
                      <FieldError id={`${sourcePath}-error`} message={errors[sourcePath]} />
                      <label className="adm-check">
                        <input
                          type="checkbox"
                          checked={l.verified}
                          disabled={disabled}
                          onChange={(e) => onChange(i, { verified: e.target.checked })}
                        />
                        {t("settings.markVerified")}
                      </label>
                    </td>
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
