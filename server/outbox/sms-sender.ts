import { smsGatewayResponseSchema } from "../../shared/channels.js";
import type { Sender } from "./dispatcher.js";
import type { OutboxRow } from "./outbox.js";
import { SendError } from "./send-error.js";

export interface SmsGatewayConfig {
  /** The gateway's send endpoint (SMS_GATEWAY_URL). */
  url: string;
  /** Bearer token for the gateway (SMS_GATEWAY_TOKEN). */
  token: string;
  /** The DLT-registered header the SMS comes from, e.g. UPPCLN (SMS_SENDER_ID). */
  senderId: string;
  /** The discom's DLT principal entity id (SMS_DLT_ENTITY_ID). */
  entityId: string;
  /** DLT content-template id per message kind (SMS_DLT_TEMPLATES). */
  templates: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Reads SMS_DLT_TEMPLATES: `kind=templateId` pairs separated by commas, e.g.
 * `ticket_ack=1207161234567890123,feedback_request=1207161234567890124`. Throws on a bad pair.
 */
export function parseDltTemplates(v: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (v ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+)=([0-9]{10,25})$/.exec(pair);
    if (!m) throw new Error(`SMS_DLT_TEMPLATES: "${pair}" is not kind=digits`);
    out[m[1]] = m[2];
  }
  return out;
}

/** The gateway's `to`: Indian numbers with the 91 country code, others as digits. */
export function smsRecipient(recipient: string): string {
  const digits = recipient.replace(/\D/g, "");
  return digits.length === 10 ? `91${digits}` : digits;
}

/** Texts outside GSM-7's basic set (Devanagari) go as Unicode, which the gateway must be told. */
function isUnicode(text: string): boolean {
  return /[^\x20-\x7E\n\r]/.test(text);
}

/** The JSON the gateway receives for one message (README.md, "SMS gateway"). */
export function smsRequestBody(cfg: SmsGatewayConfig, msg: OutboxRow, templateId: string) {
  return {
    to: smsRecipient(msg.recipient),
    sender: cfg.senderId,
    text: msg.body,
    unicode: isUnicode(msg.body),
    dlt_entity_id: cfg.entityId,
    dlt_template_id: templateId,
    reference: `outbox-${msg.id}`,
  };
}

/**
 * Sends SMS through a configurable HTTP gateway. India's TRAI rules make operators drop any
 * commercial SMS whose header and content template are not registered on DLT, so a message kind
 * without a template id fails permanently here instead of being "sent" and silently dropped.
 * 4xx answers are permanent (except 408 and 429), 5xx and network errors are retried.
 */
export function smsSender(cfg: SmsGatewayConfig): Sender {
  return {
    async send(msg) {
      const templateId = cfg.templates[msg.kind];
      if (!templateId)
        throw new SendError(`no DLT template id for ${msg.kind} (set SMS_DLT_TEMPLATES)`, true);
      const res = await fetch(cfg.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify(smsRequestBody(cfg, msg, templateId)),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      if (!res.ok) {
        const permanent = res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status);
        throw new SendError(`SMS gateway ${res.status}: ${text.slice(0, 200)}`, permanent);
      }
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // Left null: reported below as an answer without a message id.
      }
      const ok = smsGatewayResponseSchema.safeParse(body);
      if (!ok.success) throw new SendError("SMS gateway answered without a message id", false);
      return { externalId: ok.data.id };
    },
  };
}
