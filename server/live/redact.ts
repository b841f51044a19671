import type { Delta, LiveLevel, Snapshot } from "../../shared/live.js";
import type { TicketEventView, TicketSummary } from "../../shared/tickets.js";
import { maskPersonalText } from "../tickets/present.js";

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

/**
 * What one level (see LiveLevel; the policy picks it) gets of a snapshot or delta: `full` all of
 * it, `masked` tickets and feed with digits and free text masked, `counts` no ticket or feed at all.
 */
export function redactSnapshot(s: Snapshot, level: LiveLevel): Snapshot {
  if (level === "full") return s;
  if (level === "counts") return { ...s, recent: [], urgent: [] };
  return { ...s, recent: s.recent.map(maskTicket), urgent: s.urgent.map(maskTicket) };
}

export function redactDelta(d: Delta, level: LiveLevel): Delta {
  if (level === "full") return d;
  if (level === "counts") {
    const counts: Delta = { ...d, tickets: [], events: [] };
    // How many reports the feed left out is the feed's business, not a summary's.
    delete counts.moreEvents;
    return counts;
  }
  return { ...d, tickets: d.tickets.map(maskTicket), events: d.events.map(maskEvent) };
}
