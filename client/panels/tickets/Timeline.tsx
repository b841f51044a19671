import "./base.css";
import "./tickets.css";
import { useTranslation } from "react-i18next";
import type { TicketEventView } from "../../../shared/tickets.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import { formatIst, looksHindi } from "./format.js";
import { describeActor, describeEvent } from "./timeline.js";

export interface TimelineProps {
  events: readonly TicketEventView[];
  /** "Name, Designation" of an officer id in the current language, or null. */
  officerName(id: string): string | null;
  unitName(id: string): string | null;
  loading: boolean;
  error?: string | null;
}

/** Everything that happened to the ticket, oldest first, in the current language. */
export function Timeline(props: TimelineProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const ctx = { t, lng, officer: props.officerName, unit: props.unitName };
  return (
    <section
      className="panel ops-panel timeline"
      aria-labelledby="timeline-title"
      aria-busy={props.loading}
    >
      <header className="panel__header">
        <h2 id="timeline-title" className="panel__title">
          {t("timeline.title")}
        </h2>
      </header>
      <PanelState loading={props.loading && props.events.length === 0} error={props.error} />
      {!props.loading && props.events.length === 0 && !props.error && (
        <p className="ops-empty">{t("timeline.empty")}</p>
      )}
      <ol className="timeline__list" aria-live="polite">
        {props.events.map((e) => {
          const d = describeEvent(e, ctx);
          return (
            <li
              key={e.seq}
              className={`timeline__item timeline__item--${e.type}`}
              data-event={e.type}
            >
              <span className="timeline__mark" aria-hidden="true" />
              <div className="timeline__body">
                <p className="timeline__title">{d.title}</p>
                <p className="timeline__meta">
                  <time dateTime={e.at}>{formatIst(e.at, lng)}</time> ·{" "}
                  {describeActor(e.actor, ctx)}
                </p>
                {d.details.map((line, i) => (
                  <p
                    key={i}
                    className="timeline__detail"
                    lang={looksHindi(line) && lng !== "hi" ? "hi" : undefined}
                  >
                    {line}
                  </p>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
