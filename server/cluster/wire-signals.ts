import type { Logger } from "pino";
import type { LiveHub } from "../live/hub.js";
import type { Officers } from "../officers/officers.js";
import type { Store } from "../store/store.js";
import type { SettingsStore } from "../tickets/settings.js";
import type { Cluster } from "./cluster.js";

/** Caches and sessions other nodes changed: reload from the store, close ended sessions' sockets. */
export function wireClusterSignals(
  cluster: Cluster,
  deps: { hub: LiveHub; settings: SettingsStore; officers: Officers; store: Store; log: Logger },
): void {
  const { signals } = cluster;
  const reload = (what: string, run: () => Promise<void>) => () =>
    void run().catch((err: unknown) => deps.log.error({ err, what }, "cluster: reload failed"));
  deps.settings.onChanged = () => signals.send({ kind: "settings" });
  deps.officers.onChanged = () => signals.send({ kind: "officers" });
  signals.on(
    "settings",
    reload("settings", () => deps.settings.load()),
  );
  signals.on(
    "officers",
    reload("officers", () => deps.officers.refresh(deps.store.kysely)),
  );
  signals.on("sessions-ended", (signal) => deps.hub.endSessions(signal.ids));
}
