import "./base.css";
import "./tickets.css";
import { useTranslation } from "react-i18next";
import type { OutboxMessageView } from "../../../shared/outbox.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatIst } from "./format.js";

const CHANNELS = ["whatsapp", "sms", "x", "facebook", "instagram", "email", "log"] as const;
const channelOf = (c: string) =>
  (CHANNELS as readonly string[]).includes(c) ? (c as (typeof CHANNELS)[number]) : "log";

/**
 * What Nigrani said to the consumer and the officers about this ticket, and how far each message
 * truly got: pending, sent, delivered, read, failed (with why), or not sent because no gateway is
 * configured. Never the text (the acknowledgement holds the closure OTP) and never the full number.
 */
export function MessagesPanel({ messages }: { messages: readonly OutboxMessageView[] }) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  return (
    <section className="panel ops-panel messages" aria-labelledby="messages-title">
      <header className="panel__header">
        <h2 id="messages-title" className="panel__title">
          {t("messages.title", { n: formatCount(messages.length, lng) })}
        </h2>
      </header>
      {messages.length === 0 && <p className="ops-empty">{t("messages.empty")}</p>}
      <ol className="messages__list">
        {messages.map((m) => (
          <li key={m.id} className="message" data-message-status={m.status}>
            <p className="message__top">
              <strong>{t(`messages.kind.${m.kind}`)}</strong>
              <span className={`chip message__status message__status--${m.status}`}>
                {t(`messages.status.${m.status}`)}
              </span>
            </p>
            <p className="message__meta">
              {t("messages.via", {
                channel: t(`messages.channel.${channelOf(m.channel)}`),
                to: m.to,
              })}
              {" · "}
              <time dateTime={m.updatedAt}>{formatIst(m.updatedAt, lng)}</time>
            </p>
            {m.reason && (m.status === "failed" || m.status === "not_sent") && (
              <p className="message__reason">{m.reason}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
