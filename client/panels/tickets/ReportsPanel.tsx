import "./base.css";
import "./tickets.css";
import { useTranslation } from "react-i18next";
import { CHANNEL_LABELS } from "../../../shared/domain.js";
import type { ReportView } from "../../../shared/tickets.js";
import { ChannelIcon } from "../ChannelIcon.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatIst, looksHindi } from "./format.js";

/** The reports a ticket was made from, verbatim, with channel, time and masked contact details. */
export function ReportsPanel({ reports }: { reports: readonly ReportView[] }) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  return (
    <section className="panel ops-panel reports" aria-labelledby="reports-title">
      <header className="panel__header">
        <h2 id="reports-title" className="panel__title">
          {t("reports.title", { n: formatCount(reports.length, lng) })}
        </h2>
      </header>
      {reports.length === 0 && <p className="ops-empty">{t("reports.empty")}</p>}
      <ol className="reports__list">
        {reports.map((r) => (
          <li key={r.id} className="report" data-report={r.id}>
            <p className="report__top">
              <span className="chip chip--channel" data-channel={r.channel}>
                <ChannelIcon channel={r.channel} />
                {CHANNEL_LABELS[r.channel][lng]}
              </span>
              <time dateTime={r.receivedAt}>{formatIst(r.receivedAt, lng)}</time>
            </p>
            <p className="report__text" lang={looksHindi(r.text) ? "hi" : "en"}>
              {r.text}
            </p>
            <dl className="report__meta">
              {r.phone && (
                <div>
                  <dt>{t("reports.phone")}</dt>
                  <dd className="mono">{r.phone}</dd>
                </div>
              )}
              {r.consumerAccount && (
                <div>
                  <dt>{t("reports.account")}</dt>
                  <dd className="mono">{r.consumerAccount}</dd>
                </div>
              )}
              {r.lat !== null && r.lon !== null && (
                <div>
                  <dt>{t("reports.location")}</dt>
                  <dd className="mono">
                    {r.lat.toFixed(4)}, {r.lon.toFixed(4)}
                  </dd>
                </div>
              )}
              {r.externalId && (
                <div>
                  <dt>{t("reports.externalId")}</dt>
                  <dd className="mono">{r.externalId}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
