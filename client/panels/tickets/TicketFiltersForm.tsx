import "./base.css";
import "./tickets.css";
import { useTranslation } from "react-i18next";
import {
  CATEGORIES,
  CATEGORY_IDS,
  CHANNEL_LABELS,
  CHANNELS,
  SLA_LABELS,
  SLA_STATES,
  STATUS_LABELS,
  STATUSES,
} from "../../../shared/domain.js";
import type { TicketFilters } from "../../api/types.js";
import { useLanguage } from "../../i18n/useLanguage.js";

export interface TicketFiltersFormProps {
  filters: TicketFilters;
  onChange(next: TicketFilters): void;
}

/**
 * Category, status, SLA, channel and text search. Choices apply at once; the search applies on
 * Enter or the button, so typing does not reload the list on every key.
 */
export function TicketFiltersForm({ filters, onChange }: TicketFiltersFormProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const set = <K extends keyof TicketFilters>(key: K, value: TicketFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const active =
    filters.category || filters.status || filters.sla || filters.channel || filters.q.trim();
  return (
    <form
      className="filters"
      role="search"
      aria-label={t("filters.label")}
      onSubmit={(e) => {
        e.preventDefault();
        const q = new FormData(e.currentTarget).get("q");
        set("q", typeof q === "string" ? q : "");
      }}
    >
      <label className="field">
        <span className="field__label">{t("filters.category")}</span>
        <select
          value={filters.category}
          onChange={(e) => set("category", e.target.value as TicketFilters["category"])}
        >
          <option value="">{t("filters.anyCategory")}</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {CATEGORIES[c][lng]}
            </option>
          ))}
          <option value="uncategorised">{t("tickets.uncategorised")}</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("filters.status")}</span>
        <select
          value={filters.status}
          onChange={(e) => set("status", e.target.value as TicketFilters["status"])}
        >
          <option value="">{t("filters.anyOpen")}</option>
          <option value="all">{t("filters.allStatuses")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s][lng]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("filters.sla")}</span>
        <select
          value={filters.sla}
          onChange={(e) => set("sla", e.target.value as TicketFilters["sla"])}
        >
          <option value="">{t("filters.anySla")}</option>
          {SLA_STATES.map((s) => (
            <option key={s} value={s}>
              {SLA_LABELS[s][lng]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("filters.channel")}</span>
        <select
          value={filters.channel}
          onChange={(e) => set("channel", e.target.value as TicketFilters["channel"])}
        >
          <option value="">{t("filters.anyChannel")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c][lng]}
            </option>
          ))}
        </select>
      </label>
      <div className="field field--grow">
        <label className="field__label" htmlFor="ticket-search">
          {t("filters.search")}
        </label>
        <div className="field__row">
          <input
            id="ticket-search"
            key={filters.q}
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("filters.searchPlaceholder")}
            maxLength={200}
          />
          <button type="submit" className="button">
            {t("filters.apply")}
          </button>
        </div>
      </div>
      {active && (
        <button
          type="button"
          className="button button--quiet filters__clear"
          onClick={() => onChange({ category: "", status: "", sla: "", channel: "", q: "" })}
        >
          {t("filters.clear")}
        </button>
      )}
    </form>
  );
}
