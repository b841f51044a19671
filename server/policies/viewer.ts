import type { Role } from "../../shared/access.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";

/** Who is asking: a signed-in user, an intake key, a process of our own, or nobody. */
export interface Viewer {
  kind: "user" | "key" | "system" | "anonymous";
  /** Recorded as the actor of events and audit entries: `user:<name>`, `key:<name>`, `system:<what>`. */
  actor: string;
  role: Role | null;
  /** The unit whose subtree this viewer may see (the root for the state's control room). */
  unitId: string;
  userId?: number;
  sessionId?: string;
  officerId?: string | null;
  key?: { id: number; channels: ReadonlySet<string>; ratePerMinute: number };
}

export const ANONYMOUS: Viewer = { kind: "anonymous", actor: "anonymous", role: null, unitId: "" };

/** A process of Nigrani's own (clock, simulator, CLI) acting on the whole network. */
export function systemViewer(what: string): Viewer {
  return { kind: "system", actor: `system:${what}`, role: "admin", unitId: ROOT_UNIT_ID };
}
