import "./base.css";
import "./triage.css";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CATEGORIES, CHANNEL_LABELS } from "../../../shared/domain.js";
import { ChannelIcon } from "../ChannelIcon.js";
import type { TicketListItem } from "../../api/types.js";
import { formatAge, formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { NetworkIndex } from "../../live/network.js";
import { formatIst, looksHindi } from "./format.js";

export interface TriageCardProps {
  ticket: TicketListItem;
  places: NetworkIndex | null;
  now: number;
  /** The quick actions (category choice, feeder search) for what is still missing. */
  children: ReactNode;
}

/** One ticket waiting for a person: its words, where it came from, and what the machine guessed. */
export function TriageCard({ ticket, places, now, children }: TriageCardProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const feeder = ticket.feederId ? places?.units.get(ticket.feederId) : undefined;
  // The place words often name the district even when no feeder matches: say what is known.
  const district = ticket.districtId ? places?.districts.get(ticket.districtId) : undefined;
  const confidence = typeof ticket.confidence === "number" ? ticket.confidence : null;
  const guess = ticket.suggestedCategory ?? null;
  const reason = ticket.queueReason ?? null;
  // Without a feeder the ticket waits at its district's control room, if the report named one.
  const waitsAtId = ticket.feederId === null && ticket.path.length > 1 ? ticket.path.at(-1) : null;
  const waitsAt = waitsAtId ? places?.units.get(waitsAtId) : undefined;
  return (
    <article
      className="triage-card"
      data-ticket={ticket.number}
      aria-labelledby={`triage-${ticket.number}`}
    >
      <header className="triage-card__head">
        <h2 id={`triage-${ticket.number}`} className="triage-card__number">
          <Link to={`/tickets/${encodeURIComponent(ticket.number)}`} className="ticket-number">
            {ticket.number}
          </Link>
        </h2>
        <span className="chip chip--channel" data-channel={ticket.channel}>
          <ChannelIcon channel={ticket.channel} />
          {CHANNEL_LABELS[ticket.channel][lng]}
        </span>
        <time
          className="muted"
          dateTime={ticket.createdAt}
          title={formatIst(ticket.createdAt, lng)}
        >
          {formatAge(now - Date.parse(ticket.createdAt), lng)}
        </time>
      </header>
      <blockquote className="triage-card__text" lang={looksHindi(ticket.excerpt) ? "hi" : "en"}>
        {ticket.excerpt}
      </blockquote>
      <ul className="triage-card__facts">
        {reason && (
          <li data-fact="reason">
            {t("triage.reason")}{" "}
            <span className="chip chip--reason" data-reason={reason}>
              {t(`triage.reasons.${reason}`)}
            </span>
          </li>
        )}
        <li>
          {t("triage.categoryNow")}{" "}
          {ticket.category ? (
            <strong>{CATEGORIES[ticket.category][lng]}</strong>
          ) : (
            <span className="chip chip--triage">{t("tickets.uncategorised")}</span>
          )}
        </li>
        <li>
          {t("triage.placeNow")}{" "}
          {feeder ? (
            <strong>{placeName(feeder, lng)}</strong>
          ) : ticket.feederId ? (
            <strong>{ticket.feederId}</strong>
          ) : district ? (
            <>
              <strong data-fact="district">
                {t("triage.districtOnly", { district: placeName(district, lng) })}
              </strong>{" "}
              <span className="chip chip--triage">{t("triage.feederUnknown")}</span>
            </>
          ) : (
            <span className="chip chip--triage">{t("tickets.unplaced")}</span>
          )}
        </li>
        {waitsAtId && (
          <li data-fact="waits-at">
            {t("triage.waitsAt")} <strong>{waitsAt ? placeName(waitsAt, lng) : waitsAtId}</strong>
          </li>
        )}
        {confidence !== null && (
          <li data-fact="confidence">
            {t("triage.confidence")}{" "}
            <strong>
              {formatCount(Math.round(confidence * 100), lng)}%
              {guess
                ? ` (${CATEGORIES[guess][lng]})`
                : ticket.category === null
                  ? ` (${t("triage.guessOther")})`
                  : ""}
            </strong>
          </li>
        )}
      </ul>
      <div className="triage-card__actions">{children}</div>
    </article>
  );
}
