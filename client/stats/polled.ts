import { useEffect, useState } from "react";
import { apiFetch } from "../api/http.js";

/** A REST read that refreshes itself: the last good data stays while a refresh fails. */
export interface Polled<T> {
  status: "loading" | "ready" | "error";
  data: T | null;
  error: string | null;
  /** Wall-clock ms of the last successful load. */
  updatedAt: number | null;
}

const LOADING = { status: "loading", data: null, error: null, updatedAt: null } as const;
/** After a failure, try again sooner than the normal period (a restarted server comes back). */
const RETRY_MS = 5000;

function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  return apiFetch<T>(url, { signal });
}

/**
 * Loads `url` now and every `everyMs` while mounted (null: nothing to load). A change of
 * `refreshKey` (for example the live connection coming back) loads again at once. One timer and
 * one request at a time; both are cancelled on unmount, so a wall rotating for days leaks nothing.
 */
export function usePolled<T>(url: string | null, everyMs: number, refreshKey?: unknown): Polled<T> {
  const [state, setState] = useState<{ url: string | null; value: Polled<T> }>({
    url,
    value: LOADING,
  });

  useEffect(() => {
    if (url === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let stopped = false;
    const run = () => {
      controller = new AbortController();
      getJson<T>(url, controller.signal).then(
        (data) => {
          if (stopped) return;
          setState({ url, value: { status: "ready", data, error: null, updatedAt: Date.now() } });
          timer = setTimeout(run, everyMs);
        },
        (err: unknown) => {
          if (stopped) return;
          const message = err instanceof Error ? err.message : String(err);
          setState((s) => ({
            url,
            value: {
              status: "error",
              data: s.url === url ? s.value.data : null,
              error: message,
              updatedAt: s.url === url ? s.value.updatedAt : null,
            },
          }));
          timer = setTimeout(run, Math.min(everyMs, RETRY_MS));
        },
      );
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [url, everyMs, refreshKey]);

  if (url === null) return LOADING;
  return state.url === url ? state.value : LOADING;
}
