import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { listTickets } from "../api/endpoints.js";
import { errorMessage } from "../api/http.js";
import type { TicketPage } from "../api/types.js";
import { useNetwork } from "../live/hooks.js";
import { lookupQuery } from "../panels/access/lookup.js";
import { TicketList } from "../panels/tickets/TicketList.js";

/**
 * The call centre's "find a ticket": by its number or the caller's phone (the server answers
 * only such look-ups for this role). Each result links to the ticket.
 */
export function TicketLookup() {
  const { t } = useTranslation("access");
  const network = useNetwork();
  const [input, setInput] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [state, setState] = useState<{
    busy: boolean;
    page: TicketPage | null;
    error: string | null;
    /** The caller's phone, when the look-up was by phone: their own tickets then open in full. */
    phone?: string;
  }>({ busy: false, page: null, error: null });

  const find = async (e: FormEvent) => {
    e.preventDefault();
    const query = lookupQuery(input);
    setInvalid(query === null);
    if (!query) return;
    setState({ busy: true, page: null, error: null });
    try {
      const page = await listTickets({ ...query, limit: 20 });
      setState({
        busy: false,
        page,
        error: null,
        phone: "phone" in query ? query.phone : undefined,
      });
    } catch (err) {
      setState({ busy: false, page: null, error: errorMessage(err) });
    }
  };

  return (
    <section className="panel ops-panel lookup" aria-labelledby="lookup-title">
      <form className="lookup__form" onSubmit={(e) => void find(e)} noValidate>
        <h2 id="lookup-title" className="panel__title">
          {t("lookup.title")}
        </h2>
        <label className="adm-field lookup__field">
          <span className="adm-label">{t("lookup.label")}</span>
          <input
            className={`adm-input${invalid ? " adm-input--invalid" : ""}`}
            type="search"
            name="lookup"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder={t("lookup.placeholder")}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? "lookup-error" : undefined}
          />
        </label>
        <button type="submit" className="adm-button adm-button--primary" disabled={state.busy}>
          {t("lookup.submit")}
        </button>
        {invalid && (
          <span id="lookup-error" className="adm-field-error">
            {t("lookup.empty")}
          </span>
        )}
      </form>
      {(state.page || state.error || state.busy) && (
        <TicketList
          title={t("lookup.results")}
          linkQuery={state.phone ? `?phone=${encodeURIComponent(state.phone)}` : undefined}
          tickets={state.page?.tickets ?? []}
          total={state.page?.total ?? null}
          places={network.status === "ready" ? network.data : null}
          loading={state.busy}
          error={state.error}
          hasMore={false}
          loadingMore={false}
          onLoadMore={() => undefined}
        />
      )}
    </section>
  );
}
