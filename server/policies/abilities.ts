import type { Role } from "../../shared/access.js";
import type { Network } from "../network/loaded-network.js";
import { canSeeUnit } from "./units.js";
import type { Viewer } from "./viewer.js";

/**
 * What a viewer may do. `read`: tickets, incidents, scorecards and the live feed of tickets;
 * `act`: ticket and incident actions; `administer`: users, keys, audit, settings, officers' leave;
 * `file`: new reports and imports; `lookup`: find one ticket by number or phone (call centre);
 * `summary`: counts and charts without personal data.
 */
export type Ability = "read" | "act" | "administer" | "file" | "lookup" | "summary";

const BY_ROLE: Record<Role, ReadonlySet<Ability>> = {
  admin: new Set(["read", "act", "administer", "file", "lookup", "summary"]),
  control_room: new Set(["read", "act", "file", "lookup", "summary"]),
  officer: new Set(["read", "act", "lookup", "summary"]),
  call_centre: new Set(["file", "lookup", "summary"]),
  minister: new Set(["summary"]),
};

/** The one decision: may this viewer do `ability`, and (when given) within this unit? */
export function allows(
  network: Network,
  viewer: Viewer,
  ability: Ability,
  unitId?: string,
): boolean {
  if (viewer.kind === "key") return ability === "file";
  if (!viewer.role) return false;
  if (!BY_ROLE[viewer.role].has(ability)) return false;
  return unitId === undefined || canSeeUnit(network, viewer, unitId);
}

export function roleMay(role: Role, ability: Ability): boolean {
  return BY_ROLE[role].has(ability);
}

/**
 * How much personal data (consumer phone, name, account, digits in report text) this viewer gets.
 * Officers, the control room and admins work the tickets and call consumers; a call-centre agent
 * sees full details only of the caller's own ticket; ministers and the public never. On the live
 * feed, which is pushed whether or not anyone looks, only the control room and admins get it.
 */
export type Disclosure = "full" | "masked";

export function disclosureFor(
  viewer: Viewer,
  where: "rest" | "live",
  ownTicket = false,
): Disclosure {
  if (viewer.role === "admin" || viewer.role === "control_room") return "full";
  if (viewer.role === "officer") return where === "rest" ? "full" : "masked";
  if (viewer.role === "call_centre" && ownTicket && where === "rest") return "full";
  return "masked";
}
