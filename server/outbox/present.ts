import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import type { MessageKind, OutboxMessageView, OutboxStatus } from "../../shared/outbox.js";
import type { OutboxRow } from "./outbox.js";

/**
 * One outbound message as staff see it on a ticket: where it went and how far it got, told apart
 * truthfully (pending, sent, delivered, read, failed with its reason, or not_sent: no gateway
 * configured). The body is left out (the acknowledgement holds the closure OTP) and the recipient
 * is masked to its last four characters.
 */
export function presentOutboxMessage(m: OutboxRow): OutboxMessageView {
  return {
    id: Number(m.id),
    channel: m.channel,
    kind: m.kind as MessageKind,
    format: m.format ?? "text",
    status: m.status as OutboxStatus,
    reason: m.last_error,
    attempts: m.attempts,
    to: m.recipient.length > 4 ? `…${m.recipient.slice(-4)}` : "…",
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

export async function messagesOfTicket(db: Kysely<Database>, ticketId: number) {
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .where("ticket_id", "=", ticketId)
    .orderBy("id")
    .execute();
  return rows.map(presentOutboxMessage);
}
