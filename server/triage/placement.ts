import type { Unit } from "../../shared/network.js";
import type { Network } from "../network/loaded-network.js";
import type { PlaceMatch } from "./types.js";

export interface PlacementInput {
  /** The feeder of the consumer's account, when the account is known. */
  accountFeederId: string | null;
  lat?: number;
  lon?: number;
  place: PlaceMatch | null;
}

export interface Placement {
  feeder: Unit | null;
  districtId: string | null;
  placedBy: "account" | "point" | "text" | null;
}

/** A point further than this from every feeder is not in our network. */
export const MAX_FEEDER_DISTANCE_KM = 25;

/**
 * Places a report on a feeder, most reliable evidence first: the consumer's account, then a
 * location pin, then a feeder named in the text. A district alone is kept but does not place it.
 */
export function placeReport(network: Network, input: PlacementInput): Placement {
  if (input.accountFeederId) {
    const feeder = network.unit(input.accountFeederId);
    if (feeder) return { feeder, districtId: feeder.districtId, placedBy: "account" };
  }
  if (input.lat !== undefined && input.lon !== undefined) {
    const hit = network.index.nearest(input.lat, input.lon, MAX_FEEDER_DISTANCE_KM);
    if (hit) return { feeder: hit.feeder, districtId: hit.feeder.districtId, placedBy: "point" };
  }
  const unitId = input.place?.unitId;
  const named = unitId ? network.unit(unitId) : undefined;
  if (named?.kind === "feeder")
    return { feeder: named, districtId: named.districtId, placedBy: "text" };
  return {
    feeder: null,
    districtId: named?.districtId ?? input.place?.districtId ?? null,
    placedBy: null,
  };
}
