import type { Network } from "../network/loaded-network.js";
import type { Viewer } from "./viewer.js";

export type { Viewer } from "./viewer.js";

/**
 * May this viewer see unit X? The one answer used by HTTP reads and Socket.IO room joins alike.
 * A viewer sees a unit when their own unit is on its path; keys and anonymous callers see none.
 */
export function canSeeUnit(network: Network, viewer: Viewer, unitId: string): boolean {
  if (viewer.kind === "anonymous" || viewer.kind === "key" || !viewer.unitId) return false;
  const unit = network.unit(unitId);
  if (!unit) return false;
  return unit.path.includes(viewer.unitId);
}

/** May this viewer see something whose ancestor path (root first) is `path`? */
export function canSeePath(viewer: Viewer, path: readonly string[]): boolean {
  if (viewer.kind === "anonymous" || viewer.kind === "key" || !viewer.unitId) return false;
  return path.includes(viewer.unitId);
}

/** The unit a viewer lands on when they ask for "everything I may see". */
export function defaultUnitFor(viewer: Viewer): string {
  return viewer.unitId;
}
