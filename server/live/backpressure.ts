import type { Logger } from "pino";
import type { Socket } from "socket.io";

/**
 * Bytes waiting to reach one screen: packets engine.io holds while its transport is busy, plus
 * what the WebSocket has handed to Node but the kernel has not yet taken. A socket whose reader
 * stalls grows exactly these, so they are what the hub bounds.
 */
export function bufferedBytes(socket: Socket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: Array<{ data?: unknown }>;
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let bytes = 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
  }
  const ws = conn.transport?.socket;
  if (ws && typeof ws.bufferedAmount === "number") bytes += ws.bufferedAmount;
  return bytes;
}

export interface BackpressureLimits {
  /** Past this a screen gets no more deltas until it has drained, then a fresh snapshot. */
  maxBufferedBytes: number;
  /** A screen that has not drained by then (or that keeps growing past twice the limit) is cut off. */
  stalledForMs: number;
}

export const DEFAULT_LIMITS: BackpressureLimits = {
  maxBufferedBytes: 256 * 1024,
  stalledForMs: 15_000,
};

/** The Socket.IO room of the lagging sockets: every broadcast leaves it out. */
export const LAGGING = "lagging";

/**
 * The screens past their buffer bound, and since when. A lagging screen is left out of every
 * broadcast and its requests go unanswered; `sweep` gives one that drained below a quarter of the
 * bound a fresh start (`reset`, true if it sent one) and cuts off one that has not drained in time
 * or keeps growing.
 */
export class SlowScreens {
  private readonly since = new Map<string, number>();

  constructor(
    private readonly limits: BackpressureLimits,
    private readonly stats: { resets: number; cutOff: number },
    private readonly log: Logger,
  ) {}

  has(socket: Socket): boolean {
    return this.since.has(socket.id);
  }

  forget(socket: Socket): void {
    this.since.delete(socket.id);
  }

  /**
   * False when the socket is past its bound (it then waits among the lagging for the sweep to
   * reset or cut it off); a screen that asks for snapshots and reads none is bounded the same way.
   */
  withinBound(socket: Socket): boolean {
    if (this.since.has(socket.id)) return false;
    if (bufferedBytes(socket) <= this.limits.maxBufferedBytes) return true;
    this.since.set(socket.id, Date.now());
    void socket.join(LAGGING);
    return false;
  }

  cutOff(socket: Socket, why: string): void {
    if (!socket.connected) return;
    this.stats.cutOff++;
    this.since.delete(socket.id);
    this.log.warn(
      { socket: socket.id, unitId: socket.data.unitId, why },
      "live: slow screen cut off",
    );
    socket.disconnect(true);
  }

  /** Lagging sockets that drained are reset; those that did not in time are cut off. */
  sweep(sockets: ReadonlyMap<string, Socket>, reset: (socket: Socket) => boolean): void {
    const now = Date.now();
    const { maxBufferedBytes, stalledForMs } = this.limits;
    for (const [id, since] of this.since) {
      const socket = sockets.get(id);
      if (!socket) {
        this.since.delete(id);
        continue;
      }
      const buffered = bufferedBytes(socket);
      if (buffered < maxBufferedBytes / 4) {
        this.since.delete(id);
        void socket.leave(LAGGING);
        if (reset(socket)) this.stats.resets++;
      } else if (now - since > stalledForMs || buffered > 2 * maxBufferedBytes) {
        this.cutOff(socket, "stopped reading");
      }
    }
  }
}
