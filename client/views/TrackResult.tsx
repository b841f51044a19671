import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  CATEGORIES,
  CHANNEL_LABELS,
  SLA_LABELS,
  STATUS_LABELS,
  type Channel,
  type Status,
} from "../../shared/domain.js";
import type { Language } from "../i18n/index.js";
import { numberLocale } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { TrackProblem } from "./TrackProblem.js";
import { OTP, sendFeedback, TrackError, type PublicEvent, type PublicTicket } from "./TrackApi.js";

export interface TrackResultProps {
  ticket: PublicTicket;
  /** The token of the link the consumer opened, if they came that way (then no code is asked). */
  token: string | null;
  onUpdate: (ticket: PublicTicket) => void;
}

/** The ticket's status, its timeline in the reader's language, and the feedback form. */
export function TrackResult({ ticket, token, onUpdate }: TrackResultProps) {
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  // The consumer's answer outlives the form (the ticket stops awaiting feedback once answered).
  const [answer, setAnswer] = useState<boolean | null>(null);
  const place = [ticket.place.feeder?.[lng], ticket.place.district?.[lng]]
    .filter(Boolean)
    .join(", ");
  const closed = ticket.status === "closed" || ticket.status === "merged";
  return (
    <section
      className="track-result"
      aria-labelledby="track-result-title"
      data-status={ticket.status}
    >
      <h2 id="track-result-title" className="track-result__title">
        {t("track.ticket", { number: ticket.number })}
      </h2>
      <p className={`track-status track-status--${ticket.status}`} data-testid="track-status">
        {STATUS_LABELS[ticket.status][lng]}
      </p>
      <dl className="track-facts">
        <div>
          <dt>{t("track.category")}</dt>
          <dd>{ticket.category ? CATEGORIES[ticket.category][lng] : t("track.categoryPending")}</dd>
        </div>
        <div>
          <dt>{t("track.place")}</dt>
          <dd>{place || t("track.placePending")}</dd>
        </div>
        <div>
          <dt>{t("track.filed")}</dt>
          <dd>{formatWhen(ticket.createdAt, lng)}</dd>
        </div>
        {ticket.dueAt && !closed && (
          <div>
            <dt>{t("track.due")}</dt>
            <dd>
              {formatWhen(ticket.dueAt, lng)}
              {ticket.slaState === "breached" && (
                <span className="track-late"> · {SLA_LABELS.breached[lng]}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {answer !== null && (
        <p className="track-thanks" role="status">
          {answer ? t("track.thanksClosed") : t("track.thanksReopened")}
        </p>
      )}
      {answer === null && ticket.awaitingFeedback && (
        <FeedbackForm
          number={ticket.number}
          token={token}
          onDone={(resolved, updated) => {
            setAnswer(resolved);
            onUpdate(updated);
          }}
        />
      )}
      <h3 className="track-result__subtitle">{t("track.timeline")}</h3>
      <ol className="track-timeline">
        {ticket.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`} className={`track-event track-event--${e.type}`}>
            <time dateTime={e.at}>{formatWhen(e.at, lng)}</time>
            <span>{describeEvent(e, lng, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

type T = ReturnType<typeof useTranslation<"screens">>["t"];

interface OfficerData {
  name?: string;
  nameHi?: string;
  designation?: string;
  designationHi?: string;
}

function officerName(o: unknown, lng: Language): string | null {
  if (!o || typeof o !== "object") return null;
  const v = o as OfficerData;
  const name = lng === "hi" ? v.nameHi || v.name : v.name;
  const role = lng === "hi" ? v.designationHi || v.designation : v.designation;
  if (!name) return null;
  return role ? `${name} (${role})` : name;
}

/** One timeline line in the reader's language. */
export function describeEvent(e: PublicEvent, lng: Language, t: T): string {
  const d = e.data;
  switch (e.type) {
    case "created": {
      const channel = d.channel as Channel | undefined;
      const label = channel && CHANNEL_LABELS[channel] ? CHANNEL_LABELS[channel][lng] : null;
      return label ? t("track.event.createdVia", { channel: label }) : t("track.event.created");
    }
    case "categorised":
      return t("track.event.categorised");
    case "located":
      return t("track.event.located");
    case "assigned": {
      const who = officerName(d.officer, lng);
      return who ? t("track.event.assignedTo", { officer: who }) : t("track.event.assigned");
    }
    case "escalated": {
      const who = officerName(d.officer, lng);
      return who ? t("track.event.escalatedTo", { officer: who }) : t("track.event.escalated");
    }
    case "status_changed": {
      const to = d.to as Status;
      if (to === "in_progress") return t("track.event.started");
      if (to === "resolved")
        return d.note
          ? t("track.event.resolvedNote", { note: String(d.note) })
          : t("track.event.resolved");
      if (to === "reopened") return t("track.event.reopened");
      if (to === "closed") {
        if (d.closure === "confirmed_otp") return t("track.event.closedOtp");
        if (d.closure === "unconfirmed") return t("track.event.closedUnconfirmed");
        return t("track.event.closedConfirmed");
      }
      return t("track.event.status", { status: STATUS_LABELS[to]?.[lng] ?? String(to) });
    }
    case "feedback": {
      const base = d.resolved ? t("track.event.feedbackYes") : t("track.event.feedbackNo");
      return typeof d.rating === "number"
        ? `${base} ${t("track.event.rating", { n: d.rating })}`
        : base;
    }
    case "merged":
      return t("track.event.merged", { into: String(d.into ?? "") });
    default:
      return t("track.event.other");
  }
}

const whenFormats = new Map<Language, Intl.DateTimeFormat>();

/** "24 Nov 2026, 14:05" in IST, in the reader's language. */
export function formatWhen(iso: string, lng: Language): string {
  let f = whenFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(numberLocale(lng), {
      dateStyle: "medium",
      timeStyle: "short",
      hourCycle: "h23",
      timeZone: "Asia/Kolkata",
    });
    whenFormats.set(lng, f);
  }
  return f.format(new Date(iso));
}

function FeedbackForm(props: {
  number: string;
  token: string | null;
  onDone: (resolved: boolean, ticket: PublicTicket) => void;
}) {
  const { t } = useTranslation("screens");
  const id = useId();
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [otp, setOtp] = useState("");
  const [otpInvalid, setOtpInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<TrackError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const badOtp = props.token === null && !OTP.test(otp);
    setOtpInvalid(badOtp);
    setMissing(resolved === null);
    if (resolved === null || badOtp) return;
    setBusy(true);
    setError(null);
    try {
      const ticket = await sendFeedback(props.number, {
        proof: props.token !== null ? { token: props.token } : { otp },
        resolved,
        rating: rating ?? undefined,
        comment,
      });
      props.onDone(resolved, ticket);
    } catch (err) {
      setError(err instanceof TrackError ? err : new TrackError("server", String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="track-feedback" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="track-feedback__title">
        {t("track.feedbackTitle")}
      </h3>
      <p className="track-feedback__intro">{t("track.feedbackIntro")}</p>
      <fieldset className="track-choice" aria-invalid={missing || undefined}>
        <legend>{t("track.fixedQuestion")}</legend>
        <label className="track-choice__option">
          <input
            type="radio"
            name={`${id}-resolved`}
            checked={resolved === true}
            onChange={() => setResolved(true)}
          />
          <span>{t("track.fixedYes")}</span>
        </label>
        <label className="track-choice__option">
          <input
            type="radio"
            name={`${id}-resolved`}
            checked={resolved === false}
            onChange={() => setResolved(false)}
          />
          <span>{t("track.fixedNo")}</span>
        </label>
        {missing && <p className="track__hint track__hint--error">{t("track.fixedMissing")}</p>}
      </fieldset>
      <fieldset className="track-rating">
        <legend>{t("track.ratingQuestion")}</legend>
        <div className="track-rating__options">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="track-rating__option">
              <input
                type="radio"
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
              />
              <span>
                <span className="track-rating__n">{n}</span>{" "}
                <span className="track-rating__word">
                  {t(`track.rating${n}` as "track.rating1")}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="track__field">
        <label htmlFor={`${id}-comment`}>{t("track.comment")}</label>
        <textarea
          id={`${id}-comment`}
          value={comment}
          maxLength={1000}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {props.token === null && (
        <div className="track__field">
          <label htmlFor={`${id}-otp`}>{t("track.otp")}</label>
          <input
            id={`${id}-otp`}
            name="otp"
            value={otp}
            onChange={(e) => setOtp(e.target.value.replace(/\D/g, "").slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            aria-invalid={otpInvalid || undefined}
            aria-describedby={`${id}-otp-hint`}
          />
          <p
            id={`${id}-otp-hint`}
            className={otpInvalid ? "track__hint track__hint--error" : "track__hint"}
          >
            {otpInvalid ? t("track.otpInvalid") : t("track.otpHint")}
          </p>
        </div>
      )}
      {error && <TrackProblem error={error} />}
      <button type="submit" className="track__button" disabled={busy}>
        {busy ? t("track.sending") : t("track.send")}
      </button>
    </form>
  );
}
