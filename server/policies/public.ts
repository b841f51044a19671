import type { Network } from "../network/loaded-network.js";
import { allows } from "./abilities.js";
import type { Viewer } from "./viewer.js";

/**
 * What leaves the server on the public pages (outages, who to call), asked by their presenters:
 * an officer's number only when an administrator published it, never a consumer's name, phone or
 * account number (the public presenters carry no such field at all).
 */
export function publicOfficerPhone(
  officer: { id: string; phone: string },
  isPublished: (officerId: string) => boolean,
): string | null {
  return isPublished(officer.id) ? officer.phone : null;
}

/** May this viewer choose which numbers of officers heading `unitId` (or its fuse-call centre) are public? */
export function mayPublishContacts(network: Network, viewer: Viewer, unitId: string): boolean {
  return allows(network, viewer, "administer", unitId);
}
