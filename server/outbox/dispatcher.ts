import type { Logger } from "pino";
import type { Kysely } from "kysely";
import type { Clock } from "../clock/clock.js";
import type { SweepTask } from "../clock/sweeper.js";
import type { Database } from "../store/schema.js";
import type { OutboxRow } from "./outbox.js";
import { SendError } from "./send-error.js";

/**
 * Delivers one message; resolves with the channel's message id, or with `notSent` when nothing
 * went out (no gateway configured), or throws: a permanent SendError fails the row at once, any
 * other error is retried with back-off.
 */
export interface Sender {
  send(msg: OutboxRow): Promise<{ externalId: string | null; notSent?: string }>;
}

export const NO_GATEWAY = "no gateway configured";

/**
 * For channels with no gateway configured (the demo's SMS, WhatsApp with the demo token): the
 * message is logged and its row says "not sent: no gateway configured", never "sent".
 */
export function logSender(log: Logger): Sender {
  return {
    async send(msg) {
      log.info(
        { outbox: msg.id, channel: msg.channel, kind: msg.kind, to: msg.recipient.slice(-4) },
        "outbound message not sent: no gateway configured (logged only)",
      );
      return { externalId: null, notSent: NO_GATEWAY };
    },
  };
}

export const MAX_ATTEMPTS = 8;

/** Back-off after the nth failure: 30 s, 1 min, 2 min ... capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what is due from the outbox, one message at a time, marking each sent or scheduling a
 * retry. Runs on the clock's sweep; a message survives restarts until it is sent or gives up.
 */
export function outboxSweep(
  db: Kysely<Database>,
  senders: Partial<Record<string, Sender>>,
  fallback: Sender,
  clock: Clock,
  log: Logger,
): SweepTask {
  return {
    name: "outbox",
    async run() {
      const now = clock.now().toISOString();
      const due = await db
        .selectFrom("outbox")
        .selectAll()
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now)
        .orderBy("id")
        .limit(200)
        .execute();
      for (const msg of due) {
        const sender = senders[msg.channel] ?? fallback;
        const at = clock.now().toISOString();
        try {
          const { externalId, notSent } = await sender.send(msg);
          await db
            .updateTable("outbox")
            .set({
              status: notSent ? "not_sent" : "sent",
              attempts: msg.attempts + 1,
              external_id: externalId,
              updated_at: at,
              last_error: notSent ?? null,
            })
            .where("id", "=", msg.id)
            .execute();
        } catch (err) {
          const attempts = msg.attempts + 1;
          const permanent = err instanceof SendError && err.permanent;
          const giveUp = permanent || attempts >= MAX_ATTEMPTS;
          const message =
            (permanent ? "permanent: " : "") + (err instanceof Error ? err.message : String(err));
          log.warn(
            { outbox: msg.id, channel: msg.channel, attempts, err: message },
            giveUp ? "outbound message failed for good" : "outbound message failed; will retry",
          );
          await db
            .updateTable("outbox")
            .set({
              status: giveUp ? "failed" : "pending",
              attempts,
              last_error: message.slice(0, 500),
              next_attempt_at: new Date(
                clock.now().getTime() + retryDelayMs(attempts),
              ).toISOString(),
              updated_at: at,
            })
            .where("id", "=", msg.id)
            .execute();
        }
      }
    },
  };
}
