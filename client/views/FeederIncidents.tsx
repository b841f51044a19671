import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listIncidents, resolveIncident } from "../api/endpoints.js";
import { ApiRequestError } from "../api/http.js";
import { useRemote } from "../api/useRemote.js";
import { formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useNow } from "../live/hooks.js";
import { showError, type ShownError } from "../panels/tickets/errors.js";
import { IncidentPanel } from "../panels/units/IncidentPanel.js";

/** A feeder's open incident, read from the REST API (an incident may span the substation's feeders). */
export function FeederIncidents({
  feederId,
  substationId,
}: {
  feederId: string;
  substationId: string | null;
}) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const now = useNow(30_000);
  const scope = substationId ?? feederId;
  const incidents = useRemote(`incidents:${scope}`, (signal) => listIncidents(scope, signal));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; error: ShownError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = (incidents.data?.incidents ?? []).filter(
    (i) => i.status === "open" && (i.feederId === feederId || i.feeders.includes(feederId)),
  );

  const onResolve = (id: string, note: string) => {
    if (note.length < 5) {
      setFailure({ id, error: { message: null, fields: { note: t("errors.field.resolveNote") } } });
      return;
    }
    setBusyId(id);
    setFailure(null);
    resolveIncident(id, note).then(
      (res) => {
        setBusyId(null);
        setNotice(t("incident.resolved", { n: formatCount(res.ticketsResolved, lng) }));
        incidents.reload();
      },
      (err: unknown) => {
        setBusyId(null);
        const e =
          err instanceof ApiRequestError ? err : new ApiRequestError(0, "client", String(err));
        setFailure({ id, error: showError(e, t, lng, "errors.field.resolveNote") });
      },
    );
  };

  return (
    <IncidentPanel
      incidents={list}
      now={now}
      loading={incidents.status === "loading"}
      error={incidents.error?.message ?? null}
      busyId={busyId}
      failure={failure}
      notice={notice}
      onResolve={onResolve}
    />
  );
}
