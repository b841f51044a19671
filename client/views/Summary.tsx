import "./summary.css";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLanguage } from "../i18n/useLanguage.js";
import { useConnection, useLiveUnit, useNow } from "../live/hooks.js";
import { SummaryTiles } from "../panels/tiles/SummaryTiles.js";
import { formatAge } from "../i18n/format.js";
import { formatIstTime } from "../stats/format.js";
import { REFRESH_MS, useSummary } from "../stats/hooks.js";

const hrefFor = (unitId: string) => `/units/${encodeURIComponent(unitId)}`;

/** /summary: the minister's screen of tiles for the network, each state and each discom. */
export default function Summary() {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  // Live only to know the numbers are current: summary-sized, never the control room's stream.
  useLiveUnit(undefined, "counts");
  const connection = useConnection();
  const summary = useSummary(connection.status === "live");
  const now = useNow(10_000);
  const navigate = useNavigate();
  const open = useCallback((unitId: string) => navigate(hrefFor(unitId)), [navigate]);
  const generated = summary.data ? Date.parse(summary.data.generatedAt) : null;
  return (
    <div className="summary-page">
      <header className="summary-page__header">
        <h1 className="summary-page__title">{t("summary.title")}</h1>
        <p className="summary-page__meta">
          {generated !== null
            ? t("summary.asOf", {
                time: formatIstTime(generated, lng),
                every: REFRESH_MS.summary / 1000,
              })
            : t("summary.loading")}
          {summary.status === "error" && summary.updatedAt !== null && (
            <span className="summary-page__stale" role="status">
              {" "}
              {t("summary.stale", { age: formatAge(now - summary.updatedAt, lng) })}
            </span>
          )}
        </p>
        <p className="summary-page__note">{t("summary.note")}</p>
      </header>
      <SummaryTiles
        tiles={summary.data?.tiles ?? null}
        loading={summary.status === "loading"}
        error={summary.status === "error" ? summary.error : null}
        hrefFor={hrefFor}
        onOpen={open}
      />
    </div>
  );
}
