import type { Logger } from "pino";
import { whatsappWebhookSchema } from "../../../shared/channels.js";
import { normalisePhone } from "../../tickets/commands.js";
import type { IntakeContext } from "../ingest.js";
import { PerAddressQueue } from "./conversations.js";
import { receiveMessage } from "./inbound.js";
import { byTimestamp, recordStatus } from "./statuses.js";

export interface WebhookSummary {
  /** Set when the payload could not be read at all; nothing was stored. */
  ignored?: string;
  messages: number;
  skipped: number;
  statuses: number;
}

/**
 * Handles one verified WhatsApp webhook delivery: delivery statuses of our messages, then the
 * consumers' messages, in order. Resolves only once everything is stored; a thrown error means
 * "answer 5xx" so Meta delivers the batch again (which the dedupe makes harmless).
 */
export function whatsappWebhook(ctx: IntakeContext, log: Logger) {
  const queue = new PerAddressQueue();
  return async function handle(body: unknown): Promise<WebhookSummary> {
    const parsed = whatsappWebhookSchema.safeParse(body);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
        .join("; ");
      return { ignored: reason, messages: 0, skipped: 0, statuses: 0 };
    }
    const summary: WebhookSummary = { messages: 0, skipped: 0, statuses: 0 };
    for (const entry of parsed.data.entry) {
      for (const change of entry.changes) {
        if (change.field !== "messages") continue;
        for (const status of byTimestamp(change.value.statuses ?? [])) {
          if (await recordStatus(ctx.store.kysely, status)) summary.statuses++;
        }
        for (const message of change.value.messages ?? []) {
          const address = normalisePhone(message.from) ?? message.from;
          const outcome = await queue.run(address, () => receiveMessage({ ctx, log }, message));
          if (outcome === "skipped") summary.skipped++;
          else summary.messages++;
        }
      }
    }
    return summary;
  };
}
