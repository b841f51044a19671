import { io, type Socket } from "socket.io-client";
import { fromWire, type MapCounts, type UnitCounts } from "../../shared/counts.js";
import type {
  ClientToServerEvents,
  Delta,
  LiveLevel,
  ServerToClientEvents,
  Snapshot,
  SubscribeAck,
} from "../../shared/live.js";
import type { TicketEventView } from "../../shared/tickets.js";
import { signIn, type DemoUser } from "./auth.js";

/**
 * A real socket.io-client that keeps what a screen would keep: counts by unit, district and
 * feeder at a seq, and the events it saw. Applies deltas the way the SPA does.
 */
export class LiveTestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  seq = -1;
  units: Record<string, UnitCounts> = {};
  districts: Record<string, MapCounts> = {};
  feeders: Record<string, MapCounts> = {};
  events: TicketEventView[] = [];
  snapshots = 0;
  /** Every snapshot and delta as received, serialised: what left the server for this screen. */
  frames: string[] = [];
  deltas: Array<{ at: number; delta: Delta }> = [];
  private waiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    readonly unitId?: string,
    /** The demo user whose session the socket carries; null for none (to test refusals). */
    readonly as: DemoUser | null = "control",
    private readonly headers: Record<string, string> = {},
  ) {
    // Connected on the first subscribe, once signed in: the handshake carries the session cookie.
    this.socket = io(`${url}/live`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.socket.on("snapshot", (s) => this.applySnapshot(s));
    this.socket.on("delta", (d) => this.applyDelta(d));
  }

  /** Signs in (unless `as` is null) and opens the socket; rejects with the server's refusal. */
  async connect(): Promise<void> {
    if (this.socket.connected) return;
    const cookie = this.as ? (await signIn(this.url, this.as)).cookie : undefined;
    this.socket.io.opts.extraHeaders = { ...(cookie ? { cookie } : {}), ...this.headers };
    await new Promise<void>((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (err) => reject(err));
      this.socket.connect();
    });
  }

  /** `level`: what the screen asks for (a summary screen, `counts`); the policy may grant less. */
  async subscribe(sinceSeq?: number, level?: LiveLevel): Promise<SubscribeAck> {
    await this.connect();
    return this.socket.emitWithAck("subscribe", { unitId: this.unitId, sinceSeq, level });
  }

  private applySnapshot(s: Snapshot): void {
    this.snapshots++;
    this.frames.push(JSON.stringify(s));
    this.seq = s.seq;
    this.units = { [s.unitId]: s.unit, ...s.children };
    this.districts = { ...s.districts };
    this.feeders = fromWire(s.feeders);
    this.notify();
  }

  private applyDelta(d: Delta): void {
    this.deltas.push({ at: Date.now(), delta: d });
    this.frames.push(JSON.stringify(d));
    // Counts are absolute at d.seq: an older delta would roll state back, so it is dropped.
    const again = d.replayFrom !== undefined || d.continued === true;
    if (d.seq < this.seq || (d.seq === this.seq && !again)) return;
    for (const e of d.events) if (e.seq > this.seq) this.events.push(e);
    Object.assign(this.units, d.units);
    Object.assign(this.districts, d.districts);
    Object.assign(this.feeders, fromWire(d.feeders));
    this.seq = Math.max(this.seq, d.seq);
    this.notify();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `check` holds, re-checking after every update; rejects after `ms`. */
  until(check: (c: this) => boolean, ms = 5000): Promise<void> {
    if (check(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`live client: condition not met in ${ms} ms (seq ${this.seq})`)),
        ms,
      );
      const again = () => {
        if (check(this)) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(again);
      };
      this.waiters.push(again);
    });
  }

  /** Open count of a unit, ignoring zero-valued entries. */
  open(unitId: string): number {
    return this.units[unitId]?.open ?? 0;
  }

  /** Counts with zero entries dropped, for comparing two clients. */
  nonZero(): {
    units: Record<string, number>;
    feeders: Record<string, number>;
    districts: Record<string, number>;
  } {
    const pick = (o: Record<string, { open: number }>) =>
      Object.fromEntries(
        Object.entries(o)
          .filter(([, v]) => v.open > 0)
          .map(([k, v]) => [k, v.open]),
      );
    return {
      units: pick(this.units),
      feeders: pick(this.feeders),
      districts: pick(this.districts),
    };
  }

  close(): void {
    this.socket.close();
  }
}
