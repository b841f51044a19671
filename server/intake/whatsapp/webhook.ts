import type { Logger } from "pino";
import {
  whatsappWebhookSchema,
  type MetaError,
  type WhatsappMessage,
  type WhatsappStatus,
} from "../../../shared/channels.js";
import { normalisePhone } from "../../tickets/commands.js";
import type { IntakeContext } from "../ingest.js";
import { PerAddressQueue } from "./conversations.js";
import { receiveMessage } from "./inbound.js";
import { byTimestamp, recordStatus } from "./statuses.js";

/** One delivery read into what it carries, in delivery order; no store, no side effects. */
export type WhatsappDelivery =
  | { ok: true; messages: WhatsappMessage[]; statuses: WhatsappStatus[]; errors: MetaError[] }
  | { ok: false; reason: string };

/**
 * Reads a WhatsApp webhook body (already signature-checked and JSON-parsed): its consumer
 * messages, the delivery statuses of our messages (oldest first) and the errors Meta reports at
 * the top level of a change. Pure, so the HTTP route and a durable webhook inbox can both call it.
 */
export function parseWhatsappDelivery(body: unknown): WhatsappDelivery {
  const parsed = whatsappWebhookSchema.safeParse(body);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    return { ok: false, reason };
  }
  const out = {
    ok: true as const,
    messages: [] as WhatsappMessage[],
    statuses: [] as WhatsappStatus[],
    errors: [] as MetaError[],
  };
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      out.statuses.push(...(change.value.statuses ?? []));
      out.messages.push(...(change.value.messages ?? []));
      out.errors.push(...(change.value.errors ?? []));
    }
  }
  out.statuses = byTimestamp(out.statuses);
  return out;
}

export interface WebhookSummary {
  /** Set when the payload could not be read at all; nothing was stored. */
  ignored?: string;
  messages: number;
  skipped: number;
  /** Messages of a type we cannot read; each consumer was told so, once. */
  unsupported: number;
  statuses: number;
  /** Top-level errors Meta reported in the delivery (logged and counted, nothing to store). */
  errors: number;
}

export interface WebhookHooks {
  /** Called once per top-level error, for the metrics. */
  onError?(code: number | null): void;
}

/**
 * Handles one verified WhatsApp webhook delivery: top-level errors (logged), delivery statuses of
 * our messages, then the consumers' messages, in order. Resolves only once everything is stored; a
 * thrown error means "answer 5xx" so Meta delivers the batch again (which the dedupe makes harmless).
 */
export function whatsappWebhook(ctx: IntakeContext, log: Logger, hooks: WebhookHooks = {}) {
  const queue = new PerAddressQueue();
  return async function handle(body: unknown): Promise<WebhookSummary> {
    const delivery = parseWhatsappDelivery(body);
    if (!delivery.ok)
      return {
        ignored: delivery.reason,
        messages: 0,
        skipped: 0,
        unsupported: 0,
        statuses: 0,
        errors: 0,
      };
    const summary: WebhookSummary = {
      messages: 0,
      skipped: 0,
      unsupported: 0,
      statuses: 0,
      errors: 0,
    };
    for (const e of delivery.errors) {
      summary.errors++;
      hooks.onError?.(e.code ?? null);
      log.error(
        { channel: "whatsapp", code: e.code, title: e.title, details: e.error_data?.details },
        "WhatsApp reported an error in a webhook delivery",
      );
    }
    for (const status of delivery.statuses) {
      if (await recordStatus(ctx.store.kysely, status)) summary.statuses++;
    }
    for (const message of delivery.messages) {
      const address = normalisePhone(message.from) ?? message.from;
      const outcome = await queue.run(address, () => receiveMessage({ ctx, log }, message));
      if (outcome === "skipped") summary.skipped++;
      else if (outcome === "unsupported") summary.unsupported++;
      else summary.messages++;
    }
    return summary;
  };
}
