import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentView } from "../../../shared/live.js";
import type { AnnouncementInput, IncidentNoticesView } from "../../../shared/notices.js";
import { formatAge, formatCount, placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import { istInputToIso, isoToIstInput } from "./istInput.js";

export interface IncidentNoticesRow {
  incident: IncidentView;
  notices: IncidentNoticesView;
}

export interface IncidentNoticesProps {
  rows: readonly IncidentNoticesRow[];
  names: ReadonlyMap<string, { name: string; nameHi: string }>;
  now: number;
  loading: boolean;
  error?: string | null;
  busyId: string | null;
  done: string | null;
  onAnnounce(id: string, input: AnnouncementInput): void;
}

/**
 * Per open outage: how many on its feeders were told, how many wait (quiet hours, rate) or opted
 * out, how many notices were delivered, and the calls the notice saved; and the officer's form to
 * confirm it, say a crew is on it and when supply should be back.
 */
export function IncidentNotices(props: IncidentNoticesProps) {
  const { t } = useTranslation("notices");
  const lng = useLanguage();
  const n = (v: number) => formatCount(v, lng);
  return (
    <section className="panel ops-panel notices-incidents" aria-labelledby="incident-notices-title">
      <header className="panel__header">
        <h2 id="incident-notices-title" className="panel__title">
          {t("incidents.title")}
        </h2>
      </header>
      <PanelState loading={props.loading && props.rows.length === 0} error={props.error} />
      {props.done && (
        <p className="notice" role="status">
          {props.done}
        </p>
      )}
      {!props.loading && props.rows.length === 0 && !props.error && (
        <p className="notices-empty">{t("incidents.empty")}</p>
      )}
      <ul className="notices-cards">
        {props.rows.map(({ incident, notices }) => {
          const place = props.names.get(incident.feederId);
          const d = notices.delivery;
          return (
            <li key={incident.id} className="notices-card" data-incident={incident.id}>
              <div className="notices-card__head">
                <span
                  className="notices-card__marker notices-card__marker--outage"
                  aria-hidden="true"
                >
                  !
                </span>
                <strong className="notices-card__title">
                  {t("incidents.outage")}: {place ? placeName(place, lng) : incident.feederId}
                </strong>
                <span className="notices-card__age">
                  {t("incidents.since", {
                    age: formatAge(props.now - Date.parse(incident.startedAt), lng),
                  })}
                </span>
              </div>
              {notices.announcedAt === null && (
                <p className="notices-card__note">{t("incidents.notAnnounced")}</p>
              )}
              <dl className="notices-card__facts notices-card__facts--numbers">
                <div>
                  <dt>{t("incidents.told")}</dt>
                  <dd data-count="told">{n(notices.outage.queued)}</dd>
                </div>
                <div>
                  <dt>{t("incidents.waiting")}</dt>
                  <dd>{n(notices.outage.waiting)}</dd>
                </div>
                <div>
                  <dt>{t("incidents.optedOut")}</dt>
                  <dd>{n(notices.outage.optedOut)}</dd>
                </div>
                <div>
                  <dt>{t("incidents.delivery")}</dt>
                  <dd>
                    {d.deliveryRate !== null
                      ? `${formatCount(Math.round(d.deliveryRate * 100), lng)}%`
                      : d.notSent > 0
                        ? // Recorded but never handed to a gateway: say so, never "sent".
                          t("incidents.notSent", { n: n(d.notSent) })
                        : t("incidents.deliveryNone")}
                  </dd>
                </div>
                {notices.updates.planned > 0 && (
                  <div>
                    <dt>{t("incidents.updates")}</dt>
                    <dd data-count="updates">{n(notices.updates.queued)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t("incidents.callsSaved")}</dt>
                  <dd data-count="calls-saved">{n(notices.callsSaved)}</dd>
                </div>
              </dl>
              <AnnounceForm
                id={incident.id}
                notices={notices}
                now={props.now}
                busy={props.busyId === incident.id}
                onAnnounce={props.onAnnounce}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AnnounceForm(props: {
  id: string;
  notices: IncidentNoticesView;
  now: number;
  busy: boolean;
  onAnnounce(id: string, input: AnnouncementInput): void;
}) {
  const { t } = useTranslation("notices");
  const [crew, setCrew] = useState(props.notices.crewAssigned);
  const [restoreBy, setRestoreBy] = useState(
    props.notices.restoreBy ? isoToIstInput(props.notices.restoreBy) : "",
  );
  const base = `announce-${props.id}`;
  return (
    <form
      className="notices-announce"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAnnounce(props.id, {
          crewAssigned: crew,
          restoreBy: restoreBy ? istInputToIso(restoreBy) : null,
        });
      }}
    >
      <label className="notices-announce__crew">
        <input type="checkbox" checked={crew} onChange={(e) => setCrew(e.target.checked)} />
        {t("incidents.crew")}
      </label>
      <label className="notices-announce__eta" htmlFor={`${base}-eta`}>
        <span>{t("incidents.restoreBy")}</span>
        <input
          id={`${base}-eta`}
          type="datetime-local"
          value={restoreBy}
          min={isoToIstInput(props.now)}
          onChange={(e) => setRestoreBy(e.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={props.busy}>
        {props.notices.confirmedAt ? t("incidents.update") : t("incidents.announce")}
      </button>
    </form>
  );
}
