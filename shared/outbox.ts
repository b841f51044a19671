/** Outbound messages as staff see them on a ticket: the same words on both sides. */

/**
 * What an outbox row's status means. `not_sent` is a message recorded but never handed to any
 * gateway (none configured for its channel): screens must not show it as sent.
 */
export const OUTBOX_STATUSES = [
  "pending",
  "sent",
  "delivered",
  "read",
  "failed",
  "not_sent",
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const MESSAGE_KINDS = [
  "ticket_ack",
  "closure_otp",
  "feedback_request",
  "ask_placement",
  "resolved_notice",
  "escalation_notice",
  "assignment_notice",
  "incident_notice",
  "unsupported_reply",
  /** Issue 15: a feeder outage we know of, its restoration, a planned shutdown ahead. */
  "outage_notice",
  "restored_notice",
  "shutdown_notice",
  "notice_preference",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** One outbound message of a ticket (GET /api/v1/tickets/:number `messages`). */
export interface OutboxMessageView {
  id: number;
  channel: string;
  kind: MessageKind;
  format: string;
  status: OutboxStatus;
  /** Why it failed or was not sent. */
  reason: string | null;
  attempts: number;
  /** The recipient's last four characters. */
  to: string;
  createdAt: string;
  updatedAt: string;
}
