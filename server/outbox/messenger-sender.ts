import type { Sender } from "./dispatcher.js";
import type { MessageKind, MessageParams } from "./outbox.js";
import { feedbackButtonId } from "./whatsapp-compose.js";
import { readGraphAnswer } from "./whatsapp-sender.js";

/** Messenger and Instagram cap a text message at 2,000 characters. */
const MAX_TEXT = 2000;

/**
 * A feedback request goes with yes/no quick replies (payloads `feedback:yes:<ticket>`, the same as
 * WhatsApp's buttons); anything else as plain text.
 */
export function composeMessenger(msg: {
  kind: MessageKind;
  body: string;
  params?: MessageParams;
}): { format: "text" | "interactive"; payload: Record<string, unknown> | null } {
  const number = msg.params?.ticketNumber;
  if (!number || (msg.kind !== "feedback_request" && msg.kind !== "incident_notice"))
    return { format: "text", payload: null };
  return {
    format: "interactive",
    payload: {
      text: msg.body.slice(0, MAX_TEXT),
      quick_replies: [
        { content_type: "text", title: "हाँ / Yes", payload: feedbackButtonId("yes", number) },
        { content_type: "text", title: "नहीं / No", payload: feedbackButtonId("no", number) },
      ],
    },
  };
}

export interface MessengerSenderConfig {
  /** Graph API host, e.g. https://graph.facebook.com (WHATSAPP_API_URL) */
  apiUrl: string;
  version: string;
  /** The Page access token (Messenger) or the Instagram account's token. */
  token: string;
  timeoutMs?: number;
}

/**
 * Replies through the Send API (`POST {api}/{version}/me/messages`), the same for a Facebook Page
 * and an Instagram professional account: `{ recipient: { id }, messaging_type: "RESPONSE",
 * message }`. Graph errors are permanent or temporary by the same rules as WhatsApp's.
 */
export function messengerSender(cfg: MessengerSenderConfig): Sender {
  const url = `${cfg.apiUrl.replace(/\/+$/, "")}/${cfg.version}/me/messages`;
  return {
    async send(msg) {
      const message = msg.payload
        ? (JSON.parse(msg.payload) as Record<string, unknown>)
        : { text: msg.body.slice(0, MAX_TEXT) };
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify({
          recipient: { id: msg.recipient },
          messaging_type: "RESPONSE",
          message,
        }),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const body = await readGraphAnswer(res, `${msg.channel} Send API`);
      const id = (body as { message_id?: unknown } | null)?.message_id;
      return { externalId: typeof id === "string" ? id : null };
    },
  };
}
