import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, isAbort } from "./http.js";

/** What a view knows about one REST read: data stays while it reloads, so screens do not flash. */
export interface Remote<T> {
  status: "idle" | "loading" | "ready" | "error";
  data: T | null;
  error: ApiRequestError | null;
  /** Loads again with the same key (after an action changed what it shows). */
  reload(): void;
}

function asApiError(err: unknown): ApiRequestError {
  if (err instanceof ApiRequestError) return err;
  return new ApiRequestError(0, "client", err instanceof Error ? err.message : String(err));
}

interface State<T> {
  key: string | null;
  status: Remote<T>["status"];
  data: T | null;
  error: ApiRequestError | null;
}

/**
 * Loads `load` whenever `key` changes (null: nothing to load), cancelling the previous request,
 * so a late answer for an old key never replaces the current one.
 */
export function useRemote<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Remote<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<State<T>>({
    key,
    status: key === null ? "idle" : "loading",
    data: null,
    error: null,
  });

  useEffect(() => {
    if (key === null) {
      setState({ key, status: "idle", data: null, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({
      key,
      status: "loading",
      data: s.key === key ? s.data : null,
      error: null,
    }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, status: "ready", data, error: null });
      },
      (err: unknown) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setState((s) => ({
          key,
          status: "error",
          data: s.key === key ? s.data : null,
          error: asApiError(err),
        }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Until the effect for a new key has run, report loading rather than the old key's data.
  if (state.key !== key)
    return { status: key === null ? "idle" : "loading", data: null, error: null, reload };
  return { status: state.status, data: state.data, error: state.error, reload };
}

/** A value that follows `value` after it has been still for `ms` (for search-as-you-type). */
export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}
