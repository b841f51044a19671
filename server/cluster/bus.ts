import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { LocalBus, type EventBus, type TicketChange } from "../events/bus.js";
import { Sequencer } from "./sequencer.js";

export interface ClusterBusOptions {
  /** Publishes (fails at once while Redis is down). */
  pub: Redis;
  /** Subscribes (resubscribes by itself after a reconnect). */
  sub: Redis;
  nodeId: string;
  /** The Redis channel changes go over (`<CLUSTER_NAME>:changes`). */
  channel: string;
  log: Logger;
  /** Whether any event with seq in (afterSeq, untilSeq] is committed in the store. */
  committedBetween(afterSeq: number, untilSeq: number): Promise<boolean>;
  /** How long a gap in the seqs may last before the store is asked about it. */
  gapWaitMs?: number;
}

interface Envelope {
  from: string;
  change: TicketChange;
}

/**
 * The event bus of a cluster: every change committed on any node reaches every node's
 * subscribers, in seq order. A node publishes its own changes to Redis and delivers them locally
 * through the same sequencer as the changes it hears from the others.
 *
 * Nothing is lost when Redis loses a message, a node dies between its commit and its publish, or
 * Redis is down: the store holds every event, and a node that misses some catches up from it
 * (`onCatchUp`: rebuild the projections, resync the screens). While Redis is down each node goes
 * on delivering its own changes at once, so its screens stay live for what it writes.
 */
export class ClusterBus implements EventBus {
  private readonly local: LocalBus;
  private readonly sequencer: Sequencer;
  private catchUpHandler: (() => Promise<number>) | null = null;
  private working = false;
  private gap: { after: number; until: number } | null = null;
  private catchUpWhy: string | null = null;
  private missed = false;
  private closed = false;
  /** Catch-ups run (for /metrics and tests). */
  catchUps = 0;

  constructor(private readonly opts: ClusterBusOptions) {
    this.local = new LocalBus((err, change) =>
      opts.log.error({ err, seq: change.seq }, "event bus: a listener failed"),
    );
    this.sequencer = new Sequencer(
      (change) => this.local.publish(change),
      (after, until) => this.resolveGap(after, until),
      opts.gapWaitMs ?? 1000,
    );
    opts.sub.on("message", (channel: string, message: string) => {
      if (channel !== opts.channel) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message) as Envelope;
      } catch (err) {
        opts.log.warn({ err }, "event bus: unreadable message from Redis ignored");
        return;
      }
      if (envelope.from !== opts.nodeId) this.sequencer.offer(envelope.change);
    });
    // While the subscriber is away nothing from the others arrives: deliver our own at once and
    // remember to catch up from the store when it is back.
    opts.sub.on("close", () => {
      if (this.closed) return;
      this.missed = true;
      this.sequencer.setOpen(true);
    });
    opts.sub.on("ready", () => {
      if (this.missed && !this.closed) this.catchUp("Redis is back");
    });
  }

  /** Subscribes to the changes channel; resolves at once if Redis is down (the node runs degraded). */
  async connect(): Promise<void> {
    if (this.opts.sub.status !== "ready") {
      this.missed = true;
      this.sequencer.setOpen(true);
    }
    // Queued by ioredis until the connection is ready, and renewed after every reconnect.
    this.opts.sub.subscribe(this.opts.channel).catch((err: unknown) => {
      this.opts.log.warn({ err }, "event bus: could not subscribe yet");
    });
  }

  /**
   * Starts delivering after `seq`, the seq the projections were built at, and names what brings
   * a node back in step after it missed changes (returns the seq it is now at).
   */
  start(seq: number, onCatchUp: () => Promise<number>): void {
    this.catchUpHandler = onCatchUp;
    this.sequencer.start(seq);
    // Redis came back before the node had started: catch up now.
    if (this.catchUpWhy) void this.work();
  }

  get seq(): number | null {
    return this.sequencer.seq;
  }

  publish(change: TicketChange): void {
    this.sequencer.offer(change);
    // The others notice the gap (or Redis coming back) and catch up from the store.
    if (this.opts.pub.status !== "ready") return;
    const envelope: Envelope = { from: this.opts.nodeId, change };
    this.opts.pub.publish(this.opts.channel, JSON.stringify(envelope)).catch((err: unknown) => {
      // The others catch up from the store when they next see a gap or Redis returns.
      this.opts.log.warn({ err, seq: change.seq }, "event bus: publish failed");
    });
  }

  subscribe(handler: (change: TicketChange) => void): () => void {
    return this.local.subscribe(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sequencer.close();
    await this.local.close();
  }

  /** A gap outlasted the wait: holes (rolled-back seqs) are skipped, committed events read. */
  private resolveGap(after: number, until: number): void {
    this.gap = { after, until };
    void this.work();
  }

  private catchUp(why: string): void {
    this.catchUpWhy = why;
    void this.work();
  }

  /** One piece of recovery at a time; a catch-up asked for meanwhile runs after the current one. */
  private async work(): Promise<void> {
    if (this.working || this.closed) return;
    this.working = true;
    try {
      while (!this.closed && (this.catchUpWhy || this.gap)) {
        if (this.catchUpWhy) {
          // Not started yet: `start` runs it once the projections exist.
          if (!this.catchUpHandler) break;
          const why = this.catchUpWhy;
          this.catchUpWhy = null;
          this.gap = null;
          await this.runCatchUp(why);
          continue;
        }
        const { after, until } = this.gap!;
        this.gap = null;
        try {
          if (await this.opts.committedBetween(after, until))
            this.catchUpWhy = `missed seq ${after + 1}..${until}`;
          else this.sequencer.skipTo(until, true);
        } catch (err) {
          this.opts.log.warn({ err }, "event bus: could not check a gap against the store");
        }
      }
    } finally {
      this.working = false;
    }
  }

  /**
   * Rebuilds from the store. Meanwhile changes are delivered as they come (the rebuild re-reads
   * the tickets they touch); afterwards the order resumes from the seq the rebuild reached.
   */
  private async runCatchUp(why: string): Promise<void> {
    if (!this.catchUpHandler) return;
    this.missed = false;
    this.sequencer.setOpen(true);
    this.opts.log.warn({ why }, "event bus: catching up from the store");
    try {
      const seq = await this.catchUpHandler();
      this.catchUps++;
      this.sequencer.skipTo(seq);
    } catch (err) {
      this.opts.log.error({ err }, "event bus: catch-up failed; trying again shortly");
      this.missed = true;
      const retry = setTimeout(() => this.catchUp(why), 1000);
      retry.unref();
    } finally {
      // Still open while Redis is down: its return catches up again.
      if (this.opts.sub.status === "ready" && !this.missed) this.sequencer.setOpen(false);
    }
  }
}
