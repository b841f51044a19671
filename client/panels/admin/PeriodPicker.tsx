import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatDay } from "./format.js";
import {
  PERIOD_PRESETS,
  periodDays,
  type Period,
  type PeriodPreset,
  type PeriodProblem,
} from "./period.js";

export interface PeriodPickerProps {
  period: Period;
  problem: PeriodProblem | null;
  onPreset(days: PeriodPreset): void;
  onCustom(from: string, to: string): void;
}

/** Last 7 / 30 / 90 days as toggle buttons, or two dates; the chosen range is spelled out below. */
export function PeriodPicker({ period, problem, onPreset, onCustom }: PeriodPickerProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [custom, setCustom] = useState(period.preset === null);
  // Follow the address when it changes (a shared link, the back button) without an effect.
  const [seen, setSeen] = useState(`${period.from}/${period.to}`);
  if (seen !== `${period.from}/${period.to}`) {
    setSeen(`${period.from}/${period.to}`);
    setFrom(period.from);
    setTo(period.to);
    if (period.preset === null) setCustom(true);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCustom(from, to);
  };
  const label = (d: PeriodPreset) =>
    d === 7 ? t("scorecards.last7") : d === 30 ? t("scorecards.last30") : t("scorecards.last90");
  return (
    <fieldset className="adm-period">
      <legend className="adm-label adm-label--strong">{t("scorecards.period")}</legend>
      <div className="adm-period__presets">
        {PERIOD_PRESETS.map((d) => (
          <button
            key={d}
            type="button"
            className="adm-toggle"
            aria-pressed={!custom && period.preset === d}
            onClick={() => {
              setCustom(false);
              onPreset(d);
            }}
            data-preset={d}
          >
            {label(d)}
          </button>
        ))}
        <button
          type="button"
          className="adm-toggle"
          aria-pressed={custom}
          onClick={() => setCustom(true)}
        >
          {t("scorecards.custom")}
        </button>
      </div>
      {custom && (
        <form className="adm-period__custom" onSubmit={submit}>
          <label className="adm-period__date">
            <span className="adm-label">{t("scorecards.from")}</span>
            <input
              type="date"
              className="adm-input"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
          </label>
          <label className="adm-period__date">
            <span className="adm-label">{t("scorecards.to")}</span>
            <input
              type="date"
              className="adm-input"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
              required
            />
          </label>
          <button type="submit" className="adm-button">
            {t("scorecards.show")}
          </button>
        </form>
      )}
      {problem ? (
        <p className="adm-field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(`scorecards.${problem}`)}
        </p>
      ) : (
        <p className="adm-muted adm-period__range" data-testid="period-range">
          {t("scorecards.range", {
            from: formatDay(period.from, lng),
            to: formatDay(period.to, lng),
            days: periodDays(period),
          })}
        </p>
      )}
    </fieldset>
  );
}
