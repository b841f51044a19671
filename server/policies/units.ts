import type { Network } from "../network/loaded-network.js";

/** Who is looking: a control-room screen sees the whole network; an officer sees their units. */
export interface Viewer {
  id: string;
  role: "control_room" | "officer" | "public";
  /** Units whose subtrees this viewer may see (the root for control-room staff). */
  scope: string[];
}

export const CONTROL_ROOM_VIEWER: Viewer = {
  id: "control-room",
  role: "control_room",
  scope: ["network"],
};

/**
 * May this viewer see unit X? The one answer used by HTTP reads and Socket.IO room joins alike.
 * A viewer sees a unit when one of their scope units is on its path.
 */
export function canSeeUnit(network: Network, viewer: Viewer, unitId: string): boolean {
  if (viewer.role === "public") return false;
  const unit = network.unit(unitId);
  if (!unit) return false;
  return viewer.scope.some((s) => unit.path.includes(s));
}

/** The unit a viewer lands on when they ask for "everything I may see". */
export function defaultUnitFor(viewer: Viewer): string {
  return viewer.scope.length === 1 ? viewer.scope[0] : "network";
}
