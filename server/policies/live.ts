import { LIVE_LEVELS, type LiveLevel } from "../../shared/live.js";
import type { Network } from "../network/loaded-network.js";
import { allows, disclosureFor } from "./abilities.js";
import type { Viewer } from "./viewer.js";

/** The most of the live stream this viewer's role may have (see LiveLevel). */
function roleLevel(network: Network, viewer: Viewer): LiveLevel {
  if (!allows(network, viewer, "read")) return "counts";
  return disclosureFor(viewer, "live") === "full" ? "full" : "masked";
}

/**
 * The level a live subscription gets: what the screen asked for (a summary screen asks for
 * `counts`), never more than the role allows; with no request, all the role allows.
 */
export function liveLevelFor(network: Network, viewer: Viewer, requested?: LiveLevel): LiveLevel {
  const allowed = roleLevel(network, viewer);
  if (requested === undefined) return allowed;
  // LIVE_LEVELS runs from most to least: the later of the two is the lesser.
  return LIVE_LEVELS[Math.max(LIVE_LEVELS.indexOf(allowed), LIVE_LEVELS.indexOf(requested))];
}
