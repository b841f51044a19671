import { graphErrorSchema, whatsappSendResponseSchema } from "../../shared/channels.js";
import type { Sender } from "./dispatcher.js";
import type { OutboxRow } from "./outbox.js";
import { SendError } from "./send-error.js";

export interface WhatsappSenderConfig {
  /** Graph API base without the version, e.g. https://graph.facebook.com */
  apiUrl: string;
  /** e.g. v26.0 (WHATSAPP_GRAPH_VERSION) */
  version: string;
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

/** The request body for a row: its composed template or interactive payload, else plain text. */
export function sendBody(msg: Pick<OutboxRow, "recipient" | "body" | "payload">) {
  if (!msg.payload) return sendTextBody(msg);
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: whatsappRecipient(msg.recipient),
    ...(JSON.parse(msg.payload) as Record<string, unknown>),
  };
}

/**
 * Graph error codes worth retrying: throttling (4, 80007, 130429, 131048, 131056), Meta's own
 * trouble (1, 2, 131000, 131016, 133004), an account in maintenance (131057), a temporary policy
 * block (368) and an expired token (190), which an operator fixes without the message changing.
 */
const TEMPORARY_CODES = new Set([
  1, 2, 4, 17, 190, 341, 368, 80007, 130429, 131000, 131016, 131048, 131056, 131057, 133004,
]);

/**
 * Whether a Graph API failure can never succeed for this message: any other error Meta answers
 * with a 4xx and a code (131026 undeliverable, 131047 outside the 24-hour window, 131051
 * unsupported type, 132xxx template problems, 100 bad parameter ...). 5xx and 429 are temporary.
 */
export function isPermanentGraphError(httpStatus: number, code: number | null): boolean {
  if (code !== null && TEMPORARY_CODES.has(code)) return false;
  if (httpStatus >= 500 || httpStatus === 429 || httpStatus === 408) return false;
  return httpStatus >= 400;
}

/** A failed send, with Meta's error code when it gave one (e.g. 131047: outside the 24 h window). */
export class WhatsappSendError extends SendError {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message, isPermanentGraphError(status, code));
  }
}

/**
 * Sends outbox messages through the WhatsApp Cloud API
 * (`POST {api}/{version}/{phone number id}/messages`). A non-2xx answer throws, permanent or not
 * as Meta's code says; the message id Meta returns is kept to match later delivery statuses.
 */
export function whatsappSender(cfg: WhatsappSenderConfig): Sender {
  const base = cfg.apiUrl.replace(/\/+$/, "");
  const url = `${base}/${cfg.version}/${encodeURIComponent(cfg.phoneNumberId)}/messages`;
  return {
    async send(msg) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify(sendBody(msg)),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const body = await readGraphAnswer(res, "WhatsApp API");
      const ok = whatsappSendResponseSchema.safeParse(body);
      if (!ok.success)
        throw new WhatsappSendError(res.status, null, "WhatsApp API answered without a message id");
      return { externalId: ok.data.messages[0].id };
    },
  };
}

/**
 * A Graph API answer (WhatsApp Cloud API, Messenger and Instagram Send API): the parsed body of a
 * 2xx, or a WhatsappSendError carrying the HTTP status and Graph's error code (which decides
 * whether the outbox retries). A proxy's HTML error page is reported by its status.
 */
export async function readGraphAnswer(res: Response, label: string): Promise<unknown> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Left null: reported by status below.
  }
  if (res.ok) return body;
  const err = graphErrorSchema.safeParse(body);
  const code = err.success ? (err.data.error.code ?? null) : null;
  const detail = err.success ? (err.data.error.message ?? "no message") : text.slice(0, 200);
  throw new WhatsappSendError(
    res.status,
    code,
    `${label} ${res.status}${code !== null ? ` (#${code})` : ""}: ${detail}`,
  );
}
