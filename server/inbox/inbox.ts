import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../store/schema.js";
import { claimNext } from "./claims.js";
import { processClaimed } from "./delivery.js";
import { RETRY_MS, type DeliveryHandler, type InboxRow, type MessageHandler } from "./handlers.js";
import type { Worker } from "./worker.js";

export {
  MAX_ATTEMPTS,
  RETRY_MS,
  type DeliveryHandler,
  type InboxRow,
  type MessageHandler,
} from "./handlers.js";

/**
 * The webhook inbox. A channel's delivery is inserted as received (one durable commit) and only
 * then answered 200, so the answer comes at once whatever the delivery's size. One worker then
 * processes deliveries in the order they were received, each through its channel's handler, and
 * records the outcome. The handlers are idempotent (a message id seen before changes nothing), so
 * after kill -9 the worker simply starts again at the first delivery not marked done.
 *
 * In a cluster every node runs this worker on the one store: each delivery is claimed (see
 * claims.ts) before it is processed, so one node works through it; its progress and outcome are
 * written only while the claim is still ours, and each saved step renews the claim.
 */
export class Inbox {
  private readonly handlers = new Map<string, DeliveryHandler>();
  private readonly messageHandlers = new Map<string, MessageHandler>();
  private running = false;
  private again = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private idle: Array<() => void> = [];
  private readonly worker: Worker;

  /**
   * `lane`: the channels this worker takes. Webhooks and CSV imports run in separate lanes, so a
   * long import never holds back the deliveries that arrive behind it.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly lane: string[],
    private readonly now: () => Date = () => new Date(),
    /** This node's name on its claims (claimOwnerFor). */
    private readonly owner = `node-${process.pid}`,
  ) {
    this.worker = { db, log, owner, now, closed: () => this.closed };
  }

  handle(channel: string, handler: DeliveryHandler): void {
    if (!this.lane.includes(channel)) throw new Error(`channel ${channel} is not in this lane`);
    this.handlers.set(channel, handler);
  }

  /** Registers a channel whose deliveries are processed message by message. */
  handleMessages(channel: string, handler: MessageHandler): void {
    if (!this.lane.includes(channel)) throw new Error(`channel ${channel} is not in this lane`);
    this.messageHandlers.set(channel, handler);
  }

  /** Stores a delivery durably and wakes the worker; resolves once it is committed. */
  async receive(channel: string, body: string): Promise<number> {
    const row = await this.db
      .insertInto("inbox")
      .values({
        channel,
        received_at: this.now().toISOString(),
        body,
        status: "pending",
        attempts: 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.kick();
    return Number(row.id);
  }

  /** Starts (or resumes, after a restart) processing whatever is pending. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((err: unknown) => {
        // The store failed under the worker (database down, disk full): what is pending stays
        // pending, and this node's next sweep (or delivery) starts the worker again.
        this.log.error({ err, lane: this.lane }, "inbox: worker stopped; the next sweep retries");
      })
      .finally(() => {
        this.running = false;
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        } else this.notifyIdle();
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const row = await claimNext(this.db, this.lane, this.owner, this.now());
      if (!row) return;
      // In order: a delivery that failed for now holds this node's later ones until it is retried
      // (other nodes go on with the deliveries after it meanwhile).
      const handlers = {
        whole: this.handlers.get(row.channel),
        perMessage: this.messageHandlers.get(row.channel),
      };
      if (!(await processClaimed(this.worker, row, handlers))) {
        this.retryTimer = setTimeout(() => this.kick(), RETRY_MS);
        this.retryTimer.unref();
        return;
      }
    }
  }

  /** The messages of a delivery that could not be processed, with their errors. */
  async failures(id: number): Promise<Array<{ position: number; error: string; message: string }>> {
    return this.db
      .selectFrom("inbox_failures")
      .select(["position", "error", "message"])
      .where("inbox_id", "=", id)
      .orderBy("position")
      .execute();
  }

  /** Resolves when nothing is pending and the worker has stopped (for tests and shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private notifyIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const f of waiting) f();
  }

  /** One stored delivery of this lane's `channel`, or null. */
  async job(id: number, channel: string): Promise<InboxRow | null> {
    const row = await this.db
      .selectFrom("inbox")
      .select(["id", "channel", "status", "received_at", "processed_at", "summary", "error"])
      .where("id", "=", id)
      .where("channel", "=", channel)
      .executeTakeFirst();
    return row ? { ...row, id: Number(row.id) } : null;
  }

  /** Counts by status, for /metrics, tests and the bench. */
  async counts(): Promise<Record<"pending" | "done" | "failed", number>> {
    const rows = await this.db
      .selectFrom("inbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("channel", "in", this.lane)
      .groupBy("status")
      .execute();
    const out = { pending: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.whenIdle();
  }
}
