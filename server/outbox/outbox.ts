import { rowShape, runShaped } from "../store/compiled.js";
import type { MessageKind } from "../../shared/outbox.js";
import type { Insertable, Kysely, Selectable } from "kysely";
import { findContact } from "../intake/contacts.js";
import type { Database, OutboxTable } from "../store/schema.js";
import { composeMessenger } from "./messenger-sender.js";
import { composeWhatsapp, WHATSAPP_WINDOW_MS } from "./whatsapp-compose.js";

export type OutboxRow = Selectable<OutboxTable>;

/**
 * Channels we can send on. `log` is for a consumer we have no way to reach (no phone, no
 * messaging address): the message is recorded, never "sent".
 */
export const OUTBOUND_CHANNELS = [
  "whatsapp",
  "sms",
  "x",
  "facebook",
  "instagram",
  "email",
  "log",
] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

export {
  MESSAGE_KINDS,
  OUTBOX_STATUSES,
  type MessageKind,
  type OutboxStatus,
} from "../../shared/outbox.js";

/** The values a channel's structured format (template, buttons) needs besides the text. */
export interface MessageParams {
  ticketNumber?: string;
  otp?: string;
  trackUrl?: string;
}

export interface OutboundMessage {
  ticketId: number | null;
  channel: OutboundChannel;
  recipient: string;
  kind: MessageKind;
  body: string;
  params?: MessageParams;
  /** Queue at most one message with this key (a reply to one inbound message id). */
  dedupeKey?: string;
  /** The template language when the sender knows the consumer's preference (notices). */
  language?: "hi" | "en";
}

/**
 * Queues a message inside the caller's transaction: if the ticket change rolls back, so does the
 * message, and once committed it survives a restart until a sender delivers it. A WhatsApp message
 * is composed now for the window as it stands (template outside 24 h, buttons for yes/no inside).
 * Returns the row id, or null when a message with the same dedupe key was already queued.
 */
export async function enqueueMessage(
  db: Kysely<Database>,
  msg: OutboundMessage,
  at: string,
): Promise<number | null> {
  let format = "text";
  let payload: string | null = null;
  if (msg.channel === "whatsapp") {
    const contact = await findContact(db, "whatsapp", msg.recipient);
    const windowOpen =
      contact !== undefined &&
      Date.parse(at) - Date.parse(contact.last_inbound_at) < WHATSAPP_WINDOW_MS;
    const language = msg.language ?? (contact?.language === "en" ? "en" : "hi");
    const composed = composeWhatsapp(msg, windowOpen, language);
    format = composed.format;
    payload = composed.payload ? JSON.stringify(composed.payload) : null;
  } else if (msg.channel === "facebook" || msg.channel === "instagram") {
    const composed = composeMessenger(msg);
    format = composed.format;
    payload = composed.payload ? JSON.stringify(composed.payload) : null;
  }
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
    format,
    payload,
    dedupe_key: msg.dedupeKey ?? null,
  };
  // Every new ticket queues one or two of these: its SQL is compiled once (see store/compiled.ts).
  const { columns, params } = rowShape(row);
  const [r] = await runShaped(db, `outbox.insert:${columns}`, params, () =>
    db
      .insertInto("outbox")
      .values(row)
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id"),
  );
  return r ? Number(r.id) : null;
}

/** Picks the channel to reach a consumer on: the one they used where we can answer on it. */
export function replyChannel(channel: string, phone: string | null): OutboundChannel | null {
  if (channel === "whatsapp" && phone) return "whatsapp";
  // Messenger and Instagram consumers are reached by their page-scoped id, not a phone.
  if (channel === "facebook" || channel === "instagram") return channel;
  if (phone) return "sms";
  if (channel === "x") return "x";
  return null;
}

/** The X user who sent a direct message (from the event kept as a report's raw), as `dm:<id>`. */
export function xDmRecipientOf(raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const mc = (raw as { message_create?: { sender_id?: unknown } }).message_create;
  return mc && typeof mc.sender_id === "string" ? `dm:${mc.sender_id}` : null;
}

/** The page-scoped id of a Messenger / Instagram sender, from the event kept as a report's raw. */
export function messagingSenderOf(raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const sender = (raw as { sender?: unknown }).sender;
  if (!sender || typeof sender !== "object") return null;
  const id = (sender as { id?: unknown }).id;
  return typeof id === "string" && id ? id : null;
}
