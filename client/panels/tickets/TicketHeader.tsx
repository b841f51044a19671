import "./base.css";
import "./tickets.css";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CATEGORIES, CHANNEL_LABELS, STATUS_LABELS } from "../../../shared/domain.js";
import { ROLE_TITLES } from "../../../shared/officers.js";
import { ChannelIcon } from "../ChannelIcon.js";
import type { TicketDetail, UnitCrumb } from "../../api/types.js";
import { formatAge, formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { Breadcrumbs } from "../units/Breadcrumbs.js";
import { formatIst, formatRupees } from "./format.js";
import { SlaBadge } from "./SlaBadge.js";

export interface TicketHeaderProps {
  detail: TicketDetail;
  /** The ticket's place from the state down to its feeder (empty while it needs placing). */
  crumbs: readonly UnitCrumb[];
  now: number;
}

/** Number, status, SLA, category, channel, place, due time, compensation, escalation, assignee. */
export function TicketHeader({ detail, crumbs, now }: TicketHeaderProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const tk = detail.ticket;
  const a = detail.assignee ?? null;
  const due = tk.dueAt ? Date.parse(tk.dueAt) : null;
  const comp = detail.compensation;
  return (
    <header className="ticket-header panel ops-panel">
      <div className="ticket-header__title">
        <h1>
          {t("ticket.title")} <span className="ticket-number">{tk.number}</span>
        </h1>
        <div className="ticket-header__chips">
          <span className={`chip chip--status chip--status-${tk.status}`} data-status={tk.status}>
            {STATUS_LABELS[tk.status][lng]}
          </span>
          <SlaBadge state={tk.slaState} />
          {tk.category ? (
            <span className="chip">{CATEGORIES[tk.category][lng]}</span>
          ) : (
            <span className="chip chip--triage">{t("tickets.uncategorised")}</span>
          )}
          {tk.needsTriage && <span className="chip chip--triage">{t("ticket.needsTriage")}</span>}
          <span className="chip chip--channel" data-channel={tk.channel}>
            <ChannelIcon channel={tk.channel} />
            {CHANNEL_LABELS[tk.channel][lng]}
          </span>
        </div>
      </div>
      <dl className="facts">
        <div className="facts__item facts__item--wide">
          <dt>{t("ticket.place")}</dt>
          <dd>
            {crumbs.length > 0 ? (
              <Breadcrumbs crumbs={crumbs} linkLast label={t("ticket.place")} />
            ) : (
              <em className="muted">{t("tickets.unplaced")}</em>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("ticket.received")}</dt>
          <dd>
            <time dateTime={tk.createdAt}>{formatIst(tk.createdAt, lng)}</time>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("ticket.due")}</dt>
          <dd>
            {due === null || !tk.dueAt ? (
              <em className="muted">{t("ticket.noDue")}</em>
            ) : (
              <>
                <time dateTime={tk.dueAt}>{formatIst(tk.dueAt, lng)}</time>
                {due < now && tk.status !== "closed" && tk.status !== "merged" && (
                  <span className="overdue">
                    {" "}
                    · {t("ticket.overdue", { age: formatAge(now - due, lng) })}
                  </span>
                )}
              </>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("ticket.compensation")}</dt>
          <dd data-fact="compensation">
            {comp ? formatRupees(comp.amount, lng) : "–"}
            {comp && comp.daysLate > 0 && (
              <span className="muted">
                {" "}
                · {t("ticket.daysLate", { n: formatCount(comp.daysLate, lng) })}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("ticket.escalation")}</dt>
          <dd data-fact="escalation">
            {tk.escalationLevel === 0
              ? t("ticket.notEscalated")
              : t("ticket.level", { n: formatCount(tk.escalationLevel, lng) })}
          </dd>
        </div>
        <div className="facts__item facts__item--wide">
          <dt>{t("ticket.assignee")}</dt>
          <dd data-fact="assignee">
            {a ? (
              <>
                <strong>{lng === "hi" ? a.nameHi || a.name : a.name}</strong>
                {" · "}
                {lng === "hi" ? a.designationHi || a.designation : a.designation}
                {a.role in ROLE_TITLES && (
                  <span className="muted"> ({ROLE_TITLES[a.role].short})</span>
                )}
                {" · "}
                <a href={`tel:${a.phone}`} className="mono">
                  {a.phone}
                </a>
              </>
            ) : (
              <em className="muted">{t("ticket.unassigned")}</em>
            )}
          </dd>
        </div>
        {detail.incident && (
          <div className="facts__item">
            <dt>{t("ticket.incident")}</dt>
            <dd>
              <Link to={`/units/${encodeURIComponent(detail.incident.feederId)}`}>
                {t("ticket.incidentLink", { n: formatCount(detail.incident.ticketCount, lng) })}
              </Link>
            </dd>
          </div>
        )}
        {detail.mergedInto && (
          <div className="facts__item">
            <dt>{t("ticket.mergedInto")}</dt>
            <dd>
              <Link
                to={`/tickets/${encodeURIComponent(detail.mergedInto)}`}
                className="ticket-number"
              >
                {detail.mergedInto}
              </Link>
            </dd>
          </div>
        )}
        {detail.closure && (
          <div className="facts__item">
            <dt>{t("ticket.closure")}</dt>
            <dd>
              {t(`closure.${detail.closure}` as "closure.confirmed_otp", {
                defaultValue: detail.closure,
              })}
            </dd>
          </div>
        )}
        {detail.resolutionNote && (
          <div className="facts__item facts__item--wide">
            <dt>{t("ticket.resolutionNote")}</dt>
            <dd>{detail.resolutionNote}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}
