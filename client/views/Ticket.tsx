import "../panels/panels.css";
import "./ops.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { getTicket, listOfficers } from "../api/endpoints.js";
import type { OfficerWire, UnitCrumb } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";
import { useUnitSearch } from "../api/useUnitSearch.js";
import { placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useNetwork, useNow } from "../live/hooks.js";
import { PanelState } from "../panels/PanelState.js";
import { officerLabel } from "../panels/tickets/ActionForms.js";
import { availableActions, officerUnitFor } from "../panels/tickets/actions.js";
import { ReportsPanel } from "../panels/tickets/ReportsPanel.js";
import { MessagesPanel } from "../panels/tickets/MessagesPanel.js";
import { TicketActions } from "../panels/tickets/TicketActions.js";
import { TicketHeader } from "../panels/tickets/TicketHeader.js";
import { Timeline } from "../panels/tickets/Timeline.js";
import { useTicketAction } from "./useTicketAction.js";

/** How often an open ticket page re-reads the ticket, for changes made by others. */
const REFRESH_MS = 20_000;

/** One ticket: what it is, where, whose, what happened to it, and what can be done now. */
export default function TicketView() {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const number = (useParams().number ?? "").toUpperCase();
  const [params] = useSearchParams();
  const caller = params.get("phone") ?? undefined;
  const now = useNow(30_000);
  const network = useNetwork();
  const index = network.status === "ready" ? network.data : null;
  const detail = useRemote(number ? `ticket:${number}:${caller ?? ""}` : null, (signal) =>
    getTicket(number, signal, caller),
  );
  const data = detail.data;
  const reload = detail.reload;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const officerUnit = data
    ? officerUnitFor(data.ticket.path, (id) => index?.units.get(id)?.kind)
    : null;
  const officers = useRemote(officerUnit ? `officers:${officerUnit}` : null, (signal) =>
    listOfficers(officerUnit ?? ROOT_UNIT_ID, signal),
  );
  const [feederQuery, setFeederQuery] = useState("");
  const search = useUnitSearch(feederQuery, "feeder");
  const runner = useTicketAction(number, reload);

  const officerById = useMemo(() => {
    const m = new Map<
      string,
      Pick<OfficerWire, "name" | "name_hi" | "designation" | "designation_hi">
    >();
    for (const o of officers.data?.officers ?? []) m.set(o.id, o);
    for (const [id, o] of Object.entries(data?.officers ?? {}))
      m.set(id, {
        name: o.name,
        name_hi: o.nameHi,
        designation: o.designation,
        designation_hi: o.designationHi,
      });
    const a = data?.assignee;
    if (a)
      m.set(a.id, {
        name: a.name,
        name_hi: a.nameHi,
        designation: a.designation,
        designation_hi: a.designationHi,
      });
    return m;
  }, [officers.data, data]);
  const officerName = useCallback(
    (id: string) => {
      const o = officerById.get(id);
      return o ? officerLabel(o, lng) : null;
    },
    [officerById, lng],
  );
  const unitName = useCallback(
    (id: string) => {
      const u = index?.units.get(id);
      return u ? placeName(u, lng) : null;
    },
    [index, lng],
  );

  if (!data) {
    const missing = detail.error?.status === 404;
    return (
      <div className="page">
        <h1>{missing ? t("ticket.notFound", { number }) : t("ticket.title") + " " + number}</h1>
        {missing ? (
          <p>
            <Link to="/">{t("ticket.back")}</Link>
          </p>
        ) : (
          <PanelState loading={detail.status === "loading"} error={detail.error?.message} />
        )}
      </div>
    );
  }

  const tk = data.ticket;
  const crumbs: UnitCrumb[] = tk.feederId
    ? tk.path.flatMap((id) => {
        const u = index?.units.get(id);
        return u && u.id !== ROOT_UNIT_ID
          ? [{ id: u.id, kind: u.kind, name: u.name, nameHi: u.nameHi }]
          : [];
      })
    : [];

  return (
    <div className="ops-page ticket-page" data-ticket={tk.number}>
      <div className="ticket-page__main">
        <div className="ticket-page__header">
          <TicketHeader detail={data} crumbs={crumbs} now={now} />
          {detail.error && <PanelState loading={false} error={detail.error.message} />}
        </div>
        <div className="ticket-page__timeline">
          <Timeline
            events={data.events}
            officerName={officerName}
            unitName={unitName}
            loading={false}
          />
        </div>
      </div>
      <div className="ticket-page__side">
        <div className="ticket-page__actions">
          <TicketActions
            available={availableActions(tk)}
            busy={runner.busy}
            failure={runner.failure}
            notice={runner.notice}
            formKey={runner.formKey}
            onAction={(a) => void runner.run(a)}
            assign={{
              officers: officers.data?.officers ?? [],
              officersLoading: officers.status === "loading",
              officersError: officers.error?.message ?? null,
              currentAssigneeId: tk.assigneeId,
            }}
            otpAttemptsLeft={data.otpAttemptsLeft ?? null}
            feeder={{
              query: feederQuery,
              onQueryChange: setFeederQuery,
              results: search.results,
              searching: search.searching,
              searchError: search.error,
            }}
            category={tk.category}
          />
        </div>
        <div className="ticket-page__reports">
          <ReportsPanel reports={data.reports} />
          {data.messages && <MessagesPanel messages={data.messages} />}
        </div>
      </div>
    </div>
  );
}
