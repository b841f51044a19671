import {
  FEED_PER_UPDATE,
  LIVE_BURST_BYTES,
  LIVE_BYTES_PER_SECOND,
  MAX_UPDATES_PER_SECOND,
  SUMMARY_BYTES_PER_SECOND,
  SUMMARY_UPDATES_PER_SECOND,
  type Delta,
  type LiveLevel,
} from "../../shared/live.js";
import { toWire } from "../../shared/counts.js";
import type { TicketChange } from "../events/bus.js";
import { presentIncident } from "../incidents/incidents.js";
import type { Projections } from "../projections/counts.js";
import type { IncidentRow } from "../store/schema.js";
import type { EventRow, TicketRow } from "../store/store.js";
import { presentEvent, presentTicket } from "../tickets/present.js";

/** Tickets a room's screens may be showing (snapshot lists and feed), most recent kept. */
const SHOWN_LIMIT = 200;
const REPORT_EVENTS = new Set(["created", "report_attached"]);

export interface RoomBudget {
  bytesPerSecond: number;
  burstBytes: number;
  /** Default MAX_UPDATES_PER_SECOND. */
  updatesPerSecond?: number;
}
export const DEFAULT_BUDGET: RoomBudget = {
  bytesPerSecond: LIVE_BYTES_PER_SECOND,
  burstBytes: LIVE_BURST_BYTES,
  updatesPerSecond: MAX_UPDATES_PER_SECOND,
};
export const SUMMARY_BUDGET: RoomBudget = {
  bytesPerSecond: SUMMARY_BYTES_PER_SECOND,
  burstBytes: SUMMARY_BYTES_PER_SECOND,
  updatesPerSecond: SUMMARY_UPDATES_PER_SECOND,
};

/**
 * A unit has up to two rooms: `stream` for the screens that show the feed and ticket lists (the
 * full and masked levels, one delta redacted per level), `summary` for counts-level screens, with
 * its own smaller budget and no feed or tickets gathered at all.
 */
export type RoomKind = "stream" | "summary";
export const LEVELS_OF: Record<RoomKind, readonly LiveLevel[]> = {
  stream: ["full", "masked"],
  summary: ["counts"],
};
export const roomKindOf = (level: LiveLevel): RoomKind =>
  level === "counts" ? "summary" : "stream";

/**
 * What one room (the screens subscribed to one unit) still has to hear, and its byte budget.
 * Counts are kept as dirty ids and read at flush time (absolute values), so whatever does not fit
 * one delta goes out in the next one and the screens are exact once the burst is over.
 */
export class Room {
  readonly units = new Set<string>();
  readonly districts = new Set<string>();
  readonly feeders = new Set<string>();
  private readonly tickets = new Map<string, TicketRow>();
  private feed: Array<{ event: EventRow; ticket: TicketRow }> = [];
  private moreEvents = 0;
  private readonly incidents = new Map<string, IncidentRow>();
  /** Ticket numbers some screen of the room may be showing; only their changes are pushed. */
  private readonly shown = new Set<string>();
  private tokens: number;
  private refilledAt: number;
  timer: NodeJS.Timeout | null = null;
  lastFlush = 0;
  private lastSeq = -1;
  private readonly minIntervalMs: number;
  /**
   * Under load a delta waits until the bucket holds one interval's share of the budget, so a
   * storm's updates come at the room's rate, evenly filled, and the bucket never runs far into
   * debt (a coalescing tick of 100 ms for the stream, 250 ms for summaries).
   */
  private readonly flushMinBytes: number;

  constructor(
    readonly unitId: string,
    readonly kind: RoomKind,
    private readonly budget: RoomBudget,
    now: number,
  ) {
    this.tokens = budget.burstBytes;
    this.refilledAt = now;
    const perSecond = budget.updatesPerSecond ?? MAX_UPDATES_PER_SECOND;
    this.minIntervalMs = 1000 / perSecond;
    this.flushMinBytes = Math.min(budget.bytesPerSecond / perSecond, budget.burstBytes);
  }

  /** Remembers tickets a screen was just sent in a snapshot, so their changes reach it. */
  showing(numbers: Iterable<string>): void {
    for (const n of numbers) this.show(n);
  }

  private show(number: string): void {
    this.shown.delete(number);
    this.shown.add(number);
    if (this.shown.size > SHOWN_LIMIT) this.shown.delete(this.shown.values().next().value!);
  }

