import type { Logger } from "pino";
import type { ApiKeys } from "../access/keys.js";
import type { LiveHub } from "../live/hub.js";
import type { Officers } from "../officers/officers.js";
import type { PublicContacts } from "../public/contacts.js";
import type { PublicOutageFeed } from "../public/outage-feed.js";
import type { Store } from "../store/store.js";
import type { SettingsStore } from "../tickets/settings.js";
import type { Cluster } from "./cluster.js";

interface CacheDeps {
  settings: SettingsStore;
  officers: Officers;
  keys: ApiKeys;
  contacts: PublicContacts;
  publicOutages: PublicOutageFeed;
  store: Store;
}

/**
 * Every in-memory cache of what is in the store, with how to read it again. One table, so the
 * signal a change sends, the reload it causes on the other nodes and the catch-up after a gap
 * always cover the same caches.
 */
function caches(d: CacheDeps) {
  return {
    settings: {
      reload: () => d.settings.load(),
      watch: (f: () => void) => (d.settings.onChanged = f),
    },
    officers: {
      reload: () => d.officers.refresh(d.store.kysely),
      watch: (f: () => void) => (d.officers.onChanged = f),
    },
    "api-keys": {
      reload: async () => d.keys.invalidate(),
      watch: (f: () => void) => (d.keys.onChanged = f),
    },
    contacts: {
      reload: () => d.contacts.reload(d.store.kysely),
      watch: (f: () => void) => (d.contacts.onChanged = f),
    },
    // Shutdowns and restoration times; incidents reach every node's feed over the event bus.
    "public-outages": {
      reload: async () => d.publicOutages.invalidate(),
      watch: (f: () => void) => (d.publicOutages.onChanged = f),
    },
  } as const;
}

/** Reads every cache again from the store (the catch-up after a gap in the cluster's events). */
export async function reloadCaches(d: CacheDeps): Promise<void> {
  for (const cache of Object.values(caches(d))) await cache.reload();
}

/** Caches and sessions other nodes changed: reload from the store, close ended sessions' sockets. */
export function wireClusterSignals(
  cluster: Cluster,
  deps: CacheDeps & { hub: LiveHub; log: Logger },
): void {
  const { signals } = cluster;
  for (const [kind, cache] of Object.entries(caches(deps)) as [
    keyof ReturnType<typeof caches>,
    ReturnType<typeof caches>[keyof ReturnType<typeof caches>],
  ][]) {
    cache.watch(() => signals.send({ kind }));
    signals.on(kind, () => {
      cache
        .reload()
        .catch((err: unknown) => deps.log.error({ err, what: kind }, "cluster: reload failed"));
    });
  }
  signals.on("sessions-ended", (signal) => deps.hub.endSessions(signal.ids));
}
