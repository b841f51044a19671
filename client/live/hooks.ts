import { useEffect, useState, useSyncExternalStore } from "react";
import type { LiveLevel } from "../../shared/live.js";
import type { ConnectionState } from "./connection.js";
import type { DistrictShapes, LazyResource, NetworkIndex, Resource } from "./network.js";
import { districtShapesResource, networkResource } from "./network.js";
import { connectionStore, liveStore, watchUnit } from "./socket.js";
import type { LiveUnitState } from "./state.js";

/**
 * Live counts, map data and feed for a unit (undefined: the whole network this screen may see).
 * Summary screens pass `counts`: summary-sized updates, no feed or ticket lists.
 */
export function useLiveUnit(unitId?: string, level?: LiveLevel): LiveUnitState | null {
  useEffect(() => watchUnit(unitId, level), [unitId, level]);
  const state = useSyncExternalStore(liveStore.subscribe, liveStore.get, () => null);
  if (state && unitId !== undefined && state.unitId !== unitId) return null;
  return state;
}

export function useConnection(): ConnectionState {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get, connectionStore.get);
}

/** When the live data was last updated (wall-clock ms), or null before the first snapshot. */
export function useLiveUpdatedAt(): number | null {
  return useSyncExternalStore(
    liveStore.subscribe,
    () => liveStore.get()?.updatedAt ?? null,
    () => null,
  );
}

function useResource<T>(resource: LazyResource<T>): Resource<T> {
  return useSyncExternalStore(resource.subscribe, resource.store.get, resource.store.get);
}

export function useNetwork(): Resource<NetworkIndex> {
  return useResource(networkResource);
}

export function useDistrictShapes(): Resource<DistrictShapes> {
  return useResource(districtShapesResource);
}

/** The current time, re-read every `intervalMs`, for ages that must keep counting up. */
export function useNow(intervalMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
