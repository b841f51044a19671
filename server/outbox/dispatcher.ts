import type { Logger } from "pino";
import type { ExpressionBuilder, Kysely, Updateable } from "kysely";
import type { Clock } from "../clock/clock.js";
import type { SweepTask } from "../clock/sweeper.js";
import type { Database, OutboxTable } from "../store/schema.js";
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

/** How long a claim holds: a node that dies mid-send leaves its messages to another after this. */
export const CLAIM_MS = 60_000;

/**
 * Claims up to `limit` due messages for `owner` in one committed UPDATE and returns them. The
 * status and claim conditions are repeated on the UPDATE itself, not only in the subquery: on
 * PostgreSQL a second node's UPDATE waits for the first and then re-checks them against the
 * committed row, so a row goes to one claimant; SQLite runs one writer at a time anyway.
 */
export async function claimDue(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  const unclaimed = (eb: ExpressionBuilder<Database, "outbox">) =>
    eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", at)]);
  const rows = await db
    .updateTable("outbox")
    .set({ claimed_by: owner, claimed_until: until })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", at)
        .where(unclaimed)
        .orderBy("id")
        .limit(limit),
    )
    .where("status", "=", "pending")
    .where(unclaimed)
    .returningAll()
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
}

/**
 * Sends what is due from the outbox, one message at a time, marking each sent or scheduling a
 * retry. Runs on the clock's sweep; a message survives restarts until it is sent or gives up.
 * Each batch is claimed for `owner` first, so several nodes (or an overlapping sweep) never send
 * one message twice; the outcome is written only while the claim is still ours.
 */
export function outboxSweep(
  db: Kysely<Database>,
  senders: Partial<Record<string, Sender>>,
  fallback: Sender,
  clock: Clock,
  log: Logger,
  owner = `node-${process.pid}`,
): SweepTask {
  // A restarted node keeps its name (claimOwnerFor), so the claims it finds under that name were
  // left by its previous run, which died mid-send: take them back at once instead of waiting out
  // CLAIM_MS. Once per process, before its first claim; concurrent first runs share it.
  let released: Promise<unknown> | null = null;
  const releaseOwn = () =>
    (released ??= db
      .updateTable("outbox")
      .set({ claimed_by: null, claimed_until: null })
      .where("claimed_by", "=", owner)
      .where("status", "=", "pending")
      .execute());
  const settle = (id: number, patch: Updateable<OutboxTable>) =>
    db
      .updateTable("outbox")
      .set({ ...patch, claimed_by: null, claimed_until: null })
      .where("id", "=", id)
      .where("claimed_by", "=", owner)
      .execute();
  return {
    name: "outbox",
    async run() {
      await releaseOwn();
      const due = await claimDue(db, owner, clock.now(), 200);
      for (const msg of due) {
        const sender = senders[msg.channel] ?? fallback;
        const at = clock.now().toISOString();
        try {
          const { externalId, notSent } = await sender.send(msg);
          await settle(msg.id, {
            status: notSent ? "not_sent" : "sent",
            attempts: msg.attempts + 1,
            external_id: externalId,
            updated_at: at,
            last_error: notSent ?? null,
          });
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
          await settle(msg.id, {
            status: giveUp ? "failed" : "pending",
            attempts,
            last_error: message.slice(0, 500),
            next_attempt_at: new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString(),
            updated_at: at,
          });
        }
      }
    },
  };
}
