import "../panels/panels.css";
import "./ops.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TicketSummary } from "../../shared/tickets.js";
import { listTickets } from "../api/endpoints.js";
import type { TicketListItem, TicketPage } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";
import { formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useNetwork, useNow } from "../live/hooks.js";
import { PanelState } from "../panels/PanelState.js";
import { TriageRow } from "./TriageRow.js";

const PAGE = 100;
const REFRESH_MS = 30_000;

/**
 * One page of the open tickets that need triage, oldest first: the server orders by the time each
 * complaint was made, so the first page is the part of the queue closest to breach.
 */
export function loadTriagePage(cursor?: string, signal?: AbortSignal): Promise<TicketPage> {
  return listTickets(
    { needsTriage: "true", open: "true", sort: "oldest", limit: PAGE, cursor },
    signal,
  );
}

/** The triage queue: categorise and place what the machine could not, one keyboard pass each. */
export default function TriageView() {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const now = useNow(15_000);
  const network = useNetwork();
  const queue = useRemote("triage", (signal) => loadTriagePage(undefined, signal));
  // Later pages the person asked for; a refresh starts again from the oldest page.
  const [more, setMore] = useState<{ tickets: TicketListItem[]; cursor: string | null } | null>(
    null,
  );
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore(null), [queue.data]);
  const cursor = more ? more.cursor : (queue.data?.nextCursor ?? null);
  const loadMore = () => {
    if (!cursor) return;
    setLoadingMore(true);
    loadTriagePage(cursor)
      .then((page) =>
        setMore((m) => ({
          tickets: [...(m?.tickets ?? []), ...page.tickets],
          cursor: page.nextCursor,
        })),
      )
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  };
  const [changed, setChanged] = useState<ReadonlyMap<string, TicketSummary>>(new Map());
  const [done, setDone] = useState<TicketSummary[]>([]);
  const reload = queue.reload;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const onChanged = useCallback((tk: TicketSummary) => {
    setChanged((m) => new Map(m).set(tk.number, tk));
    if (!tk.needsTriage)
      setDone((d) => [tk, ...d.filter((x) => x.number !== tk.number)].slice(0, 5));
  }, []);

  // What this screen changed wins over an older read of the queue; placed tickets leave it.
  const tickets = useMemo(() => {
    const list: TicketListItem[] = [];
    for (const tk of [...(queue.data?.tickets ?? []), ...(more?.tickets ?? [])]) {
      const c = changed.get(tk.number);
      const next = c && c.seq >= tk.seq ? { ...tk, ...c } : tk;
      if (next.needsTriage) list.push(next);
    }
    return list;
  }, [queue.data, more, changed]);
  const places = network.status === "ready" ? network.data : null;
  const loaded = (queue.data?.tickets.length ?? 0) + (more?.tickets.length ?? 0);
  const leftOver = queue.data ? Math.max(0, queue.data.total - loaded) : 0;

  return (
    <div className="ops-page triage-page">
      <header className="ops-page__head">
        <h1>{t("triage.title")}</h1>
        <p className="ops-page__lead">{t("triage.intro")}</p>
        <div className="triage-page__bar">
          <p aria-live="polite">
            {queue.data
              ? t("triage.count", {
                  count: queue.data.total,
                  n: formatCount(queue.data.total, lng),
                })
              : null}
          </p>
          <button
            type="button"
            className="button"
            onClick={reload}
            disabled={queue.status === "loading"}
          >
            {queue.status === "loading" ? t("triage.refreshing") : t("triage.refresh")}
          </button>
        </div>
      </header>
      {done.length > 0 && (
        <ul className="triage-page__done" role="status">
          {done.map((tk) => (
            <li key={tk.number}>
              {t("triage.left", { number: tk.number })}{" "}
              <Link to={`/tickets/${encodeURIComponent(tk.number)}`}>{t("triage.openTicket")}</Link>
            </li>
          ))}
        </ul>
      )}
      <PanelState
        loading={queue.status === "loading" && !queue.data}
        error={queue.error?.message}
      />
      {queue.data && tickets.length === 0 && (
        <p className="ops-empty ops-empty--big">{t("triage.empty")}</p>
      )}
      <ol className="triage-queue">
        {tickets.map((tk) => (
          <TriageRow key={tk.number} ticket={tk} places={places} now={now} onChanged={onChanged} />
        ))}
      </ol>
      {leftOver > 0 && cursor && (
        <p className="triage-page__more">
          <span>{t("triage.truncated", { count: leftOver, n: formatCount(leftOver, lng) })}</span>{" "}
          <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t("triage.refreshing") : t("triage.showMore")}
          </button>
        </p>
      )}
    </div>
  );
}
