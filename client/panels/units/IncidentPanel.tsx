import "../tickets/base.css";
import "./units.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentView } from "../../../shared/live.js";
import { formatAge, formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { PanelState } from "../PanelState.js";
import type { ShownError } from "../tickets/errors.js";
import { describedBy, Field, FormError } from "../tickets/Field.js";
import { formatIst } from "../tickets/format.js";

export interface IncidentPanelProps {
  incidents: readonly IncidentView[];
  now: number;
  loading: boolean;
  error?: string | null;
  busyId: string | null;
  failure: { id: string; error: ShownError } | null;
  notice: string | null;
  onResolve(id: string, note: string): void;
}

/** A feeder's open outage (many supply-cut reports at once), and resolving it with a note. */
export function IncidentPanel(props: IncidentPanelProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  return (
    <section
      className="panel ops-panel incident-panel"
      aria-labelledby="incident-title"
      aria-busy={props.loading}
    >
      <header className="panel__header">
        <h2 id="incident-title" className="panel__title">
          {t("incident.title")}
        </h2>
      </header>
      {props.notice && (
        <p className="notice" role="status">
          {props.notice}
        </p>
      )}
      <PanelState loading={props.loading && props.incidents.length === 0} error={props.error} />
      {!props.loading && !props.error && props.incidents.length === 0 && (
        <p className="ops-empty">{t("incident.none")}</p>
      )}
      {props.incidents.map((i) => (
        <IncidentCard
          key={i.id}
          incident={i}
          age={formatAge(props.now - Date.parse(i.startedAt), lng)}
          busy={props.busyId === i.id}
          failure={props.failure?.id === i.id ? props.failure.error : null}
          onResolve={(note) => props.onResolve(i.id, note)}
        />
      ))}
    </section>
  );
}

function IncidentCard(props: {
  incident: IncidentView;
  age: string;
  busy: boolean;
  failure: ShownError | null;
  onResolve(note: string): void;
}) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [note, setNote] = useState("");
  const i = props.incident;
  const id = `incident-${i.id}-note`;
  const error = props.failure?.fields.note;
  return (
    <article className="incident" data-incident={i.id}>
      <p className="incident__status">
        <span className="chip chip--outage">{t("incident.open")}</span>{" "}
        {t("incident.since", { time: formatIst(i.startedAt, lng), age: props.age })}
      </p>
      <dl className="incident__facts">
        <div>
          <dt>{t("incident.reports")}</dt>
          <dd>{formatCount(i.reportCount, lng)}</dd>
        </div>
        <div>
          <dt>{t("incident.tickets")}</dt>
          <dd>{formatCount(i.ticketCount, lng)}</dd>
        </div>
        <div>
          <dt>{t("incident.consumers")}</dt>
          <dd>{formatCount(i.consumersAffected, lng)}</dd>
        </div>
        <div>
          <dt>{t("incident.feeders")}</dt>
          <dd>{formatCount(i.feeders.length, lng)}</dd>
        </div>
      </dl>
      <form
        noValidate
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onResolve(note.trim());
        }}
      >
        <FormError message={props.failure?.message} />
        <Field id={id} label={t("incident.note")} error={error} hint={t("incident.noteHint")}>
          <textarea
            {...describedBy(id, error, t("incident.noteHint"))}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            minLength={5}
            maxLength={2000}
            required
            rows={2}
          />
        </Field>
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.busy ? t("actions.sending") : t("incident.resolve")}
        </button>
      </form>
    </article>
  );
}
