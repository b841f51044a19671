import type { TFunction } from "i18next";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORIES, CHANNEL_LABELS, SLA_LABELS } from "../../shared/domain.js";
import type { TicketSummary } from "../../shared/tickets.js";
import type { Language } from "../i18n/index.js";
import { formatAge, formatCount, placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import type { NetworkIndex } from "../live/network.js";
import type { FeedEntry } from "../live/state.js";
import { ChannelIcon } from "./ChannelIcon.js";
import { PanelState } from "./PanelState.js";

export interface FeedPanelProps {
  entries: readonly FeedEntry[];
  /** For feeder and district names; rows show without a place until it has loaded. */
  places: NetworkIndex | null;
  now: number;
  loading: boolean;
  error?: string | null;
  /**
   * Opens a ticket (the view navigates to /tickets/:number). Given: each row is a link to its
   * ticket; a plain click calls this instead of reloading the page.
   */
  onOpenTicket?: (number: string) => void;
  /** Reports that arrived faster than the feed lists them (counted, not shown). */
  skipped?: number;
}

/** The latest reports, newest first; a row that arrives while watching briefly lights up. */
export function FeedPanel(props: FeedPanelProps) {
  const { entries, places, now, loading, error, onOpenTicket, skipped = 0 } = props;
  const { t } = useTranslation();
  const lng = useLanguage();
  const empty = !loading && !error && entries.length === 0;
  return (
    <section className="panel feed" aria-labelledby="feed-title" aria-busy={loading}>
      <header className="panel__header">
        <h2 id="feed-title" className="panel__title">
          {t("feed.title")}
        </h2>
        <p className="panel__subtitle">{t("feed.subtitle")}</p>
        {skipped > 0 && (
          <p className="panel__subtitle feed__skipped">
            {t("feed.skipped", { n: formatCount(skipped, lng) })}
          </p>
        )}
      </header>
      <PanelState loading={loading && entries.length === 0} error={error} />
      {empty && <p className="feed__empty">{t("feed.empty")}</p>}
      <ol className="feed__list">
        {entries.map((e) => (
          <FeedRow
            key={e.key}
            ticket={e.ticket}
            at={e.at}
            fresh={e.fresh}
            place={placeOf(e.ticket, places, lng)}
            age={formatAge(now - Date.parse(e.at), lng)}
            lng={lng}
            t={t}
            onOpen={onOpenTicket}
          />
        ))}
      </ol>
    </section>
  );
}

/** "Feeder, District" in the chosen language; null while unknown. */
export function placeOf(
  t: TicketSummary,
  places: NetworkIndex | null,
  lng: Language,
): string | null {
  if (!places) return null;
  const feeder = t.feederId ? places.units.get(t.feederId) : undefined;
  const district = t.districtId ? places.districts.get(t.districtId) : undefined;
  const parts = [feeder && placeName(feeder, lng), district && placeName(district, lng)];
  const text = parts.filter(Boolean).join(", ");
  return text || null;
}

interface FeedRowProps {
  ticket: TicketSummary;
  at: string;
  fresh: boolean;
  place: string | null;
  age: string;
  lng: Language;
  /** The panel's: a useTranslation per row cost more than the rest of the row's render. */
  t: TFunction;
  onOpen?: (number: string) => void;
}

const FeedRow = memo(function FeedRow(props: FeedRowProps) {
  const { ticket, at, fresh, place, age, lng, t, onOpen } = props;
  const category = ticket.category ? CATEGORIES[ticket.category][lng] : null;
  const href = `/tickets/${encodeURIComponent(ticket.number)}`;
  const label = t("feed.ticket", { number: ticket.number });
  return (
    <li
      className={`feed-row${fresh ? " feed-row--fresh" : ""}${onOpen ? " feed-row--link" : ""}`}
      data-ticket={ticket.number}
    >
      <div className="feed-row__top">
        <span className="chip chip--channel" data-channel={ticket.channel}>
          <ChannelIcon channel={ticket.channel} />
          {CHANNEL_LABELS[ticket.channel][lng]}
        </span>
        {category ? (
          <span className="feed-row__category">{category}</span>
        ) : (
          <span className="chip chip--triage">{t("feed.needsTriage")}</span>
        )}
        <time className="feed-row__age" dateTime={at}>
          {age}
        </time>
      </div>
      <p className={`feed-row__place${place ? "" : " feed-row__place--unknown"}`}>
        {place ?? t("feed.unknownPlace")}
      </p>
      <p
        className="feed-row__excerpt"
        lang={/[\u0900-\u097F]/.test(ticket.excerpt) ? "hi" : undefined}
      >
        {ticket.excerpt}
      </p>
      <p className="feed-row__meta">
        {onOpen ? (
          <a
            className="feed-row__number feed-row__open"
            href={href}
            onClick={(e) => {
              // Let modified clicks open a new tab as links do.
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen(ticket.number);
            }}
          >
            {label}
          </a>
        ) : (
          <span className="feed-row__number">{label}</span>
        )}
        <span className={`feed-row__sla feed-row__sla--${ticket.slaState}`}>
          <span className={`sla-dot sla-dot--${ticket.slaState}`} aria-hidden="true" />
          {SLA_LABELS[ticket.slaState][lng]}
        </span>
        {ticket.reportCount > 1 && (
          <span> · {t("feed.reports", { n: formatCount(ticket.reportCount, lng) })}</span>
        )}
      </p>
    </li>
  );
});
