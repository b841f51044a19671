import { useEffect } from "react";
import type { ShutdownView } from "../../shared/notices.js";
import { listShutdowns } from "../api/notices.js";
import { useRemote } from "../api/useRemote.js";

/** Shutdowns change a few times a day: the map re-reads them every few minutes, not live. */
const REFRESH_MS = 5 * 60_000;
const NONE: readonly ShutdownView[] = [];

/** Planned shutdowns not yet over, in the viewer's area, for the control-room map. */
export function useCurrentShutdowns(enabled: boolean): readonly ShutdownView[] {
  const remote = useRemote(enabled ? "shutdowns:current" : null, (signal) =>
    listShutdowns(undefined, true, signal),
  );
  const { reload } = remote;
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, reload]);
  return remote.data?.shutdowns ?? NONE;
}
