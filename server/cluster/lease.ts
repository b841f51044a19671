import type { Redis } from "ioredis";
import type { Logger } from "pino";

/** Extends the lease only if we still hold it (a paused node must not extend another's). */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("pexpire", KEYS[1], ARGV[2])
end
return 0`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

export interface LeaseOptions {
  key: string;
  /** Who holds it (the node id). */
  owner: string;
  /** How long the lease lasts without renewal: the longest a dead holder blocks a takeover. */
  ttlMs: number;
  log: Logger;
}

/**
 * A lease in Redis (SET NX PX, renewed by a script that checks the owner) for work that must run on
 * exactly one node: the clock's sweeps, escalations, outbox dispatch and outage inference. The
 * holder renews every third of the TTL; another node tries as often and takes over once a dead
 * holder's key expires. A holder that cannot reach Redis stops calling itself the holder before
 * its key can expire, so two nodes never both believe they hold it.
 */
export class Lease {
  private timer: NodeJS.Timeout | null = null;
  private holding = false;
  /** Local deadline: the last successful renewal plus the TTL, less a margin for clock drift. */
  private validUntil = 0;
  private ticking: Promise<void> | null = null;
  /** Called when this node takes the lease (e.g. to load what the singleton work needs). */
  onAcquired: (() => void) | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly opts: LeaseOptions,
  ) {}

  get held(): boolean {
    return this.holding && Date.now() < this.validUntil;
  }

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.opts.ttlMs / 3)));
    this.timer.unref();
  }

  /** One attempt to take or renew the lease (exported for tests). */
  tick(): Promise<void> {
    this.ticking ??= this.attempt().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async attempt(): Promise<void> {
    const { key, owner, ttlMs } = this.opts;
    const started = Date.now();
    let ok: boolean;
    try {
      ok = this.holding
        ? (await this.redis.eval(RENEW, 1, key, owner, String(ttlMs))) === 1
        : (await this.redis.set(key, owner, "PX", ttlMs, "NX")) === "OK";
    } catch (err) {
      if (this.holding && Date.now() >= this.validUntil) this.lose("Redis unreachable");
      else if (!this.holding) this.opts.log.debug({ err }, "lease: Redis unreachable");
      return;
    }
    if (ok) {
      this.validUntil = started + ttlMs - Math.min(1000, Math.floor(ttlMs / 5));
      if (!this.holding) {
        this.holding = true;
        this.opts.log.info({ lease: key, owner }, "lease: acquired; this node runs the clock");
        this.onAcquired?.();
      }
    } else if (this.holding) {
      this.lose("taken by another node");
    }
  }

  private lose(why: string): void {
    this.holding = false;
    this.opts.log.warn({ lease: this.opts.key, why }, "lease: lost");
  }

  /** Stops renewing and gives the lease up, so another node takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    if (!this.holding) return;
    this.holding = false;
    await this.redis.eval(RELEASE, 1, this.opts.key, this.opts.owner).catch(() => undefined);
  }
}
