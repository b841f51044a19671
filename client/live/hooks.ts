import { useEffect, useSyncExternalStore } from "react";
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

// In a module of its own so the public pages use it without the live socket.
export { useNow } from "./useNow.js";
