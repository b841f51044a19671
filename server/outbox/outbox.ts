import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, OutboxTable } from "../store/schema.js";

export type OutboxRow = Selectable<OutboxTable>;

/** Channels we can send on. `log` only records the message (the demo has no SMS gateway). */
export const OUTBOUND_CHANNELS = ["whatsapp", "sms", "x", "email", "log"] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

export const MESSAGE_KINDS = [
  "ticket_ack",
  "closure_otp",
  "feedback_request",
  "ask_placement",
  "resolved_notice",
  "escalation_notice",
  "assignment_notice",
  "incident_notice",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface OutboundMessage {
  ticketId: number | null;
  channel: OutboundChannel;
  recipient: string;
  kind: MessageKind;
  body: string;
}

/**
 * Queues a message inside the caller's transaction: if the ticket change rolls back, so does the
 * message, and once committed it survives a restart until a sender delivers it.
 */
export async function enqueueMessage(
  db: Kysely<Database>,
  msg: OutboundMessage,
  at: string,
): Promise<number> {
  const row: Insertable<OutboxTable> = {
    ticket_id: msg.ticketId,
    channel: msg.channel,
    recipient: msg.recipient,
    kind: msg.kind,
    body: msg.body,
    status: "pending",
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    external_id: null,
    created_at: at,
    updated_at: at,
  };
  const r = await db.insertInto("outbox").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Picks the channel to reach a consumer on: the one they used where we can answer on it. */
export function replyChannel(channel: string, phone: string | null): OutboundChannel | null {
  if (channel === "whatsapp" && phone) return "whatsapp";
  if (phone) return "sms";
  if (channel === "x") return "x";
  return null;
}
