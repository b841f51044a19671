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
