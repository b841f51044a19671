import { fromWire, type MapCounts, type UnitCounts } from "../../shared/counts.js";
import type { Delta, IncidentView, Snapshot } from "../../shared/live.js";
import type { TicketEventView, TicketSummary } from "../../shared/tickets.js";

/** How many reports the live feed keeps. */
export const FEED_LIMIT = 50;

/** One row of the live feed: the ticket a report created or joined, at the time of that report. */
export interface FeedEntry {
  /** Ticket number and the seq of the report's event, so a ticket bumped by a new report remounts. */
  key: string;
  ticket: TicketSummary;
  at: string;
  /** True when it arrived while watching (not in the first snapshot): the feed highlights it. */
  fresh: boolean;
}

/** What a screen knows about one subscribed unit, at `seq`. */
export interface LiveUnitState {
  unitId: string;
  seq: number;
  day: string;
  unit: UnitCounts;
  children: Record<string, UnitCounts>;
  districts: Record<string, MapCounts>;
  feeders: Record<string, MapCounts>;
  feed: FeedEntry[];
  /** Reports that arrived while watching but were left out of the feed's updates (a storm). */
  feedSkipped: number;
  urgent: TicketSummary[];
  /** Open incidents (inferred feeder outages) inside the unit. */
  incidents: IncidentView[];
  /** Wall-clock ms when the last snapshot or delta was applied (for "updated 12 s ago"). */
  updatedAt: number;
}

/** Event types that mean "a report arrived": a new ticket, or a report joining one. */
const REPORT_EVENTS: ReadonlySet<TicketEventView["type"]> = new Set(["created", "report_attached"]);

export function isGone(t: TicketSummary): boolean {
  return t.status === "closed" || t.status === "merged";
}

export function fromSnapshot(s: Snapshot, now: number): LiveUnitState {
  return {
    unitId: s.unitId,
    seq: s.seq,
    day: s.day,
    unit: s.unit,
    children: { ...s.children },
    districts: { ...s.districts },
    feeders: fromWire(s.feeders),
    feed: s.recent
      .filter((t) => !isGone(t))
      .slice(0, FEED_LIMIT)
      .map((t) => ({ key: `${t.number}@${t.seq}`, ticket: t, at: t.createdAt, fresh: false })),
    feedSkipped: 0,
    urgent: s.urgent.filter((t) => !isGone(t)),
    incidents: (s.incidents ?? []).filter((i) => i.status === "open"),
    updatedAt: now,
  };
}

/**
 * Applies a delta. Counts in a delta are absolute at its seq, so one that is not newer than the
 * state (a late or repeated one) is dropped and the same state object is returned; a replay delta
 * (sent after a reconnect) or a continued one (counts an earlier update had no room for) is
 * applied even at an equal seq.
 */
export function applyDelta(
  state: LiveUnitState | null,
  d: Delta,
  now: number,
): LiveUnitState | null {
  if (!state || d.unitId !== state.unitId) return state;
  const again = d.replayFrom !== undefined || d.continued === true;
  if (d.seq < state.seq || (d.seq === state.seq && !again)) return state;
  const changed = new Map<string, TicketSummary>();
  for (const t of d.tickets) {
    const seen = changed.get(t.number);
    if (!seen || t.seq >= seen.seq) changed.set(t.number, t);
  }
  const feed = mergeFeed(state.feed, changed, d.events, state.seq);
  return {
    ...state,
    seq: Math.max(state.seq, d.seq),
    day: d.day,
    unit: d.units[state.unitId] ?? state.unit,
    children: mergeChildren(state.children, d.units),
    districts: { ...state.districts, ...d.districts },
    feeders: { ...state.feeders, ...fromWire(d.feeders) },
    feed,
    feedSkipped: state.feedSkipped + (d.moreEvents ?? 0),
    urgent: mergeTickets(state.urgent, changed),
    incidents: mergeIncidents(state.incidents, d.incidents ?? []),
    updatedAt: now,
  };
}

function mergeChildren(
  children: Record<string, UnitCounts>,
  units: Record<string, UnitCounts>,
): Record<string, UnitCounts> {
  const next = { ...children };
  for (const [id, counts] of Object.entries(units)) if (id in next) next[id] = counts;
  return next;
}

/** Newer summaries replace older ones; closed and merged tickets leave the list. */
export function mergeTickets(
  list: TicketSummary[],
  changed: ReadonlyMap<string, TicketSummary>,
): TicketSummary[] {
  if (changed.size === 0) return list;
  const out: TicketSummary[] = [];
  for (const t of list) {
    const update = changed.get(t.number);
    const next = update && update.seq >= t.seq ? update : t;
    if (!isGone(next)) out.push(next);
  }
  return out;
}

/** Raised or grown incidents replace older versions by id; resolved ones leave. */
export function mergeIncidents(list: IncidentView[], changed: IncidentView[]): IncidentView[] {
  if (changed.length === 0) return list;
  const byId = new Map(list.map((i) => [i.id, i]));
  for (const i of changed) {
    const seen = byId.get(i.id);
    if (seen && seen.seq > i.seq) continue;
    if (i.status === "open") byId.set(i.id, i);
    else byId.delete(i.id);
  }
  return [...byId.values()];
}

function mergeFeed(
  feed: FeedEntry[],
  changed: ReadonlyMap<string, TicketSummary>,
  events: TicketEventView[],
  sinceSeq: number,
): FeedEntry[] {
  let next: FeedEntry[] = feed.flatMap((e) => {
    const update = changed.get(e.ticket.number);
    if (!update || update.seq < e.ticket.seq) return [e];
    return isGone(update) ? [] : [{ ...e, ticket: update }];
  });
  for (const event of events) {
    if (event.seq <= sinceSeq || !REPORT_EVENTS.has(event.type)) continue;
    const ticket =
      changed.get(event.ticketNumber) ??
      next.find((e) => e.ticket.number === event.ticketNumber)?.ticket;
    if (!ticket || isGone(ticket)) continue;
    const entry = { key: `${ticket.number}@${event.seq}`, ticket, at: event.at, fresh: true };
    next = [entry, ...next.filter((e) => e.ticket.number !== ticket.number)];
  }
  return next.length > FEED_LIMIT ? next.slice(0, FEED_LIMIT) : next;
}
