import { canTransition } from "../../../shared/domain.js";
import type { TicketAction } from "../../../shared/schemas.js";
import type { TicketSummary } from "../../../shared/tickets.js";

export type ActionType = TicketAction["type"];

/** Order in which the ticket page offers actions: the usual next step first. */
export const ACTION_ORDER: readonly ActionType[] = [
  "categorise",
  "place",
  "assign",
  "start",
  "resolve",
  "confirm_otp",
  "reopen",
  "escalate",
  "note",
  "merge",
];

/**
 * The actions the current status allows, from the shared state machine (so the page never offers
 * what the server would refuse with 409). Triage actions are offered while the ticket needs triage.
 */
export function availableActions(
  t: Pick<TicketSummary, "status" | "needsTriage" | "feederId">,
): ActionType[] {
  const done = t.status === "closed" || t.status === "merged";
  const allowed = new Set<ActionType>();
  if (!done && t.needsTriage) {
    allowed.add("categorise");
    allowed.add("place");
  }
  if (canTransition(t.status, "assigned") && t.feederId) allowed.add("assign");
  if (canTransition(t.status, "in_progress")) allowed.add("start");
  if (canTransition(t.status, "resolved")) allowed.add("resolve");
  if (canTransition(t.status, "reopened")) allowed.add("reopen");
  if (canTransition(t.status, "closed")) allowed.add("confirm_otp");
  if (canTransition(t.status, "merged")) allowed.add("merge");
  // The server escalates only work still in hand, and only along a feeder's ladder.
  if (!done && t.status !== "resolved" && t.feederId) allowed.add("escalate");
  if (!done) allowed.add("note");
  return ACTION_ORDER.filter((a) => allowed.has(a));
}

/**
 * The unit whose officers can take a ticket: its division (or, off the usual hierarchy, the
 * deepest unit above the feeder's substation), so the picker lists the XEN, SDOs and JEs.
 */
export function officerUnitFor(
  path: readonly string[],
  kindOf: (id: string) => string | undefined,
): string | null {
  const division = path.find((id) => kindOf(id) === "division");
  if (division) return division;
  // An unplaced ticket waits at its district's control room (a circle or above): its officers.
  const last = path.at(-1);
  const kind = last ? kindOf(last) : undefined;
  if (path.length > 1 && kind && kind !== "feeder") return last ?? null;
  return path.length >= 3 ? path[path.length - 3] : null;
}
