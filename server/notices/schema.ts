import type { Generated, Selectable } from "kysely";

/** Row types of the notices tables (migration 0008). Times are ISO-8601 UTC strings. */

export interface NoticeTable {
  id: Generated<number>;
  /** What the notice is about: `incident:<id>` or `shutdown:<id>`. */
  subject: string;
  /** outage | restored | shutdown | reply (an answer to a report that joined an announced outage). */
  kind: string;
  /** The person: a normalised phone, or `<channel>:<address>` for those we know by no phone. */
  recipient_key: string;
  channel: string;
  recipient: string;
  language: string;
  ticket_id: number | null;
  /** Not before this time (the shutdown's lead time); quiet hours defer it further when sent. */
  send_after: string;
  /** waiting | queued (in the outbox) | opted_out | cancelled. */
  status: string;
  outbox_id: number | null;
  created_at: string;
  queued_at: string | null;
}

export interface OutageAnnouncementTable {
  incident_id: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  crew_assigned: number;
  restore_by: string | null;
  /** When the outage notices were planned (inferred, or confirmed in OUTAGE_NOTICES=confirmed). */
  announced_at: string | null;
  /** When the restoration notices were planned. */
  restored_at: string | null;
  updated_at: string;
}

export interface ShutdownTable {
  id: string;
  /** JSON array of feeder ids. */
  feeders: string;
  /** The lowest unit holding every feeder (whose officers may change it). */
  unit_id: string;
  /** JSON array: that unit's path, root first. */
  path: string;
  reason: string;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
}

export interface NoticeOptOutTable {
  recipient_key: string;
  channel: string;
  at: string;
}

export type NoticeRow = Selectable<NoticeTable>;
export type AnnouncementRow = Selectable<OutageAnnouncementTable>;
export type ShutdownRow = Selectable<ShutdownTable>;