  /** Records a committed change inside the unit (the caller has added the dirty counts). */
  addChange(change: TicketChange, incident: IncidentRow | null): void {
    if (incident) this.incidents.set(incident.id, incident);
    if (this.kind === "summary") return;
    const t = change.after;
    if (this.shown.has(t.number)) this.tickets.set(t.number, t);
    // A ticket waiting in the feed goes out as it is now, not as it was when reported.
    for (const entry of this.feed) if (entry.ticket.id === t.id) entry.ticket = t;
    for (const event of change.events) {
      if (!REPORT_EVENTS.has(event.type)) continue;
      this.feed.push({ event, ticket: t });
      if (this.feed.length > FEED_PER_UPDATE) {
        this.feed.shift();
        this.moreEvents++;
      }
    }
  }

  get dirty(): boolean {
    return (
      this.units.size + this.districts.size + this.feeders.size + this.tickets.size > 0 ||
      this.feed.length + this.incidents.size > 0
    );
  }

  private refill(now: number): void {
    const { bytesPerSecond, burstBytes } = this.budget;
    this.tokens = Math.min(
      burstBytes,
      this.tokens + ((now - this.refilledAt) * bytesPerSecond) / 1000,
    );
    this.refilledAt = now;
  }

  /** Milliseconds until the next delta may go out (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    const sinceLast = this.lastFlush + this.minIntervalMs - now;
    const need = this.flushMinBytes - this.tokens;
    const forBytes = need > 0 ? (need * 1000) / this.budget.bytesPerSecond : 0;
    return Math.max(0, sinceLast, Math.ceil(forBytes));
  }

  /**
   * The next delta within the budget. The unit's own counts always go, and the first waiting
   * outage and report; then, while the budget lasts, the other outages, the feed, the children's
   * and districts' counts, the changed tickets shown and the feeders' counts.
   */
  takeDelta(projections: Projections, now: number): { delta: Delta; bytes: number } {
    this.refill(now);
    this.lastFlush = now;
    let left = this.tokens;
    const fits = (bytes: number) => {
      if (bytes > left) return false;
      left -= bytes;
      return true;
    };
    const { unitId } = this;
    const own = projections.counts(unitId);
    const delta: Delta = {
      unitId,
      seq: projections.seq,
      day: projections.day,
      units: { [unitId]: own },
      districts: {},
      feeders: {},
      tickets: [],
      events: [],
      incidents: [],
    };
    left -= 200 + JSON.stringify(own).length;
    this.units.delete(unitId);
    // Outages next (the alarms): as many as fit, the first always. A storm that raises and grows
    // dozens at once must not push a delta past the budget; the rest go in the next one.
    for (const [id, row] of this.incidents) {
      const view = presentIncident(row);
      if (!fits(JSON.stringify(view).length) && delta.incidents.length > 0) break;
      delta.incidents.push(view);
      this.incidents.delete(id);
    }

    const sent = new Set<string>();
    const feed = this.feed;
    this.feed = [];
    let dropped = this.moreEvents;
    this.moreEvents = 0;
    // Newest first, so a tight budget keeps the latest reports; the newest always goes.
    for (let i = feed.length - 1; i >= 0; i--) {
      const { event, ticket } = feed[i];
      const view = presentEvent(event, ticket.number);
      const summary = sent.has(ticket.number) ? null : presentTicket(ticket);
      const bytes = JSON.stringify(view).length + (summary ? JSON.stringify(summary).length : 0);
      if (!fits(bytes) && delta.events.length > 0) {
        dropped += i + 1;
        break;
      }
      delta.events.unshift(view);
      if (summary) {
        delta.tickets.push(summary);
        sent.add(ticket.number);
        this.show(ticket.number);
        this.tickets.delete(ticket.number);
      }
    }
    if (dropped > 0) delta.moreEvents = dropped;

    for (const id of this.units) {
      const c = projections.counts(id);
      if (!fits(JSON.stringify(c).length + id.length + 4)) break;
      delta.units[id] = c;
      this.units.delete(id);
    }
    for (const id of this.districts) {
      const c = projections.districtCount(unitId, id);
      if (!fits(JSON.stringify(c).length + id.length + 4)) break;
      delta.districts[id] = c;
      this.districts.delete(id);
    }
    // Changed rows of the lists the screen shows: after the tiles and shading, before the map's
    // feeders (the most numerous, and the least read at a glance).
    for (const [number, row] of this.tickets) {
      const summary = presentTicket(row);
      if (!fits(JSON.stringify(summary).length)) break;
      delta.tickets.push(summary);
      this.tickets.delete(number);
    }
    for (const id of this.feeders) {
      const c = toWire(projections.mapCounts(id));
      if (!fits(JSON.stringify(c).length + id.length + 4)) break;
      delta.feeders[id] = c;
      this.feeders.delete(id);
    }
    if (delta.seq === this.lastSeq) delta.continued = true;
    this.lastSeq = delta.seq;
    const bytes = JSON.stringify(delta).length;
    this.tokens -= bytes;
    return { delta, bytes };
  }
}
