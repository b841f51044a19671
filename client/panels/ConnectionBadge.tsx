import "./panels.css";
import { useTranslation } from "react-i18next";
import type { ConnectionStatus } from "../live/connection.js";
import { formatAge } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";

export interface ConnectionBadgeProps {
  status: ConnectionStatus;
  /** Wall-clock ms of the last update, or null before any data arrived. */
  updatedAt: number | null;
  now: number;
  /** Why the connection failed, shown as a tooltip. */
  error?: string | null;
}

/** Live / reconnecting / offline, with the age of the data; anything but live says it is stale. */
export function ConnectionBadge({ status, updatedAt, now, error }: ConnectionBadgeProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  let age = t("connection.noData");
  if (updatedAt !== null) {
    const when = formatAge(now - updatedAt, lng);
    age =
      status === "live"
        ? t("connection.updated", { age: when })
        : t("connection.stale", { age: when });
  }
  const stale = status !== "live" && updatedAt !== null;
  return (
    <div
      className={`badge badge--${status}${stale ? " badge--stale" : ""}`}
      title={error ?? undefined}
      data-status={status}
    >
      <span className="badge__dot" aria-hidden="true" />
      <span className="badge__status" role="status">
        <span className="visually-hidden">{t("connection.label")}: </span>
        {t(`connection.${status}`)}
      </span>
      <span className="badge__age">{age}</span>
    </div>
  );
}
