import { useEffect, useState } from "react";
import type { PublicOutages } from "../../shared/public.js";
import type { DistrictShapes } from "../live/network.js";
import { fetchOutages } from "./OutagesApi.js";

/** How often the page asks again; the server answers 304 while nothing changed. */
const REFRESH_MS = 60_000;

/** `checkedAt`: when the page last heard from the server (the list may be unchanged since long before). */
type Loaded<T> = { data: T | null; error: boolean; checkedAt: number | null };

/** The current outages, fetched on arrival and every minute while the page is open. */
export function useOutages(): Loaded<PublicOutages> & { retry(): void } {
  const [state, setState] = useState<Loaded<PublicOutages>>({
    data: null,
    error: false,
    checkedAt: null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetchOutages(controller.signal).then(
        (data) => setState({ data, error: false, checkedAt: Date.now() }),
        () => {
          if (controller.signal.aborted) return;
          // The last list stays on screen; the page says so only when there is none.
          setState((s) => ({ ...s, error: true }));
        },
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [attempt]);
  return { ...state, retry: () => setAttempt((a) => a + 1) };
}

/** The district outlines, fetched only once the map is shown. */
export function useDistrictShapes(wanted: boolean): DistrictShapes | null {
  const [shapes, setShapes] = useState<DistrictShapes | null>(null);
  useEffect(() => {
    if (!wanted || shapes) return;
    const controller = new AbortController();
    fetch("/api/v1/geo/districts.geojson", { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<DistrictShapes>) : null))
      .then((s) => s && setShapes(s))
      // Without outlines the markers still show; the list carries the same facts.
      .catch(() => undefined);
    return () => controller.abort();
  }, [wanted, shapes]);
  return shapes;
}
