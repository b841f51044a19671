import type { CategoryId, Channel, SlaState, Status } from "./domain.js";

/** Why a ticket waits in the triage queue for a person. */
export const QUEUE_REASONS = ["category_unsure", "place_unknown", "both"] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** The queue reason of a ticket from what is missing, or null when nothing is. */
export function queueReasonOf(t: {
  category: CategoryId | null;
  feederId: string | null;
}): QueueReason | null {
  if (t.category === null && t.feederId === null) return "both";
  if (t.category === null) return "category_unsure";
  if (t.feederId === null) return "place_unknown";
  return null;
}

/** What a screen needs to show a ticket in a feed or list (no personal data). */
export interface TicketSummary {
  number: string;
  seq: number;
  status: Status;
  category: CategoryId | null;
  channel: Channel;
  feederId: string | null;
  /**
   * Ancestor ids from the root to the feeder. While the feeder is unknown: to the control room of
   * the district named in the report, or just the root when no district is known.
   */
  path: string[];
  districtId: string | null;
  needsTriage: boolean;
  /** Why the ticket waits in the triage queue (null once categorised and placed). */
  queueReason: QueueReason | null;
  slaState: SlaState;
  createdAt: string;
  dueAt: string | null;
  updatedAt: string;
  /** First line of the first report, trimmed; phone numbers masked. */
  excerpt: string;
  reportCount: number;
  assigneeId: string | null;
  escalationLevel: number;
  incidentId: string | null;
  /** How sure the categoriser was (1 when a person or the channel set the category). */
  confidence: number | null;
  /** The categoriser's best guess while the ticket waits in the triage queue (null for "other"). */
  suggestedCategory: CategoryId | null;
}

export interface ReportView {
  id: string;
  channel: Channel;
  externalId: string | null;
  text: string;
  receivedAt: string;
  consumerAccount: string | null;
  /** Masked except for the last 4 digits. */
  phone: string | null;
  lat: number | null;
  lon: number | null;
}

export const EVENT_TYPES = [
  "created",
  "report_attached",
  "categorised",
  "located",
  "assigned",
  "status_changed",
  "sla_changed",
  "escalated",
  "note",
  "feedback",
  "merged",
  "otp_failed",
  "incident_linked",
] as const;
export type TicketEventType = (typeof EVENT_TYPES)[number];

export interface TicketEventView {
  seq: number;
  ticketNumber: string;
  type: TicketEventType;
  at: string;
  actor: string | null;
  data: Record<string, unknown>;
}
