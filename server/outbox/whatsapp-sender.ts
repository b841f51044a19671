import { graphErrorSchema, whatsappSendResponseSchema } from "../../shared/channels.js";
import type { Sender } from "./dispatcher.js";
import type { OutboxRow } from "./outbox.js";

export interface WhatsappSenderConfig {
  /** Graph API base including the version, e.g. https://graph.facebook.com/v21.0 */
  apiUrl: string;
  phoneNumberId: string;
  token: string;
  timeoutMs?: number;
}

/** WhatsApp caps a text body at 4096 characters. */
const MAX_BODY = 4096;

/**
 * WhatsApp's `to` is the number with its country code. We store Indian mobiles as their 10-digit
 * national number (so +91 / 0 prefixes match one person), so those get 91 back here.
 */
export function whatsappRecipient(recipient: string): string {
  const digits = recipient.replace(/\D/g, "");
  return digits.length === 10 ? `91${digits}` : digits;
}

/** The documented send-text body (fixtures/whatsapp-send-text-request.json). */
export function sendTextBody(msg: Pick<OutboxRow, "recipient" | "body">) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: whatsappRecipient(msg.recipient),
    type: "text",
    text: { preview_url: false, body: msg.body.slice(0, MAX_BODY) },
  };
}

/** A failed send, with Meta's error code when it gave one (e.g. 131047: outside the 24 h window). */
export class WhatsappSendError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends outbox messages through the WhatsApp Cloud API (`POST {api}/{phone number id}/messages`).
 * Any non-2xx or unreadable answer throws, so the dispatcher retries with back-off; the message
 * id Meta returns is kept to match the delivery statuses its webhooks report later.
 */
export function whatsappSender(cfg: WhatsappSenderConfig): Sender {
  const url = `${cfg.apiUrl.replace(/\/+$/, "")}/${encodeURIComponent(cfg.phoneNumberId)}/messages`;
  return {
    async send(msg) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify(sendTextBody(msg)),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // Left null: an HTML error page from a proxy is reported by status below.
      }
      if (!res.ok) {
        const err = graphErrorSchema.safeParse(body);
        const code = err.success ? (err.data.error.code ?? null) : null;
        const detail = err.success ? (err.data.error.message ?? "no message") : text.slice(0, 200);
        throw new WhatsappSendError(
          res.status,
          code,
          `WhatsApp API ${res.status}${code !== null ? ` (#${code})` : ""}: ${detail}`,
        );
      }
      const ok = whatsappSendResponseSchema.safeParse(body);
      if (!ok.success)
        throw new WhatsappSendError(res.status, null, "WhatsApp API answered without a message id");
      return { externalId: ok.data.messages[0].id };
    },
  };
}
