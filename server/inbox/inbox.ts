import type { Kysely, Selectable } from "kysely";
import type { Logger } from "pino";
import type { Database, InboxTable } from "../store/schema.js";

/**
 * Turns one stored delivery into reports with the channel's own processing. Throwing means
 * "could not be processed now" (retried a few times); a delivery it cannot read is answered with
 * `{ ignored }` and recorded as failed at once.
 */
export type DeliveryHandler = (
  body: string,
  /** Records how far it has got (shown while the delivery is processed, e.g. a CSV import). */
  progress: (summary: object) => Promise<void>,
) => Promise<{ ignored?: string } & object>;

export type InboxRow = Pick<
  Selectable<InboxTable>,
  "id" | "channel" | "status" | "received_at" | "processed_at" | "summary" | "error"
>;

/** A delivery that keeps throwing is given up after this many tries (recorded with its error). */
export const MAX_ATTEMPTS = 3;
const BATCH = 20;
const RETRY_MS = 1000;

/**
 * The webhook inbox. A channel's delivery is inserted as received (one durable commit) and only
 * then answered 200, so the answer comes at once whatever the delivery's size. One worker then
 * processes deliveries in the order they were received, each through its channel's handler, and
 * records the outcome. The handlers are idempotent (a message id seen before changes nothing), so
 * after kill -9 the worker simply starts again at the first delivery not marked done.
 */
export class Inbox {
  private readonly handlers = new Map<string, DeliveryHandler>();
  private running = false;
  private again = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private idle: Array<() => void> = [];

  /**
   * `lane`: the channels this worker takes. Webhooks and CSV imports run in separate lanes, so a
   * long import never holds back the deliveries that arrive behind it.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly lane: string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  handle(channel: string, handler: DeliveryHandler): void {
    if (!this.lane.includes(channel)) throw new Error(`channel ${channel} is not in this lane`);
    this.handlers.set(channel, handler);
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
    void this.drain().finally(() => {
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
      const rows = await this.db
        .selectFrom("inbox")
        .select(["id", "channel", "body", "attempts"])
        .where("status", "=", "pending")
        .where("channel", "in", this.lane)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return;
      for (const row of rows) {
        if (this.closed) return;
        // In order: a delivery that failed for now holds the ones after it until it is retried.
        if (!(await this.process(row))) {
          this.retryTimer = setTimeout(() => this.kick(), RETRY_MS);
          this.retryTimer.unref();
          return;
        }
      }
    }
  }

  /** False when the delivery should be tried again later. */
  private async process(row: {
    id: number;
    channel: string;
    body: string;
    attempts: number;
  }): Promise<boolean> {
    const handler = this.handlers.get(row.channel);
    const done = (status: "done" | "failed", error: string | null, summary: unknown) =>
      this.db
        .updateTable("inbox")
        .set({
          status,
          error,
          summary: summary === null ? null : JSON.stringify(summary),
          attempts: row.attempts + 1,
          processed_at: this.now().toISOString(),
        })
        .where("id", "=", row.id)
        .execute();
    if (!handler) {
      await done("failed", `no handler for channel ${row.channel}`, null);
      return true;
    }
    const progress = async (summary: object) => {
      await this.db
        .updateTable("inbox")
        .set({ summary: JSON.stringify(summary) })
        .where("id", "=", row.id)
        .execute();
    };
    try {
      const summary = await handler(row.body, progress);
      if (summary.ignored) {
        this.log.warn(
          { inbox: row.id, channel: row.channel, reason: summary.ignored },
          "inbox: delivery not understood",
        );
        await done("failed", summary.ignored, summary);
      } else await done("done", null, summary);
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (row.attempts + 1 >= MAX_ATTEMPTS) {
        this.log.error({ inbox: row.id, channel: row.channel, err }, "inbox: delivery given up");
        await done("failed", message, null);
        return true;
      }
      this.log.warn(
        { inbox: row.id, channel: row.channel, err },
        "inbox: delivery will be retried",
      );
      await this.db
        .updateTable("inbox")
        .set({ attempts: row.attempts + 1, error: message })
        .where("id", "=", row.id)
        .execute();
      return false;
    }
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
