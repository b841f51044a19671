import "./alarms.css";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Unit } from "../../../shared/network.js";
import { formatAge, formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import { SURGE_WINDOW_MS, type Alarm } from "./rules.js";

export interface AlarmsPanelProps {
  alarms: readonly Alarm[];
  /** Alarms standing in all, when more than the list shows (the rest are counted below it). */
  total?: number;
  now: number;
  /** For incident places; alarms show without a place until the network has loaded. */
  units: ReadonlyMap<string, Unit> | null;
  /** Breached tickets within 10 minutes that make a surge (explained in the empty state). */
  threshold: number;
  /** Whether the tone plays; with `onToggleSound` the panel shows the switch. */
  sound: boolean;
  onToggleSound?: () => void;
  onDismiss?: (id: string) => void;
  onDismissAll?: () => void;
  loading?: boolean;
  error?: string | null;
}

/** New feeder outages and breach surges, newest first, with an optional sound switch. */
export function AlarmsPanel(props: AlarmsPanelProps) {
  const { alarms, now, units, threshold, sound, onToggleSound, onDismiss, onDismissAll } = props;
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  const id = useId();
  const minutes = formatCount(SURGE_WINDOW_MS / 60_000, lng);
  const total = Math.max(props.total ?? 0, alarms.length);
  const hidden = total - alarms.length;
  return (
    <section
      className={`panel alarms${alarms.length ? " alarms--active" : ""}`}
      aria-labelledby={id}
      data-alarms={total}
    >
      <header className="panel__header alarms__header">
        <h2 id={id} className="panel__title">
          <span className="alarms__bell" aria-hidden="true">
            ◉
          </span>{" "}
          {t("alarms.title")}
          {alarms.length > 0 && <span className="alarms__count">{formatCount(total, lng)}</span>}
        </h2>
        <div className="alarms__tools">
          {onToggleSound && (
            <button
              type="button"
              className="alarms__button"
              aria-pressed={sound}
              onClick={onToggleSound}
              data-testid="alarm-sound"
            >
              <span aria-hidden="true">{sound ? "♪" : "–"}</span>{" "}
              {sound ? t("alarms.soundOn") : t("alarms.soundOff")}
            </button>
          )}
          {onDismissAll && alarms.length > 1 && (
            <button type="button" className="alarms__button" onClick={onDismissAll}>
              {t("alarms.dismissAll")}
            </button>
          )}
        </div>
      </header>
      <PanelState loading={props.loading ?? false} error={props.error} />
      {alarms.length === 0 ? (
        <p className="alarms__empty">
          {t("alarms.empty", { n: formatCount(threshold, lng), minutes })}
        </p>
      ) : (
        // A live list rather than role="log", which would take away the list's semantics (axe).
        <ol className="alarms__list" aria-live="polite" aria-relevant="additions">
          {alarms.map((a) => (
            <li key={a.id} className={`alarm alarm--${a.kind}`} data-alarm={a.kind}>
              <span className="alarm__kind">
                {a.kind === "incident" ? t("alarms.incident") : t("alarms.surge")}
              </span>
              <span className="alarm__text">{describe(a)}</span>
              <time className="alarm__age" dateTime={new Date(a.at).toISOString()}>
                {formatAge(now - a.at, lng)}
              </time>
              {onDismiss && (
                <button
                  type="button"
                  className="alarm__dismiss"
                  onClick={() => onDismiss(a.id)}
                  aria-label={t("alarms.dismissOne")}
                  title={t("alarms.dismissOne")}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <p className="alarms__more">
          {t("alarms.more", { count: hidden, n: formatCount(hidden, lng) })}
        </p>
      )}
    </section>
  );

  function describe(a: Alarm): string {
    if (a.kind === "surge") {
      return t("alarms.surgeText", {
        rise: formatCount(a.surge.to - a.surge.from, lng),
        from: formatCount(a.surge.from, lng),
        to: formatCount(a.surge.to, lng),
        minutes,
      });
    }
    const place = units?.get(a.incident.feederId) ?? units?.get(a.incident.substationId);
    return t("alarms.incidentText", {
      place: place ? placeName(place, lng) : a.incident.feederId,
      reports: formatCount(a.incident.reportCount, lng),
      consumers: formatCount(a.incident.consumersAffected, lng),
    });
  }
}
