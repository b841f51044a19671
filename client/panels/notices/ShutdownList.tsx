import { useTranslation } from "react-i18next";
import type { ShutdownView } from "../../../shared/notices.js";
import { formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import { formatIst } from "../tickets/format.js";

export interface ShutdownListProps {
  shutdowns: readonly ShutdownView[];
  /** Feeder names by id (from the network the client already holds). */
  names: ReadonlyMap<string, { name: string; nameHi: string }>;
  loading: boolean;
  error?: string | null;
  busyId: string | null;
  onCancel(id: string): void;
}

/** Planned shutdowns in the viewer's area: window, feeders, notices sent, complaints answered. */
export function ShutdownList(props: ShutdownListProps) {
  const { t } = useTranslation("notices");
  const lng = useLanguage();
  const feederList = (ids: string[]) =>
    ids
      .slice(0, 3)
      .map((id) => {
        const u = props.names.get(id);
        return u ? placeName(u, lng) : id;
      })
      .join(", ") + (ids.length > 3 ? ` +${formatCount(ids.length - 3, lng)}` : "");
  return (
    <section className="panel ops-panel notices-list" aria-labelledby="shutdowns-title">
      <header className="panel__header">
        <h2 id="shutdowns-title" className="panel__title">
          {t("list.title")}
        </h2>
      </header>
      <PanelState loading={props.loading && props.shutdowns.length === 0} error={props.error} />
      {!props.loading && props.shutdowns.length === 0 && !props.error && (
        <p className="notices-empty">{t("list.empty")}</p>
      )}
      {props.shutdowns.length > 0 && (
        <ul className="notices-cards">
          {props.shutdowns.map((s) => (
            <li
              key={s.id}
              className={`notices-card notices-card--${s.status}`}
              data-shutdown={s.id}
            >
              <div className="notices-card__head">
                <span className="notices-card__marker" aria-hidden="true">
                  P
                </span>
                <strong className="notices-card__title">{feederList(s.feeders)}</strong>
                <span className={`notices-status notices-status--${s.status}`}>
                  {t(`list.statusLabel.${s.status}`)}
                </span>
              </div>
              <dl className="notices-card__facts">
                <div>
                  <dt>{t("list.window")}</dt>
                  <dd>
                    {formatIst(s.startsAt, lng)} – {formatIst(s.endsAt, lng)}
                  </dd>
                </div>
                <div>
                  <dt>{t("list.reason")}</dt>
                  <dd>{s.reason}</dd>
                </div>
                <div>
                  <dt>{t("list.notices")}</dt>
                  <dd>
                    {t("list.noticesOf", {
                      queued: formatCount(s.noticesQueued, lng),
                      planned: formatCount(s.noticesPlanned, lng),
                    })}
                  </dd>
                </div>
                <div>
                  <dt>{t("list.answered")}</dt>
                  <dd>{formatCount(s.reportsAnswered, lng)}</dd>
                </div>
              </dl>
              {(s.status === "scheduled" || s.status === "active") && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={props.busyId === s.id}
                  onClick={() => props.onCancel(s.id)}
                >
                  {props.busyId === s.id ? t("list.cancelling") : t("list.cancel")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
