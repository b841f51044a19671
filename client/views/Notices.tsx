import "../panels/panels.css";
import "../panels/notices/notices.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnnouncementInput, ShutdownInput } from "../../shared/notices.js";
import { listIncidents } from "../api/endpoints.js";
import { ApiRequestError, errorMessage } from "../api/http.js";
import {
  announceIncident,
  cancelShutdown,
  getIncidentNotices,
  listShutdowns,
  scheduleShutdown,
} from "../api/notices.js";
import { useRemote } from "../api/useRemote.js";
import { useUnitSearch } from "../api/useUnitSearch.js";
import { useSession } from "../app/useSession.js";
import { formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useNetwork, useNow } from "../live/hooks.js";
import { IncidentNotices, type IncidentNoticesRow } from "../panels/notices/IncidentNotices.js";
import { isoToIstInput } from "../panels/notices/istInput.js";
import { ShutdownForm } from "../panels/notices/ShutdownForm.js";
import { ShutdownList } from "../panels/notices/ShutdownList.js";

/** Outages shown with their notices at most (the busiest first come from the API's order). */
const MAX_INCIDENTS = 20;
const NO_NAMES = new Map<string, { name: string; nameHi: string }>();

/**
 * Notices and planned shutdowns for the viewer's area: schedule a shutdown (the API checks the
 * feeders are theirs), see what was told and delivered per outage and the calls it saved, and
 * confirm an outage with its crew and restoration time.
 */
export default function Notices() {
  const { t } = useTranslation("notices");
  const lng = useLanguage();
  const session = useSession();
  const unit = session.status === "signed_in" ? session.session.user.unitId : undefined;
  const network = useNetwork();
  const names = network.status === "ready" ? network.data.units : NO_NAMES;
  const now = useNow(30_000);

  const shutdowns = useRemote(unit ? `shutdowns:${unit}` : null, (signal) =>
    listShutdowns(unit, false, signal),
  );
  const incidents = useRemote(unit ? `incident-notices:${unit}` : null, async (signal) => {
    const { incidents: open } = await listIncidents(unit ?? "", signal);
    return Promise.all(
      open.slice(0, MAX_INCIDENTS).map(async (incident): Promise<IncidentNoticesRow> => ({
        incident,
        notices: (await getIncidentNotices(incident.id, signal)).notices,
      })),
    );
  });

  const [query, setQuery] = useState("");
  const search = useUnitSearch(query, "feeder", 8);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<{
    fields: Record<string, string>;
    message: string | null;
  }>({
    fields: {},
    message: null,
  });
  const [done, setDone] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [announced, setAnnounced] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const schedule = async (input: ShutdownInput) => {
    setSaving(true);
    setDone(null);
    try {
      const { shutdown } = await scheduleShutdown(input);
      setFormError({ fields: {}, message: null });
      setDone(
        t("form.scheduled", { id: shutdown.id, count: formatCount(shutdown.noticesPlanned, lng) }),
      );
      shutdowns.reload();
    } catch (err) {
      const fields = err instanceof ApiRequestError ? { ...err.fields } : {};
      setFormError({ fields, message: Object.keys(fields).length ? null : errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };
  const cancel = async (id: string) => {
    setBusyId(id);
    try {
      await cancelShutdown(id);
      setActionError(null);
      shutdowns.reload();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };
  const announce = async (id: string, input: AnnouncementInput) => {
    setBusyId(id);
    try {
      await announceIncident(id, input);
      setActionError(null);
      setAnnounced(t("incidents.announced", { id }));
      incidents.reload();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  // A sensible first window: tomorrow 10:00 to 14:00 IST.
  const tomorrow = isoToIstInput(now + 86_400_000).slice(0, 10);
  return (
    <div className="notices-page">
      <h1 className="notices-page__title">{t("page.title")}</h1>
      <p className="notices-page__intro">{t("page.intro")}</p>
      <ShutdownForm
        query={query}
        onQuery={setQuery}
        hits={search.results}
        searchStatus={
          search.searching
            ? "loading"
            : search.error
              ? "error"
              : query.trim().length >= 2
                ? "ready"
                : "idle"
        }
        defaultStart={`${tomorrow}T10:00`}
        defaultEnd={`${tomorrow}T14:00`}
        busy={saving}
        serverFields={formError.fields}
        serverError={formError.message}
        done={done}
        onSubmit={(input) => void schedule(input)}
      />
      <div className="notices-page__side">
        {actionError && (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        )}
        <ShutdownList
          shutdowns={shutdowns.data?.shutdowns ?? []}
          names={names}
          loading={shutdowns.status === "loading"}
          error={shutdowns.error?.message}
          busyId={busyId}
          onCancel={(id) => void cancel(id)}
        />
        <IncidentNotices
          rows={incidents.data ?? []}
          names={names}
          now={now}
          loading={incidents.status === "loading"}
          error={incidents.error?.message}
          busyId={busyId}
          done={announced}
          onAnnounce={(id, input) => void announce(id, input)}
        />
      </div>
    </div>
  );
}
