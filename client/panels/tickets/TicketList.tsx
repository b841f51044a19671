import "./base.css";
import "./tickets.css";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CATEGORIES, CHANNEL_LABELS, STATUS_LABELS } from "../../../shared/domain.js";
import type { TicketSummary } from "../../../shared/tickets.js";
import { formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { NetworkIndex } from "../../live/network.js";
import { ChannelIcon } from "../ChannelIcon.js";
import { PanelState } from "../PanelState.js";
import { formatIst, looksHindi } from "./format.js";
import { SlaBadge } from "./SlaBadge.js";

export interface TicketListProps {
  title: string;
  /** Appended to each ticket's link (the call centre's `?phone=` of the caller). */
  linkQuery?: string;
  tickets: readonly TicketSummary[];
  total: number | null;
  /** For feeder names; rows show the feeder id until it has loaded. */
  places: NetworkIndex | null;
  loading: boolean;
  error?: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  /** Filters above the list (rendered inside the panel). */
  children?: ReactNode;
}

/** A unit's tickets: a table on wide screens, cards on phones; each number links to its page. */
export function TicketList(props: TicketListProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const { tickets, total, places, loading, error } = props;
  const empty = !loading && !error && tickets.length === 0;
  return (
    <section
      className="panel ops-panel ticket-list"
      aria-labelledby="tickets-title"
      aria-busy={loading}
    >
      <header className="panel__header">
        <h2 id="tickets-title" className="panel__title">
          {props.title}
        </h2>
        {total !== null && (
          <p className="panel__subtitle" aria-live="polite">
            {t("tickets.showing", {
              shown: formatCount(tickets.length, lng),
              total: formatCount(total, lng),
            })}
          </p>
        )}
      </header>
      {props.children}
      <PanelState loading={loading && tickets.length === 0} error={error} />
      {empty && <p className="ops-empty">{t("tickets.empty")}</p>}
      {tickets.length > 0 && (
        <div className="table-scroll">
          <table className="ops-table ticket-table">
            <caption className="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tickets.col.number")}</th>
                <th scope="col">{t("tickets.col.status")}</th>
                <th scope="col">{t("tickets.col.sla")}</th>
                <th scope="col">{t("tickets.col.category")}</th>
                <th scope="col">{t("tickets.col.place")}</th>
                <th scope="col">{t("tickets.col.received")}</th>
                <th scope="col">{t("tickets.col.text")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((tk) => {
                const feeder = tk.feederId ? places?.units.get(tk.feederId) : undefined;
                return (
                  <tr key={tk.number} data-ticket={tk.number}>
                    <th scope="row" data-label={t("tickets.col.number")}>
                      <Link
                        to={`/tickets/${encodeURIComponent(tk.number)}${props.linkQuery ?? ""}`}
                        className="ticket-number"
                      >
                        {tk.number}
                      </Link>
                    </th>
                    <td data-label={t("tickets.col.status")}>{STATUS_LABELS[tk.status][lng]}</td>
                    <td data-label={t("tickets.col.sla")}>
                      <SlaBadge state={tk.slaState} />
                    </td>
                    <td data-label={t("tickets.col.category")}>
                      {tk.category ? (
                        CATEGORIES[tk.category][lng]
                      ) : (
                        <span className="chip chip--triage">{t("tickets.uncategorised")}</span>
                      )}
                    </td>
                    <td data-label={t("tickets.col.place")}>
                      {feeder
                        ? placeName(feeder, lng)
                        : (tk.feederId ?? <em className="muted">{t("tickets.unplaced")}</em>)}
                    </td>
                    <td data-label={t("tickets.col.received")}>
                      <time dateTime={tk.createdAt}>{formatIst(tk.createdAt, lng)}</time>
                      <span className="muted ticket-table__channel">
                        <ChannelIcon channel={tk.channel} />
                        {CHANNEL_LABELS[tk.channel][lng]}
                      </span>
                    </td>
                    <td
                      data-label={t("tickets.col.text")}
                      className="ticket-table__text"
                      lang={looksHindi(tk.excerpt) ? "hi" : undefined}
                    >
                      {tk.excerpt}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.hasMore && (
        <div className="ticket-list__more">
          <button
            type="button"
            className="button"
            onClick={props.onLoadMore}
            disabled={props.loadingMore}
          >
            {props.loadingMore ? t("tickets.loadingMore") : t("tickets.loadMore")}
          </button>
        </div>
      )}
    </section>
  );
}
