import type { Logger } from "pino";
import {
  whatsappEnvelopeSchema,
  whatsappMessageSchema,
  whatsappStatusSchema,
} from "../../../shared/channels.js";
import { normalisePhone } from "../../tickets/commands.js";
import type { IntakeContext } from "../ingest.js";
import { receiveMessage } from "./inbound.js";
import { recordStatus } from "./statuses.js";

/** One item of a delivery: a delivery status of one of our messages, or a consumer's message. */
type Item = { kind: "status"; value: unknown } | { kind: "message"; value: unknown };

/** A message or status that does not have the shape Meta documents: recorded, never retried. */
export class MalformedMessage extends Error {}

function fieldsOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join(".") || "(message)"}: ${i.message}`)
    .join("; ");
}

/**
 * WhatsApp deliveries for the webhook inbox, read message by message: the envelope is checked
 * once, then each status and message is validated and processed on its own (statuses first,
 * oldest first, as the whole-delivery handler does), so a malformed one fails alone.
 */
export function whatsappPerMessage(ctx: IntakeContext, log: Logger) {
  return {
    split(body: string): { messages: Item[] } | { ignored: string } {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return { ignored: "not JSON" };
      }
      const envelope = whatsappEnvelopeSchema.safeParse(json);
      if (!envelope.success) return { ignored: fieldsOf(envelope.error) };
      const statuses: unknown[] = [];
      const messages: Item[] = [];
      for (const entry of envelope.data.entry) {
        for (const change of entry.changes) {
          if (change.field !== "messages") continue;
          for (const e of change.value.errors ?? [])
            log.error(
              { channel: "whatsapp", code: e.code, title: e.title, details: e.error_data?.details },
              "WhatsApp reported an error in a webhook delivery",
            );
          statuses.push(...(change.value.statuses ?? []));
          for (const m of change.value.messages ?? []) messages.push({ kind: "message", value: m });
        }
      }
      const stamp = (s: unknown) => Number((s as { timestamp?: unknown } | null)?.timestamp) || 0;
      const byTime = [...statuses].sort((a, b) => stamp(a) - stamp(b));
      return {
        messages: [...byTime.map((value) => ({ kind: "status" as const, value })), ...messages],
      };
    },
    keyOf(item: unknown): string {
      const { kind, value } = item as Item;
      const from = (value as { from?: unknown } | null)?.from;
      if (kind === "message" && typeof from === "string") return normalisePhone(from) ?? from;
      // Statuses (and a message without a sender) touch no conversation: one lane keeps them in order.
      return kind;
    },
    process: (item: unknown) => processItem(ctx, log, item),
  };
}

async function processItem(ctx: IntakeContext, log: Logger, item: unknown): Promise<void> {
  const { kind, value } = item as Item;
  if (kind === "status") {
    const status = whatsappStatusSchema.safeParse(value);
    if (!status.success) throw new MalformedMessage(`status: ${fieldsOf(status.error)}`);
    await recordStatus(ctx.store.kysely, status.data);
    return;
  }
  const message = whatsappMessageSchema.safeParse(value);
  if (!message.success) throw new MalformedMessage(`message: ${fieldsOf(message.error)}`);
  await receiveMessage({ ctx, log }, message.data);
}
