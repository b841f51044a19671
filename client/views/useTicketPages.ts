import { useCallback, useState } from "react";
import { listTickets } from "../api/endpoints.js";
import { ApiRequestError, errorMessage } from "../api/http.js";
import type { TicketListItem } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";

type Query = Record<string, string | number | undefined>;

export interface TicketPages {
  tickets: TicketListItem[];
  total: number | null;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

interface More {
  key: string;
  tickets: TicketListItem[];
  cursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * A ticket list with "load more": the first page follows the query; further pages are appended
 * with the cursor and dropped when the query changes.
 */
export function useTicketPages(query: Query | null): TicketPages {
  const key = query ? JSON.stringify(query) : null;
  const first = useRemote(key, (signal) => listTickets(query ?? {}, signal));
  const [more, setMore] = useState<More | null>(null);
  const extra = more && more.key === key ? more : null;
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  const loadMore = useCallback(() => {
    if (!query || !key || !cursor || extra?.loading) return;
    const base = extra ?? { key, tickets: [], cursor, loading: false, error: null };
    setMore({ ...base, loading: true, error: null });
    listTickets({ ...query, cursor }).then(
      (page) =>
        setMore((m) =>
          m && m.key === key
            ? {
                key,
                tickets: [...m.tickets, ...page.tickets],
                cursor: page.nextCursor,
                loading: false,
                error: null,
              }
            : m,
        ),
      (err: unknown) =>
        setMore((m) =>
          m && m.key === key ? { ...m, loading: false, error: errorMessage(err) } : m,
        ),
    );
  }, [query, key, cursor, extra]);

  const reloadFirst = first.reload;
  const reload = useCallback(() => {
    setMore(null);
    reloadFirst();
  }, [reloadFirst]);

  const seen = new Set<string>();
  const tickets = [...(first.data?.tickets ?? []), ...(extra?.tickets ?? [])].filter((t) => {
    if (seen.has(t.number)) return false;
    seen.add(t.number);
    return true;
  });
  const firstError = first.error instanceof ApiRequestError ? first.error.message : null;
  return {
    tickets,
    total: first.data?.total ?? null,
    loading: first.status === "loading",
    error: firstError ?? extra?.error ?? null,
    hasMore: cursor !== null && first.status === "ready",
    loadingMore: extra?.loading ?? false,
    loadMore,
    reload,
  };
}
