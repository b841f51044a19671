import { metaMessagingWebhookSchema, type MetaMessagingEvent } from "../../../shared/channels.js";
import { MAX_REPORT_TEXT, reportInputSchema, type ReportInput } from "../../../shared/schemas.js";
import { parseFeedbackButton } from "../../outbox/whatsapp-compose.js";
import { feedbackAnswer } from "../whatsapp/messages.js";
import type { FeedbackAnswer } from "../whatsapp/read.js";

export type MessagingChannel = "facebook" | "instagram";

/** A Messenger / Instagram delivery read into its consumer events; pure (no store). */
export type MessagingDelivery =
  | { ok: true; channel: MessagingChannel; events: MetaMessagingEvent[] }
  | { ok: false; reason: string };

export function parseMessagingDelivery(body: unknown): MessagingDelivery {
  const parsed = metaMessagingWebhookSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      reason: parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
        .join("; "),
    };
  const channel = parsed.data.object === "page" ? "facebook" : "instagram";
  const events = parsed.data.entry.flatMap((e) => e.messaging ?? []);
  return { ok: true, channel, events };
}

export type MessagingInbound =
  | { kind: "report"; input: ReportInput; answer: FeedbackAnswer | null; address: string }
  | { kind: "ignored"; reason: string };

/**
 * One event as a report: the text, each attachment as a reference (`Image: <url>`), a quick
 * reply's or postback's payload read as a yes/no answer when it is one. Echoes of our own
 * messages, reads and deliveries are ignored.
 */
export function readMessagingEvent(
  channel: MessagingChannel,
  e: MetaMessagingEvent,
): MessagingInbound {
  const address = e.sender.id;
  let id: string;
  let text: string;
  let answer: FeedbackAnswer | null;
  if (e.message) {
    if (e.message.is_echo) return { kind: "ignored", reason: "echo of our own message" };
    id = e.message.mid;
    const attachments = (e.message.attachments ?? []).map(
      (a) => `${a.type[0].toUpperCase()}${a.type.slice(1)}: ${a.payload?.url ?? "(no url)"}`,
    );
    text = [e.message.text?.trim(), ...attachments].filter(Boolean).join("\n");
    const reply = e.message.quick_reply?.payload;
    answer = (reply ? parseFeedbackButton(reply) : null) ?? feedbackAnswer(e.message.text ?? "");
  } else if (e.postback) {
    id = e.postback.mid ?? `postback:${address}:${e.timestamp}`;
    text = e.postback.title;
    answer = parseFeedbackButton(e.postback.payload) ?? feedbackAnswer(e.postback.title);
  } else {
    return { kind: "ignored", reason: "not a message (read, delivery or other event)" };
  }
  if (!text) return { kind: "ignored", reason: "empty message" };
  const parsed = reportInputSchema.safeParse({
    channel,
    externalId: id,
    text: text.slice(0, MAX_REPORT_TEXT),
    receivedAt: new Date(e.timestamp).toISOString(),
  });
  if (!parsed.success) return { kind: "ignored", reason: "not a valid report" };
  return { kind: "report", input: parsed.data, answer, address };
}
