import type { Delta, Snapshot } from "../../shared/live.js";
import type { TicketEventView, TicketSummary } from "../../shared/tickets.js";
import { allows, disclosureFor, type Viewer } from "../policies/index.js";
import type { Network } from "../network/loaded-network.js";
import { maskPersonalText } from "../tickets/present.js";

/**
 * What one kind of screen gets of the live stream. `full`: the control room and admins; `masked`:
 * officers (tickets and feed with digits and free text masked); `counts`: roles that see only
 * summaries (minister, call centre): counts and outages, no ticket or feed at all.
 */
export type LiveLevel = "full" | "masked" | "counts";
export const LIVE_LEVELS: readonly LiveLevel[] = ["full", "masked", "counts"];

export function liveLevelFor(network: Network, viewer: Viewer): LiveLevel {
  if (!allows(network, viewer, "read")) return "counts";
  return disclosureFor(viewer, "live") === "full" ? "full" : "masked";
}

const maskTicket = (t: TicketSummary): TicketSummary => ({
  ...t,
  excerpt: maskPersonalText(t.excerpt),
});

function maskEvent(e: TicketEventView): TicketEventView {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.data))
    data[k] = typeof v === "string" ? maskPersonalText(v) : v;
  return { ...e, data };
}

export function redactSnapshot(s: Snapshot, level: LiveLevel): Snapshot {
  if (level === "full") return s;
  if (level === "counts") return { ...s, recent: [], urgent: [] };
  return { ...s, recent: s.recent.map(maskTicket), urgent: s.urgent.map(maskTicket) };
}

export function redactDelta(d: Delta, level: LiveLevel): Delta {
  if (level === "full") return d;
  if (level === "counts") return { ...d, tickets: [], events: [] };
  return { ...d, tickets: d.tickets.map(maskTicket), events: d.events.map(maskEvent) };
}
