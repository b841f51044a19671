import type { MapCounts, UnitCounts, WireMapCounts } from "./counts.js";
import type { TicketEventView, TicketSummary } from "./tickets.js";

/** An inferred feeder outage: many supply-cut reports on one feeder (or one substation's feeders). */
export interface IncidentView {
  id: string;
  status: "open" | "resolved";
  feederId: string;
  substationId: string;
  feeders: string[];
  path: string[];
  startedAt: string;
  resolvedAt: string | null;
  reportCount: number;
  ticketCount: number;
  consumersAffected: number;
  seq: number;
}

/** The server's answer to `subscribe`: everything a screen needs to draw one unit. */
export interface Snapshot {
  unitId: string;
  seq: number;
  /** IST day the *Today counters refer to. */
  day: string;
  unit: UnitCounts;
  children: Record<string, UnitCounts>;
  /** Open tickets per district inside the unit (for shading). */
  districts: Record<string, MapCounts>;
  /** Open tickets per feeder inside the unit (feeders with none are left out), as `[open, atRisk, breached]`. */
  feeders: Record<string, WireMapCounts>;
  /** Most recent open tickets, newest first. */
  recent: TicketSummary[];
  /** Most urgent open tickets, earliest due first. */
  urgent: TicketSummary[];
  /** Open incidents inside the unit. */
  incidents: IncidentView[];
  generatedAt: string;
}

/**
 * A coalesced change to a subscribed unit. Counts are absolute values at `seq`, so applying a
 * delta twice, or after a newer snapshot, changes nothing; clients drop deltas with seq <= theirs.
 */
export interface Delta {
  unitId: string;
  seq: number;
  day: string;
  /** The subscribed unit and any of its children whose counts changed. */
  units: Record<string, UnitCounts>;
  districts: Record<string, MapCounts>;
  /** As in a snapshot: `[open, atRisk, breached]`. */
  feeders: Record<string, WireMapCounts>;
  /**
   * Tickets the screen shows that changed (closed ones too, so lists can drop them), and the
   * tickets of `events`. Live deltas leave out tickets no list of the screen displays.
   */
  tickets: TicketSummary[];
  /**
   * The live feed, in seq order. A live delta carries at most FEED_PER_UPDATE of the newest
   * report events (created, report_attached); a replay carries every event missed.
   */
  events: TicketEventView[];
  /** Report events inside the unit that arrived since the last update but were left out of `events`. */
  moreEvents?: number;
  /** Incidents inside the unit that were raised, grew or were resolved. */
  incidents: IncidentView[];
  /**
   * Set when this delta carries counts an earlier update at the same seq had no budget for:
   * apply it even though its seq is not newer.
   */
  continued?: boolean;
  /** Set when this delta replays events missed while disconnected (seq range fromSeq+1..seq). */
  replayFrom?: number;
}

/**
 * How much of the stream a screen gets, most to least. `full`: counts, the feed and ticket lists
 * (control room, admins); `masked`: the same with digits and free text masked (officers);
 * `counts`: summary-sized, the unit's and its children's counts, per-district and per-feeder
 * counts and open outages, never a feed or a ticket row (the minister, /summary, the wall).
 * A screen may ask for less than its role allows, never more.
 */
export const LIVE_LEVELS = ["full", "masked", "counts"] as const;
export type LiveLevel = (typeof LIVE_LEVELS)[number];

export interface SubscribeAck {
  ok: boolean;
  mode?: "snapshot" | "replay";
  /** The level granted: the one asked for, or less when the viewer's role allows less. */
  level?: LiveLevel;
  error?: { code: string; message: string };
  /** With `rate_limited`: how long to wait before asking again. */
  retryAfterMs?: number;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  delta: (delta: Delta) => void;
}

export interface ClientToServerEvents {
  subscribe: (
    request: { unitId?: string; sinceSeq?: number; level?: LiveLevel },
    ack?: (res: SubscribeAck) => void,
  ) => void;
  unsubscribe: (request: { unitId: string }) => void;
}

export const LIVE_NAMESPACE = "/live";
/** At most this many coalesced updates per second reach one subscribed screen. */
export const MAX_UPDATES_PER_SECOND = 10;
/**
 * A screen's byte budget for live deltas (a token bucket per room: this rate, this burst). The
 * subscribed unit's counts and incidents always go out; the feed, ticket changes, district and
 * feeder counts fill what the budget leaves, and what does not fit waits for the next update
 * (counts are absolute, so nothing is lost, only later).
 */
export const LIVE_BYTES_PER_SECOND = 16_000;
export const LIVE_BURST_BYTES = 16_000;
/**
 * The summary-sized budget of a `counts` screen (its own rooms, so the control room's feed never
 * spends it): fewer updates a second and fewer bytes; under a storm it gets the unit's counts,
 * then its children's, districts' and feeders' as the budget lasts.
 */
export const SUMMARY_UPDATES_PER_SECOND = 4;
export const SUMMARY_BYTES_PER_SECOND = 6_000;
/** At most this many report events (the live feed) in one delta. */
export const FEED_PER_UPDATE = 5;
/** Bound on `recent` and `urgent` ticket lists in a snapshot. */
export const SNAPSHOT_TICKET_LIMIT = 25;
