import type { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * What one node tells the others besides ticket changes: an in-memory cache it changed (the
 * others reload it from the store) or sessions that ended (the others close their sockets).
 */
export type Signal =
  | { kind: "settings" }
  | { kind: "officers" }
  | { kind: "api-keys" }
  | { kind: "contacts" }
  | { kind: "public-outages" }
  | { kind: "sessions-ended"; ids: string[] };

type Handler<K extends Signal["kind"]> = (signal: Extract<Signal, { kind: K }>) => void;

/**
 * Cross-node cache invalidation and session ends over Redis pub/sub. A signal lost while Redis is
 * down is made good when it returns: the caches are reloaded as part of the catch-up, and an
 * ended session's sockets are refused at their next subscribe anyway.
 */
export class ClusterSignals {
  private readonly handlers = new Map<string, Array<(s: Signal) => void>>();

  constructor(
    private readonly pub: Redis,
    sub: Redis,
    private readonly nodeId: string,
    private readonly log: Logger,
    /** `<CLUSTER_NAME>:signals` */
    private readonly channel: string,
  ) {
    sub.on("message", (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let parsed: { from: string; signal: Signal };
      try {
        parsed = JSON.parse(message) as { from: string; signal: Signal };
      } catch {
        return;
      }
      if (parsed.from === this.nodeId) return;
      for (const h of this.handlers.get(parsed.signal.kind) ?? []) {
        try {
          h(parsed.signal);
        } catch (err) {
          this.log.error({ err, kind: parsed.signal.kind }, "cluster: a signal handler failed");
        }
      }
    });
    sub.subscribe(this.channel).catch((err: unknown) => {
      this.log.warn({ err }, "cluster: could not subscribe to signals yet");
    });
  }

  on<K extends Signal["kind"]>(kind: K, handler: Handler<K>): void {
    const list = this.handlers.get(kind) ?? [];
    list.push(handler as (s: Signal) => void);
    this.handlers.set(kind, list);
  }

  send(signal: Signal): void {
    if (this.pub.status !== "ready") return;
    this.pub
      .publish(this.channel, JSON.stringify({ from: this.nodeId, signal }))
      .catch((err: unknown) => this.log.warn({ err, kind: signal.kind }, "cluster: signal lost"));
  }
}
