import "../panels/panels.css";
import "./ops.css";
import "../panels/admin/admin.css";
import "../panels/access/access.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { xPasteSchema } from "../../shared/channels.js";
import { fieldErrors, reportInputSchema } from "../../shared/schemas.js";
import { fileReport, listOfficers, pasteXPost } from "../api/endpoints.js";
import { ApiRequestError } from "../api/http.js";
import type { FiledReportResponse, UnitSearchHit } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";
import { useUnitSearch } from "../api/useUnitSearch.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { showError, type ShownError } from "../panels/tickets/errors.js";
import { CallForm, XPasteForm, type CallDraft } from "../panels/tickets/IntakeForms.js";
import { TicketLookup } from "./TicketLookup.js";

const OFFICE_KEY = "nigrani.intake.office";
type Office = { id: string; name: string; nameHi: string };

function readOffice(): Office | null {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(OFFICE_KEY) ?? "null") as Office | null;
    return v && typeof v.id === "string" ? v : null;
  } catch {
    return null;
  }
}

function saveOffice(o: Office | null): void {
  try {
    if (o) globalThis.localStorage?.setItem(OFFICE_KEY, JSON.stringify(o));
    else globalThis.localStorage?.removeItem(OFFICE_KEY);
  } catch {
    // Not remembering the office only costs a search next time.
  }
}

interface Outcome {
  filed: FiledReportResponse | null;
  busy: boolean;
  error: ShownError | null;
}
const IDLE: Outcome = { filed: null, busy: false, error: null };

/** Quick entry: a call or counter visit, or a pasted X post, becomes a ticket in one form. */
export default function IntakeView() {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [officeQuery, setOfficeQuery] = useState("");
  const [office, setOffice] = useState<Office | null>(readOffice);
  const search = useUnitSearch(officeQuery, "division", 6);
  const officers = useRemote(office ? `officers:${office.id}` : null, (signal) =>
    listOfficers(office?.id ?? "", signal),
  );
  const [call, setCall] = useState<Outcome>(IDLE);
  const [paste, setPaste] = useState<Outcome>(IDLE);
  const [formKey, setFormKey] = useState(0);

  const fail = (set: (o: Outcome) => void, err: unknown) => {
    const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, "client", String(err));
    set({ filed: null, busy: false, error: showError(e, t, lng) });
  };
  const invalid = (fields: Record<string, string>) =>
    new ApiRequestError(400, "invalid_input", "", fields);

  const submitCall = (d: CallDraft) => {
    const input = {
      channel: d.channel,
      officerId: d.officerId || undefined,
      consumerAccount: d.account.trim() || undefined,
      phone: d.phone.trim() || undefined,
      text: d.text,
      category: d.category || undefined,
    };
    const parsed = reportInputSchema.safeParse(input);
    if (!d.officerId) return fail(setCall, invalid({ officerId: "required" }));
    if (!parsed.success) return fail(setCall, invalid(fieldErrors(parsed.error)));
    setCall({ ...IDLE, busy: true });
    fileReport(parsed.data).then(
      (filed) => {
        setCall({ filed, busy: false, error: null });
        setFormKey((k) => k + 1);
      },
      (err: unknown) => fail(setCall, err),
    );
  };

  const submitPaste = (d: { url: string; text: string }) => {
    const parsed = xPasteSchema.safeParse(d);
    if (!parsed.success) return fail(setPaste, invalid(fieldErrors(parsed.error)));
    setPaste({ ...IDLE, busy: true });
    pasteXPost(parsed.data).then(
      (filed) => {
        setPaste({ filed, busy: false, error: null });
        setFormKey((k) => k + 1);
      },
      (err: unknown) => fail(setPaste, err),
    );
  };

  const chooseOffice = (hit: UnitSearchHit | null) => {
    const next = hit ? { id: hit.id, name: hit.name, nameHi: hit.nameHi } : null;
    setOffice(next);
    saveOffice(next);
    setOfficeQuery("");
  };

  return (
    <div className="ops-page intake-page">
      <header className="ops-page__head">
        <h1>{t("intake.title")}</h1>
        <p className="ops-page__lead">{t("intake.intro")}</p>
      </header>
      <TicketLookup />
      <div className="intake-page__forms">
        <section className="panel ops-panel intake-page__form">
          <Filed filed={call.filed} />
          <CallForm
            key={`call:${formKey}`}
            busy={call.busy}
            error={call.error}
            onSubmit={submitCall}
            office={{
              query: officeQuery,
              onQueryChange: setOfficeQuery,
              results: search.results,
              searching: search.searching,
              chosen: office,
              onChoose: chooseOffice,
              officers: officers.data?.officers ?? [],
              officersLoading: officers.status === "loading",
            }}
          />
        </section>
        <section className="panel ops-panel intake-page__form">
          <Filed filed={paste.filed} />
          <XPasteForm
            key={`x:${formKey}`}
            busy={paste.busy}
            error={paste.error}
            onSubmit={submitPaste}
          />
        </section>
      </div>
    </div>
  );
}

/** "Ticket LKO-000123 created" (or joined) with a link to it. */
function Filed({ filed }: { filed: FiledReportResponse | null }) {
  const { t } = useTranslation("ops");
  if (!filed) return null;
  const n = filed.ticket.number;
  const key = filed.duplicate
    ? "intake.duplicate"
    : filed.created
      ? "intake.created"
      : "intake.joined";
  return (
    <p className="notice notice--success" role="status" data-filed={n}>
      {t(key, { number: n })}{" "}
      <Link to={`/tickets/${encodeURIComponent(n)}`} className="ticket-number">
        {t("intake.openTicket", { number: n })}
      </Link>
    </p>
  );
}
